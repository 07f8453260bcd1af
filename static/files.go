package static

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// Files serves the files under one folder.
//
// Files is safe for concurrent use: it holds only the folder's resolved path. Every request
// looks files up and opens them afresh, so edits, new files and even a replaced folder show at
// once; nothing about a file outlives the request that looked at it.
type Files struct {
	root string // absolute, symlinks resolved
}

// New returns a Files serving the folder root. root must exist and be a directory; symlinks
// in root itself are resolved once here, so the folder may be reached through a link.
func New(root string) (*Files, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("static root %s: %w", root, err)
	}
	resolved, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, fmt.Errorf("static root %s: %w", root, err)
	}
	info, err := os.Stat(resolved)
	if err != nil {
		return nil, fmt.Errorf("static root %s: %w", root, err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("static root %s: not a directory", root)
	}
	return &Files{root: resolved}, nil
}

// Serve answers r from the folder when r is GET or HEAD and a regular file (or a folder with
// an index.html) matches r.URL.Path. Otherwise it reports false having written nothing, not
// even a header, so the caller can route the request elsewhere. Once it reports true the
// response is complete (200, 206, 304, 412 or 416).
func (f *Files) Serve(w http.ResponseWriter, r *http.Request) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	rel, wantDir, ok := requestPath(r.URL)
	if !ok {
		return false
	}
	accept := parseAcceptEncoding(r.Header.Values("Accept-Encoding"))

	a, v, file, info, ok := f.openVariant(rel, wantDir, accept)
	if !ok {
		// A file replaced between lookup and open (an editor saving) deserves a second look.
		a, v, file, info, ok = f.openVariant(rel, wantDir, accept)
	}
	if !ok {
		return false
	}
	defer file.Close()
	// A section of the size seen at open: seeks cost no syscalls, and a file growing while
	// it is sent cannot overrun the Content-Length already promised.
	content := io.NewSectionReader(file, 0, info.Size())

	ctype, ok := contentType(a, v, content)
	if !ok {
		return false
	}

	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "public, max-age=0, must-revalidate")
	h.Set("Etag", etag(info.Size(), info.ModTime(), v.encoding))
	if v.varies {
		h.Add("Vary", "Accept-Encoding")
	}
	if v.encoding != "" {
		h.Set("Content-Encoding", v.encoding)
		// ServeContent leaves Content-Length out of a full answer when Content-Encoding is
		// set; without it HEAD shows no length and large bodies go chunked.
		w = &fullLengthWriter{ResponseWriter: w, length: info.Size()}
	}
	http.ServeContent(w, tameRanges(r, info.Size()), a.name, info.ModTime(), content)
	return true
}

// openVariant finds what rel names, picks the variant to send and opens it. It reports false
// when nothing servable is there, or when the file changed between lookup and open.
func (f *Files) openVariant(rel string, wantDir bool, accept acceptedEncodings) (asset, variant, *os.File, fs.FileInfo, bool) {
	a, ok := f.findAsset(rel, wantDir)
	if !ok {
		return asset{}, variant{}, nil, nil, false
	}
	v := f.chooseVariant(a, accept)
	file, info, err := open(v.path, v.info)
	if err != nil && v.encoding != "" {
		// The sibling is unusable; the original still answers correctly.
		v = variant{asset: a, varies: v.varies}
		file, info, err = open(a.path, a.info)
	}
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, errChanged) {
			slog.Debug("static: open failed", "path", v.path, "err", err)
		}
		return asset{}, variant{}, nil, nil, false
	}
	return a, v, file, info, true
}

// contentType names the original file's type: by extension, else by sniffing the original's
// first bytes (never the compressed sibling's). It reports false if the original cannot be
// read for sniffing.
func contentType(a asset, v variant, served io.ReaderAt) (string, bool) {
	if t := typeByExtension(a.name); t != "" {
		return t, true
	}
	if v.encoding == "" {
		return sniff(served, a.path)
	}
	original, _, err := open(a.path, a.info)
	if err != nil {
		slog.Debug("static: open for sniffing failed", "path", a.path, "err", err)
		return "", false
	}
	defer original.Close()
	return sniff(original, a.path)
}

// sniff guesses a type from the first bytes of content, as http.ServeContent would.
func sniff(content io.ReaderAt, name string) (string, bool) {
	var buf [512]byte
	n, err := content.ReadAt(buf[:], 0)
	if err != nil && err != io.EOF {
		slog.Debug("static: sniff failed", "path", name, "err", err)
		return "", false
	}
	return http.DetectContentType(buf[:n]), true
}

// etag is a strong validator from size and modification time. The encoding is part of it so
// the compressed and plain answers of one file never share a tag (RFC 9110 8.8.3).
func etag(size int64, modTime time.Time, encoding string) string {
	b := make([]byte, 0, 40)
	b = append(b, '"')
	b = strconv.AppendInt(b, modTime.UnixNano(), 36)
	b = append(b, '-')
	b = strconv.AppendInt(b, size, 36)
	if encoding != "" {
		b = append(b, '-')
		b = append(b, encoding...)
	}
	b = append(b, '"')
	return string(b)
}
