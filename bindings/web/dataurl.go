package web

import (
	"errors"
	"mime"
	"strings"

	"github.com/dop251/goja"
)

// answerData answers a fetch of a data: URL: 200 OK with the decoded bytes, or a network
// error for a malformed URL, like undici. There is no I/O, but the answer still comes from a
// later loop job, as every fetch answer does.
func (f *fetcher) answerData(answer goja.Callable, target string) {
	contentType, data, err := decodeDataURL(target)
	f.loop.Run(func(vm *goja.Runtime) {
		if err != nil {
			_, _ = answer(goja.Undefined(), vm.ToValue(err.Error()), vm.ToValue(""))
			return
		}
		h := &headerList{}
		h.add("content-type", contentType)
		_, _ = answer(goja.Undefined(), goja.Null(), goja.Null(), vm.ToValue(200), vm.ToValue("OK"),
			f.st.newHeaders(h), vm.ToValue(target), vm.ToValue(false), f.st.newUint8Array(data))
	})
}

// decodeDataURL is the Fetch standard's data: URL processor: the MIME type (text/plain;
// charset=US-ASCII when absent or unparsable) and the percent- or base64-decoded body.
func decodeDataURL(raw string) (contentType string, body []byte, err error) {
	rest, ok := strings.CutPrefix(raw, "data:")
	if !ok {
		return "", nil, errors.New("invalid data: URL")
	}
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		rest = rest[:i]
	}
	mimeType, encoded, ok := strings.Cut(rest, ",")
	if !ok {
		return "", nil, errors.New("invalid data: URL: no comma")
	}
	mimeType = strings.Trim(mimeType, " \t\n\f\r")
	body = percentDecode(encoded)
	if i := strings.LastIndexByte(mimeType, ';'); i >= 0 && strings.EqualFold(strings.TrimLeft(mimeType[i+1:], " "), "base64") {
		decoded, ok := forgivingBase64Decode(string(body))
		if !ok {
			return "", nil, errors.New("invalid data: URL: bad base64")
		}
		body = decoded
		mimeType = strings.TrimRight(mimeType[:i], " \t\n\f\r")
	}
	if strings.HasPrefix(mimeType, ";") {
		mimeType = "text/plain" + mimeType
	}
	contentType = "text/plain;charset=US-ASCII"
	if mt, params, err := mime.ParseMediaType(mimeType); err == nil {
		if s := mime.FormatMediaType(mt, params); s != "" {
			// The standard serializes a MIME type without spaces between parameters.
			contentType = strings.ReplaceAll(s, "; ", ";")
		}
	}
	return contentType, body, nil
}

// percentDecode decodes %XX escapes and keeps anything else, malformed escapes included.
func percentDecode(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]) {
			out = append(out, hexValue(s[i+1])<<4|hexValue(s[i+2]))
			i += 2
			continue
		}
		out = append(out, s[i])
	}
	return out
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func hexValue(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}
