package static

import (
	"net/url"
	"path/filepath"
	"strings"
)

// requestPath turns a request URL into a slash-separated path relative to the served folder.
// It refuses, rather than cleans, anything that could name a place outside the folder or a
// hidden file: empty, "." and ".." segments (however they were encoded), any segment starting
// with ".", encoded slashes, backslashes and NUL bytes. wantDir reports a trailing slash.
func requestPath(u *url.URL) (rel string, wantDir bool, ok bool) {
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		return "", false, false
	}
	// An encoded slash decodes into u.Path as a plain "/", where it would split a segment the
	// client meant as one; only the escaped form still shows it.
	if u.RawPath != "" && containsFold(u.RawPath, "%2f") {
		return "", false, false
	}
	p = p[1:]
	if p == "" {
		return "", true, true
	}
	if strings.HasSuffix(p, "/") {
		wantDir = true
		p = p[:len(p)-1]
	}
	for seg := range strings.SplitSeq(p, "/") {
		if seg == "" || seg[0] == '.' || strings.ContainsAny(seg, "\\\x00") {
			return "", false, false
		}
	}
	// Catches what is special on other systems only (volume names, reserved device names).
	if !filepath.IsLocal(filepath.FromSlash(p)) {
		return "", false, false
	}
	return p, wantDir, true
}

// containsFold reports whether s contains the ASCII pattern lower, ignoring ASCII case.
func containsFold(s, lower string) bool {
	for i := 0; i+len(lower) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(lower)], lower) {
			return true
		}
	}
	return false
}
