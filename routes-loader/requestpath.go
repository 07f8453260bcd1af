package loader

import "strings"

// requestSegments splits a request path (as on the wire, percent-encoded) into the segments
// the table matches, the way a WHATWG URL parser builds the pathname Nitro routes on: a
// backslash is a slash, "." and ".." segments (also spelled with %2e) are resolved, and a
// ".." never climbs above the root. Percent-encoding is otherwise left as it is, so "%2F"
// stays inside its segment.
func requestSegments(path string) []string {
	path = cleanPath(path)
	if strings.IndexByte(path, '\\') >= 0 {
		path = strings.ReplaceAll(path, "\\", "/")
	}
	segs := splitPath(path)
	if !strings.Contains(path, "/.") && !strings.Contains(path, "/%2") {
		return segs
	}
	out := segs[:0]
	for _, s := range segs {
		switch {
		case isDoubleDot(s):
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		case isSingleDot(s):
		default:
			out = append(out, s)
		}
	}
	return out
}

func isSingleDot(s string) bool {
	return s == "." || strings.EqualFold(s, "%2e")
}

func isDoubleDot(s string) bool {
	switch len(s) {
	case 2:
		return s == ".."
	case 4:
		return strings.EqualFold(s, ".%2e") || strings.EqualFold(s, "%2e.")
	case 6:
		return strings.EqualFold(s, "%2e%2e")
	}
	return false
}
