package loader

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzRoutePattern feeds file names through Nitro's file rules and the route table: a name is
// either refused with an error or becomes a pattern that the table builds, that matches a
// request for a path filled in from it (with every parameter), and that never panics on
// arbitrary request paths.
func FuzzRoutePattern(f *testing.F) {
	for _, s := range [][2]string{
		{"rooms/[room].ts", "/rooms/x"},
		{"files/[...path].get.ts", "/files/a%2fb/../c"},
		{"(group)/index.ts", "/"},
		{"user-[id].ts", "/user-1"},
		{"[...].ts", "/x/%2e%2E/y"},
		{"a/[b]/c/[...rest].post.mjs", "/a/1/c/2/3"},
		{"100%.ts", "/100%25"},
		{"caf\u00e9/[x].ts", "/caf%C3%A9/%2F"},
		{"[.x].ts", "\\..\\x"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, file, reqPath string) {
		path, method, err := routeForFile(file, "")
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("routeForFile(%q): an empty error", file)
			}
			return
		}
		tab := NewTable([]Route{{Path: path, Method: method, File: file}})
		tab.Match("GET", reqPath)
		tab.AllowedMethods(reqPath)

		concrete, names, ok := fillPattern(path)
		if !ok {
			return
		}
		if method == "" {
			method = "GET"
		}
		i, params, ok := tab.Match(method, concrete)
		if !ok || i != 0 {
			t.Fatalf("pattern %q (from %q) does not match %q", path, file, concrete)
		}
		for _, n := range names {
			if _, ok := params[n]; !ok {
				t.Fatalf("pattern %q on %q: no param %q in %v", path, concrete, n, params)
			}
		}
	})
}

// fillPattern is a request path (as a client sends it, percent-encoded) that pattern must
// match, with its parameter names. ok is false for a pattern no request can reach: a static
// segment "." or ".." is resolved away by every URL parser.
func fillPattern(pattern string) (path string, names []string, ok bool) {
	var b strings.Builder
	for _, seg := range splitPath(pattern) {
		b.WriteByte('/')
		switch {
		case strings.HasPrefix(seg, "**"):
			name, named := strings.CutPrefix(seg, "**:")
			if !named {
				name = "_"
			}
			names = append(names, name)
			b.WriteString("a/b")
		case strings.Contains(seg, ":"):
			before, name, _ := strings.Cut(seg, ":")
			names = append(names, name)
			b.WriteString(url.PathEscape(before) + "x")
		default:
			if seg == "." || seg == ".." {
				return "", nil, false
			}
			b.WriteString(url.PathEscape(seg))
		}
	}
	if b.Len() == 0 {
		return "/", names, true
	}
	return b.String(), names, true
}
