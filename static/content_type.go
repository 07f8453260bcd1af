package static

import (
	"mime"
	"path"
	"strings"
)

// builtinTypes names the types of the files web apps ship, so answers do not depend on the
// host's /etc/mime.types (which mime.TypeByExtension reads and which varies between machines).
// Text types carry their charset.
var builtinTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".htm":   "text/html; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".mjs":   "text/javascript; charset=utf-8",
	".json":  "application/json; charset=utf-8",
	".map":   "application/json; charset=utf-8",
	".txt":   "text/plain; charset=utf-8",
	".xml":   "text/xml; charset=utf-8",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".jpeg":  "image/jpeg",
	".gif":   "image/gif",
	".webp":  "image/webp",
	".avif":  "image/avif",
	".ico":   "image/x-icon",
	".wasm":  "application/wasm",
	".woff":  "font/woff",
	".woff2": "font/woff2",
	".pdf":   "application/pdf",
}

// typeByExtension returns the Content-Type for a file name's extension, or "" when neither
// the built-in table nor the system's knows it (the caller then sniffs the content).
func typeByExtension(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if ext == "" {
		return ""
	}
	if t, ok := builtinTypes[ext]; ok {
		return t
	}
	return mime.TypeByExtension(ext)
}
