package loader

import (
	"fmt"
	"strings"
)

// Route is one route file.
type Route struct {
	Path   string // router pattern: "/", "/chat", "/rooms/:room", "/files/**:path", "/**"
	Method string // "" = every method, else upper case "GET", "POST", ... (from hello.get.ts)
	File   string // path relative to the app dir, slash-separated, e.g. "routes/rooms/[room].ts"
	// Fallback marks the app's server entry (server.ts): it answers, whatever the method,
	// the requests no other route matches. Path is "/**" for display.
	Fallback bool
}

// methodSuffixes are the file-name suffixes that limit a route to one method, as in Nitro.
var methodSuffixes = map[string]string{
	"get": "GET", "post": "POST", "put": "PUT", "delete": "DELETE", "patch": "PATCH",
	"head": "HEAD", "options": "OPTIONS", "connect": "CONNECT", "trace": "TRACE",
}

// envSuffixes are the last file-name suffixes that include a route in one kind of build only,
// as in Nitro: "test.get.dev.ts" is served by `azote dev` alone, "test.prod.ts" by `azote
// serve` alone. A prerender build never happens here, so ".prerender" files are never served.
var envSuffixes = []string{"dev", "prod", "prerender"}

// routeEnv splits a build suffix off rel ("a.get.dev.ts" -> "a.get.ts", "dev"); env is ""
// for a file of every build.
func routeEnv(rel string) (stripped, env string) {
	ext := fileExt(rel)
	stem := strings.TrimSuffix(rel, "."+ext)
	for _, e := range envSuffixes {
		if base, ok := strings.CutSuffix(stem, "."+e); ok && !strings.HasSuffix(base, "/") && base != "" {
			return base + "." + ext, e
		}
	}
	return rel, ""
}

// routeForFile maps a file path relative to its scanned folder ("rooms/[room].get.ts") to a
// router pattern under prefix ("" or "/api") and a method. An error means the name cannot be
// expressed as a pattern; the caller skips the file with a warning.
func routeForFile(rel, prefix string) (path, method string, err error) {
	stem := strings.TrimSuffix(rel, "."+fileExt(rel))
	parts := strings.Split(stem, "/")
	last := parts[len(parts)-1]
	if dot := strings.LastIndexByte(last, '.'); dot > 0 {
		if m, ok := methodSuffixes[last[dot+1:]]; ok {
			method = m
			last = last[:dot]
		}
	}
	parts[len(parts)-1] = last

	// Group folders "(name)" vanish; only folders, not the file itself (Nitro does the same).
	segs := make([]string, 0, len(parts))
	for i, p := range parts {
		if i < len(parts)-1 && len(p) > 2 && p[0] == '(' && p[len(p)-1] == ')' {
			continue
		}
		segs = append(segs, p)
	}
	if len(segs) > 0 && segs[len(segs)-1] == "index" {
		segs = segs[:len(segs)-1]
	}

	out := make([]string, len(segs))
	for i, s := range segs {
		seg, err := patternSegment(s)
		if err != nil {
			return "", "", err
		}
		if strings.HasPrefix(seg, "**") && i != len(segs)-1 {
			return "", "", fmt.Errorf("catch-all %q must be the last part of the path", s)
		}
		out[i] = seg
	}
	path = prefix + "/" + strings.Join(out, "/")
	if len(path) > 1 {
		path = strings.TrimSuffix(path, "/")
	}
	return path, method, nil
}

// patternSegment converts one file-name segment: "[room]" -> ":room", "[...path]" -> "**:path",
// "[...]" -> "**", "user-[id]" -> "user-:id"; plain text stays.
func patternSegment(s string) (string, error) {
	if s == "" {
		return "", fmt.Errorf("empty path segment")
	}
	if strings.ContainsAny(s, ":*") {
		// The router reads ':' and '*' as pattern syntax; a file name using them cannot be
		// matched literally.
		return "", fmt.Errorf("segment %q contains ':' or '*'", s)
	}
	open := strings.IndexByte(s, '[')
	if open < 0 {
		if strings.IndexByte(s, ']') >= 0 {
			return "", fmt.Errorf("segment %q has an unmatched ']'", s)
		}
		return s, nil
	}
	end := strings.IndexByte(s, ']')
	if end < open || strings.Count(s, "[") != 1 || strings.Count(s, "]") != 1 {
		return "", fmt.Errorf("segment %q must hold at most one [param]", s)
	}
	before, inner, after := s[:open], s[open+1:end], s[end+1:]
	if after != "" {
		return "", fmt.Errorf("segment %q has text after its [param]", s)
	}
	if rest, ok := strings.CutPrefix(inner, "..."); ok {
		if before != "" {
			return "", fmt.Errorf("catch-all segment %q has text before it", s)
		}
		if rest == "" {
			return "**", nil
		}
		return "**:" + rest, nil
	}
	if inner == "" || strings.HasPrefix(inner, ".") {
		return "", fmt.Errorf("segment %q has an empty or malformed [param]", s)
	}
	if before != "" && !isParamName(inner) {
		// "user-[id]" style segments are only unambiguous with a plain name.
		return "", fmt.Errorf("parameter name in %q must be letters, digits or '_'", s)
	}
	return before + ":" + inner, nil
}

func isParamName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// routeKey identifies routes that the matcher cannot tell apart: the same method and the same
// pattern up to parameter names.
func routeKey(r Route) string {
	segs := strings.Split(r.Path, "/")
	for i, s := range segs {
		switch {
		case strings.HasPrefix(s, "**:"):
			segs[i] = "**:"
		case strings.HasPrefix(s, "**"):
		case strings.IndexByte(s, ':') >= 0:
			segs[i] = s[:strings.IndexByte(s, ':')+1]
		}
	}
	return r.Method + " " + strings.Join(segs, "/")
}

// describe renders a route as "GET /a" or "/a" for messages.
func (r Route) describe() string {
	if r.Method == "" {
		return r.Path
	}
	return r.Method + " " + r.Path
}
