package web

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/textproto"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// formEntry is one FormData entry crossing between Go and formdata.js. A file entry has
// isFile set and its bytes in data; a string entry has its UTF-8 text in data.
type formEntry struct {
	name        string
	data        []byte
	isFile      bool
	filename    string
	contentType string
}

// parseMultipartNative(bytes, contentType) returns FormData's flat entry list
// [name, value, filename, type, ...] (string entries have undefined filename and type), or
// undefined when the body is not valid multipart/form-data.
func (st *runtimeState) parseMultipartNative(call goja.FunctionCall) goja.Value {
	entries, err := parseMultipart(st.sourceBytes(call.Argument(0)), call.Argument(1).String())
	if err != nil {
		return goja.Undefined()
	}
	flat := make([]any, 0, 4*len(entries))
	for _, e := range entries {
		if e.isFile {
			flat = append(flat, e.name, st.newUint8Array(e.data), e.filename, e.contentType)
		} else {
			flat = append(flat, e.name, decodeUTF8(e.data), goja.Undefined(), goja.Undefined())
		}
	}
	return st.vm.NewArray(flat...)
}

func parseMultipart(body []byte, contentType string) ([]formEntry, error) {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return nil, err
	}
	boundary := params["boundary"]
	if boundary == "" {
		return nil, errors.New("no boundary")
	}
	r := multipart.NewReader(bytes.NewReader(body), boundary)
	var entries []formEntry
	for {
		// NextRawPart: like undici, leave Content-Transfer-Encoding alone.
		p, err := r.NextRawPart()
		if err == io.EOF {
			return entries, nil
		}
		if err != nil {
			return nil, err
		}
		_, disp, err := mime.ParseMediaType(p.Header.Get("Content-Disposition"))
		if err != nil {
			return nil, err
		}
		name, ok := disp["name"]
		if !ok {
			return nil, errors.New("part without a name")
		}
		name = formUnescape(name)
		data, err := io.ReadAll(p)
		if err != nil {
			return nil, err
		}
		e := formEntry{name: name, data: data}
		if filename, ok := disp["filename"]; ok {
			e.isFile, e.filename = true, formUnescape(filename)
			e.contentType = p.Header.Get("Content-Type")
			if e.contentType == "" {
				e.contentType = "text/plain"
			}
		}
		entries = append(entries, e)
	}
}

// encodeMultipartNative(flat entries) serializes a FormData body and returns
// [Uint8Array, boundary].
func (st *runtimeState) encodeMultipartNative(call goja.FunctionCall) goja.Value {
	list := call.Argument(0).ToObject(st.vm)
	n := int(list.Get("length").ToInteger())
	entries := make([]formEntry, 0, n/4)
	for i := 0; i+3 < n; i += 4 {
		e := formEntry{name: list.Get(strconv.Itoa(i)).String()}
		value := list.Get(strconv.Itoa(i + 1))
		if filename := list.Get(strconv.Itoa(i + 2)); !goja.IsUndefined(filename) {
			b, _ := st.view(value)
			e.isFile, e.data, e.filename = true, b, filename.String()
			e.contentType = list.Get(strconv.Itoa(i + 3)).String()
		} else {
			e.data = []byte(value.String())
		}
		entries = append(entries, e)
	}
	body, boundary, err := encodeMultipart(entries)
	if err != nil {
		panic(st.vm.NewGoError(err))
	}
	return st.vm.NewArray(st.newUint8Array(body), boundary)
}

// formEscaper escapes names and filenames in Content-Disposition the way the HTML standard's
// multipart/form-data encoding does.
var formEscaper = strings.NewReplacer("\n", "%0A", "\r", "%0D", `"`, "%22")

// formUnescape undoes formEscaper, accepting either case of hex digits like undici.
func formUnescape(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	return formUnescaper.Replace(s)
}

var formUnescaper = strings.NewReplacer("%0A", "\n", "%0a", "\n", "%0D", "\r", "%0d", "\r", "%22", `"`)

// lineBreaks normalizes string entries' line breaks to CRLF, as form submission does.
var lineBreaks = strings.NewReplacer("\r\n", "\r\n", "\r", "\r\n", "\n", "\r\n")

func encodeMultipart(entries []formEntry) ([]byte, string, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, e := range entries {
		h := textproto.MIMEHeader{}
		disposition := `form-data; name="` + formEscaper.Replace(lineBreaks.Replace(e.name)) + `"`
		data := e.data
		if e.isFile {
			disposition += `; filename="` + formEscaper.Replace(e.filename) + `"`
			ct := e.contentType
			if ct == "" {
				ct = "application/octet-stream"
			}
			h.Set("Content-Type", ct)
		} else {
			data = []byte(lineBreaks.Replace(string(e.data)))
		}
		h.Set("Content-Disposition", disposition)
		part, err := w.CreatePart(h)
		if err != nil {
			return nil, "", err
		}
		if _, err := part.Write(data); err != nil {
			return nil, "", err
		}
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), w.Boundary(), nil
}
