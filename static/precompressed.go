package static

import (
	"net/http"
	"path"
	"strconv"
)

// variant is the file chosen to answer a request: the asset itself, or a precompressed
// sibling of it.
type variant struct {
	asset
	encoding string // Content-Encoding of the bytes served; "" for the asset itself
	varies   bool   // a sibling exists, so the answer depends on Accept-Encoding
}

// precompressedSiblings lists sibling suffixes in order of preference.
var precompressedSiblings = []struct {
	suffix, encoding string
	allowed          func(acceptedEncodings) bool
}{
	{".br", "br", func(a acceptedEncodings) bool { return a.br }},
	{".gz", "gzip", func(a acceptedEncodings) bool { return a.gzip }},
}

// chooseVariant picks the first sibling the client accepts (br, then gzip), else the asset.
// It still looks for siblings the client does not accept: their existence alone means the
// plain answer must carry Vary: Accept-Encoding, or a shared cache could hand it to everyone.
func (f *Files) chooseVariant(a asset, accept acceptedEncodings) variant {
	plain := variant{asset: a}
	base := path.Base(a.name)
	for _, s := range precompressedSiblings {
		p, info, ok := f.entry(a.dir, base+s.suffix)
		if !ok || !info.Mode().IsRegular() {
			continue
		}
		plain.varies = true
		if s.allowed(accept) {
			return variant{
				asset:    asset{name: a.name, dir: a.dir, path: p, info: info},
				encoding: s.encoding,
				varies:   true,
			}
		}
		if !accept.br && !accept.gzip {
			break // Vary is settled and no sibling can be chosen.
		}
	}
	return plain
}

// fullLengthWriter sets Content-Length on a 200 answer that lacks one. http.ServeContent
// leaves it out when Content-Encoding is set, though here the length of the encoded bytes is
// exactly known. Other statuses (206, 304, 412, 416) are left as ServeContent made them.
type fullLengthWriter struct {
	http.ResponseWriter
	length int64
}

func (w *fullLengthWriter) WriteHeader(code int) {
	if code == http.StatusOK && w.Header().Get("Content-Length") == "" {
		w.Header().Set("Content-Length", strconv.FormatInt(w.length, 10))
	}
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the real writer.
func (w *fullLengthWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
