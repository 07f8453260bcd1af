package loader

import (
	"net/url"
	"sort"
	"strings"
)

// Table matches request paths to routes. It is immutable after NewTable and safe for
// concurrent use.
type Table struct {
	root     *node
	routes   []Route
	patterns [][]patternSeg // parsed routes[i].Path
	fallback int            // the index of the Fallback route (the server entry), or -1
}

// node is one level of the route trie. Lookup tries, for each request segment, the static
// child, then the parameter children (prefixed ones like "user-:id" before the plain one), then
// the catch-all, backtracking when a branch has no route for the rest of the path. That is
// rou3's order (h3 v2's router), which makes static beat param beat catch-all per segment.
type node struct {
	static   map[string]*node
	params   []*paramChild
	wildcard *node
	routes   []int // indexes of routes ending here, in NewTable order
}

type paramChild struct {
	prefix string // "" for a whole-segment ":name"
	node   *node
}

type segKind uint8

const (
	segStatic segKind = iota
	segParam
	segWildcard
)

type patternSeg struct {
	kind   segKind
	text   string // static text, or the prefix before a parameter
	name   string // parameter name; "_" for an unnamed catch-all
	needed bool   // a catch-all with a name needs at least one segment; "**" also matches none
}

// NewTable builds a matcher over routes. Indexes returned by Match refer to this slice.
func NewTable(routes []Route) *Table {
	t := &Table{root: &node{}, routes: routes, patterns: make([][]patternSeg, len(routes))}
	t.fallback = -1
	for i, r := range routes {
		if r.Fallback {
			t.fallback = i // matched by Match when nothing else is, never by AllowedMethods
			continue
		}
		pat := parsePattern(r.Path)
		t.patterns[i] = pat
		n := t.root
		for _, s := range pat {
			n = n.child(s)
		}
		n.routes = append(n.routes, i)
	}
	return t
}

func parsePattern(path string) []patternSeg {
	segs := splitPath(path)
	pat := make([]patternSeg, 0, len(segs))
	for _, s := range segs {
		switch {
		case strings.HasPrefix(s, "**"):
			name, named := strings.CutPrefix(s, "**:")
			if !named || name == "" {
				name = "_"
			}
			pat = append(pat, patternSeg{kind: segWildcard, name: name, needed: named})
			return pat // nothing after a catch-all can match, as in rou3
		case strings.IndexByte(s, ':') >= 0:
			colon := strings.IndexByte(s, ':')
			pat = append(pat, patternSeg{kind: segParam, text: s[:colon], name: s[colon+1:]})
		default:
			pat = append(pat, patternSeg{kind: segStatic, text: s})
		}
	}
	return pat
}

func (n *node) child(s patternSeg) *node {
	switch s.kind {
	case segWildcard:
		if n.wildcard == nil {
			n.wildcard = &node{}
		}
		return n.wildcard
	case segParam:
		for _, p := range n.params {
			if p.prefix == s.text {
				return p.node
			}
		}
		c := &paramChild{prefix: s.text, node: &node{}}
		n.params = append(n.params, c)
		// Longer prefixes are more specific; the plain parameter (prefix "") goes last.
		sort.SliceStable(n.params, func(i, j int) bool { return len(n.params[i].prefix) > len(n.params[j].prefix) })
		return c.node
	default:
		if n.static == nil {
			n.static = map[string]*node{}
		}
		c := n.static[s.text]
		if c == nil {
			c = &node{}
			n.static[s.text] = c
		}
		return c
	}
}

// Match returns the index into the routes of the best route for method and path, with its
// parameters. path is the request path as it came on the wire (url.URL.EscapedPath), and it
// is read the way Nitro (h3 v2, rou3) reads event.url.pathname: dot segments are resolved
// like the WHATWG URL parser does ("..", ".%2e", "%2E%2E", ...; a backslash is a slash), an
// encoded slash stays inside its segment, and parameters are returned as they appear in the
// path, still percent-encoded (":room" -> "caf%C3%A9", "**:path" -> "a/b%2F..%2Fc", an
// unnamed "**" -> keys "0" and "_", as rou3 gives them); getRouterParam's { decode: true } decodes them. A static segment
// also matches its decoded spelling ("/c%68at" is "/chat"). For the same pattern a route with
// a matching method beats a method-less one; a HEAD that no route takes is matched as a GET.
// A trailing slash is ignored. ok is false when
// nothing matches; AllowedMethods tells a 405 from a 404.
func (t *Table) Match(method, path string) (index int, params map[string]string, ok bool) {
	segs := requestSegments(path)
	idx := -1
	t.walk(t.root, segs, 0, func(routes []int) bool {
		idx = pickMethod(t.routes, routes, method)
		return idx >= 0
	})
	if idx < 0 && method == "HEAD" {
		// As h3's router: a HEAD nothing answers is routed as a GET (h3 drops the body).
		t.walk(t.root, segs, 0, func(routes []int) bool {
			idx = pickMethod(t.routes, routes, "GET")
			return idx >= 0
		})
	}
	if idx < 0 && t.fallback >= 0 {
		return t.fallback, map[string]string{}, true
	}
	if idx < 0 {
		return -1, nil, false
	}
	return idx, t.params(idx, segs), true
}

// AllowedMethods returns the sorted methods of the routes whose pattern matches path whatever
// the method, or nil when none does. A route without a method contributes "*". Use it after
// Match fails: a non-empty result means 405 rather than 404.
func (t *Table) AllowedMethods(path string) []string {
	segs := requestSegments(path)
	set := map[string]bool{}
	t.walk(t.root, segs, 0, func(routes []int) bool {
		for _, i := range routes {
			m := t.routes[i].Method
			if m == "" {
				m = "*"
			}
			set[m] = true
		}
		return false
	})
	if len(set) == 0 {
		return nil
	}
	out := make([]string, 0, len(set))
	for m := range set {
		out = append(out, m)
	}
	sort.Strings(out)
	return out
}

// walk visits, in priority order, the route lists of every trie node whose pattern matches
// segs[i:], until visit returns true.
func (t *Table) walk(n *node, segs []string, i int, visit func(routes []int) bool) bool {
	if i == len(segs) {
		if len(n.routes) > 0 && visit(n.routes) {
			return true
		}
		// An unnamed catch-all also matches nothing: "/**" matches "/".
		if w := n.wildcard; w != nil {
			if opt := t.optionalOnly(w.routes); len(opt) > 0 && visit(opt) {
				return true
			}
		}
		return false
	}
	seg := segs[i]
	if n.static != nil {
		c := n.static[seg]
		if c == nil && strings.IndexByte(seg, '%') >= 0 {
			c = n.static[decodeSegment(seg)]
		}
		if c != nil && t.walk(c, segs, i+1, visit) {
			return true
		}
	}
	for _, p := range n.params {
		if _, ok := cutPrefix(seg, p.prefix); ok && t.walk(p.node, segs, i+1, visit) {
			return true
		}
	}
	if w := n.wildcard; w != nil && len(w.routes) > 0 {
		return visit(w.routes)
	}
	return false
}

func (t *Table) optionalOnly(routes []int) []int {
	var out []int
	for _, i := range routes {
		if p := t.patterns[i]; !p[len(p)-1].needed {
			out = append(out, i)
		}
	}
	return out
}

// pickMethod returns the first route for exactly method, else the first method-less one.
func pickMethod(all []Route, routes []int, method string) int {
	generic := -1
	for _, i := range routes {
		switch all[i].Method {
		case method:
			return i
		case "":
			if generic < 0 {
				generic = i
			}
		}
	}
	return generic
}

func (t *Table) params(idx int, segs []string) map[string]string {
	pat := t.patterns[idx]
	var params map[string]string
	for j, s := range pat {
		if s.kind == segStatic {
			continue
		}
		if params == nil {
			params = map[string]string{}
		}
		if s.kind == segWildcard {
			rest := ""
			if j < len(segs) {
				rest = strings.Join(segs[j:], "/")
			}
			params[s.name] = rest
			if !s.needed {
				params["0"] = rest // rou3 names an unnamed "**" both by its index and "_"
			}
			continue
		}
		params[s.name], _ = cutPrefix(segs[j], s.text)
	}
	if params == nil {
		params = map[string]string{}
	}
	return params
}

// cleanPath drops a query or fragment a caller left on and guarantees a leading slash.
func cleanPath(p string) string {
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return p
}

// splitPath splits "/a/b/" into ["a", "b"]: one trailing slash is ignored, inner empty
// segments are kept (as rou3 does).
func splitPath(p string) []string {
	p = strings.TrimPrefix(p, "/")
	p = strings.TrimSuffix(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

func decodeSegment(s string) string {
	if strings.IndexByte(s, '%') < 0 {
		return s
	}
	d, err := url.PathUnescape(s)
	if err != nil {
		return s
	}
	return d
}

// cutPrefix is what follows a parameter's static prefix in a request segment ("user-" in
// "user-42" leaves "42"), ok only when something follows. The prefix may come
// percent-encoded ("%20" for " ", "caf%C3%A9" for "café"), as clients send it.
func cutPrefix(seg, prefix string) (rest string, ok bool) {
	if strings.HasPrefix(seg, prefix) {
		return seg[len(prefix):], len(seg) > len(prefix)
	}
	if strings.IndexByte(seg, '%') < 0 {
		return "", false
	}
	i := 0
	for j := 0; j < len(prefix); j++ {
		if i >= len(seg) {
			return "", false
		}
		c, n := seg[i], 1
		if c == '%' && i+2 < len(seg) && isHex(seg[i+1]) && isHex(seg[i+2]) {
			c, n = unhex(seg[i+1])<<4|unhex(seg[i+2]), 3
		}
		if c != prefix[j] {
			return "", false
		}
		i += n
	}
	return seg[i:], i < len(seg)
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}
