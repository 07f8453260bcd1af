package loader

import (
	"reflect"
	"testing"
)

func TestTableMatch(t *testing.T) {
	routes := []Route{
		{Path: "/"},                          // 0
		{Path: "/chat"},                      // 1
		{Path: "/rooms/:room"},               // 2
		{Path: "/rooms/lobby"},               // 3
		{Path: "/files/**:path"},             // 4
		{Path: "/**"},                        // 5
		{Path: "/hello", Method: "GET"},      // 6
		{Path: "/hello"},                     // 7
		{Path: "/hello", Method: "POST"},     // 8
		{Path: "/user-:id"},                  // 9
		{Path: "/:slug"},                     // 10
		{Path: "/a/:x/c"},                    // 11
		{Path: "/a/b/:y"},                    // 12
		{Path: "/only-post", Method: "POST"}, // 13
		{Path: "/docs/**"},                   // 14
		{Path: "/api/users/:id/posts/:post"}, // 15
	}
	tab := NewTable(routes)
	tests := []struct {
		method, path string
		want         int
		params       map[string]string
	}{
		{"GET", "/", 0, map[string]string{}},
		{"GET", "/chat", 1, map[string]string{}},
		{"GET", "/chat/", 1, map[string]string{}},
		{"GET", "/chat?x=1", 1, map[string]string{}},
		{"GET", "/c%68at", 1, map[string]string{}},
		{"GET", "/rooms/lobby", 3, map[string]string{}},
		{"GET", "/rooms/game", 2, map[string]string{"room": "game"}},
		{"GET", "/rooms/game/", 2, map[string]string{"room": "game"}},
		{"GET", "/rooms/a%20b", 2, map[string]string{"room": "a%20b"}}, // params stay encoded, as in rou3
		{"GET", "/rooms/caf%C3%A9", 2, map[string]string{"room": "caf%C3%A9"}},
		{"GET", "/rooms/100%", 2, map[string]string{"room": "100%"}},
		{"GET", "/rooms", 10, map[string]string{"slug": "rooms"}}, // no route at /rooms: backtrack to /:slug
		{"GET", "/files/a/b/c", 4, map[string]string{"path": "a/b/c"}},
		{"GET", "/files/a%2Fb", 4, map[string]string{"path": "a%2Fb"}},
		{"GET", "/files/a%2f..%2f..%2fetc%2fpasswd", 4, map[string]string{"path": "a%2f..%2f..%2fetc%2fpasswd"}},
		{"GET", "/files/a/../b", 4, map[string]string{"path": "b"}}, // dot segments resolve as in a URL
		{"GET", "/files/a/%2e%2E/b/./c/%2e", 4, map[string]string{"path": "b/c"}},
		{"GET", "/files/a/b/.%2e/.%2E/x", 4, map[string]string{"path": "x"}},
		{"GET", "/x/../../files/q", 4, map[string]string{"path": "q"}}, // never above the root
		{"GET", "/files\\a\\..\\b", 4, map[string]string{"path": "b"}}, // a backslash is a slash
		{"GET", "/files/...", 4, map[string]string{"path": "..."}},
		{"GET", "/files", 10, map[string]string{"slug": "files"}}, // a named catch-all needs a segment
		{"GET", "/docs", 14, map[string]string{"0": "", "_": ""}}, // an unnamed one does not
		{"GET", "/docs/x/y", 14, map[string]string{"0": "x/y", "_": "x/y"}},
		{"GET", "/x/y/z", 5, map[string]string{"0": "x/y/z", "_": "x/y/z"}},
		{"GET", "/hello", 6, map[string]string{}},
		{"POST", "/hello", 8, map[string]string{}},
		{"PUT", "/hello", 7, map[string]string{}},
		{"GET", "/user-42", 9, map[string]string{"id": "42"}},
		{"GET", "/user-", 10, map[string]string{"slug": "user-"}},
		{"GET", "/user%2d42", 9, map[string]string{"id": "42"}}, // a prefix may come encoded
		{"GET", "/a/b/c", 12, map[string]string{"y": "c"}},      // static b beats :x at segment 2
		{"GET", "/a/z/c", 11, map[string]string{"x": "z"}},
		{"GET", "/a/b", 5, map[string]string{"0": "a/b", "_": "a/b"}},
		{"POST", "/only-post", 13, map[string]string{}},
		{"GET", "/only-post", 10, map[string]string{"slug": "only-post"}},  // method miss backtracks
		{"HEAD", "/only-post", 10, map[string]string{"slug": "only-post"}}, // a route that takes HEAD comes first
		{"GET", "/api/users/7/posts/9", 15, map[string]string{"id": "7", "post": "9"}},
	}
	for _, tt := range tests {
		idx, params, ok := tab.Match(tt.method, tt.path)
		if !ok || idx != tt.want || !reflect.DeepEqual(params, tt.params) {
			t.Errorf("Match(%s %s) = %d %v %v; want %d %v", tt.method, tt.path, idx, params, ok, tt.want, tt.params)
		}
	}
}

func TestTableNoMatchAndAllowed(t *testing.T) {
	tab := NewTable([]Route{
		{Path: "/chat"},
		{Path: "/form", Method: "POST"},
		{Path: "/form", Method: "PUT"},
		{Path: "/rooms/:room", Method: "GET"},
	})
	for _, p := range []string{"/", "/nope", "/chat/x", "/rooms", "/rooms//"} {
		if idx, _, ok := tab.Match("GET", p); ok {
			t.Errorf("Match(GET %s) = %d, want no match", p, idx)
		}
		if m := tab.AllowedMethods(p); m != nil {
			t.Errorf("AllowedMethods(%s) = %v, want nil", p, m)
		}
	}
	if _, _, ok := tab.Match("GET", "/form"); ok {
		t.Error("GET /form matched a POST/PUT-only route")
	}
	if got, want := tab.AllowedMethods("/form/"), []string{"POST", "PUT"}; !reflect.DeepEqual(got, want) {
		t.Errorf("AllowedMethods(/form/) = %v, want %v", got, want)
	}
	if got, want := tab.AllowedMethods("/chat"), []string{"*"}; !reflect.DeepEqual(got, want) {
		t.Errorf("AllowedMethods(/chat) = %v, want %v", got, want)
	}
	if _, _, ok := tab.Match("DELETE", "/rooms/x"); ok {
		t.Error("DELETE /rooms/x matched a GET-only route")
	}
	if got := tab.AllowedMethods("/rooms/x"); !reflect.DeepEqual(got, []string{"GET"}) {
		t.Errorf("AllowedMethods(/rooms/x) = %v", got)
	}
	if _, _, ok := NewTable(nil).Match("GET", "/"); ok {
		t.Error("empty table matched")
	}
}

func TestTableFirstDuplicateWins(t *testing.T) {
	tab := NewTable([]Route{{Path: "/r/:a"}, {Path: "/r/:b"}})
	idx, params, ok := tab.Match("GET", "/r/1")
	if !ok || idx != 0 || params["a"] != "1" {
		t.Errorf("Match = %d %v %v", idx, params, ok)
	}
}

// A HEAD that no route takes is routed as a GET, as h3's router does (h3 then drops the body);
// a route that takes HEAD, by method or for every method, still comes first.
func TestTableHeadFallsBackToGet(t *testing.T) {
	tab := NewTable([]Route{
		{Path: "/page", Method: "GET"},  // 0
		{Path: "/both", Method: "GET"},  // 1
		{Path: "/both", Method: "HEAD"}, // 2
		{Path: "/form", Method: "POST"}, // 3
	})
	for _, tc := range []struct {
		path string
		want int
	}{{"/page", 0}, {"/both", 2}, {"/form", -1}} {
		if got, _, _ := tab.Match("HEAD", tc.path); got != tc.want {
			t.Errorf("HEAD %s = %d, want %d", tc.path, got, tc.want)
		}
	}
}

// The fallback route answers only what nothing else matches, any method (a method no route of
// the path takes included, as a "/**" route for every method does in h3's router), with no
// params, and never counts in a path's allowed methods.
func TestTableFallback(t *testing.T) {
	tab := NewTable([]Route{
		{Path: "/hello", Method: "GET", File: "routes/hello.get.ts"},
		{Path: "/files/**:path", File: "routes/files/[...path].ts"},
		{Path: "/**", File: "server.ts", Fallback: true},
	})
	for _, c := range []struct {
		method, path string
		want         int
	}{
		{"GET", "/hello", 0}, {"GET", "/files/a/b", 1}, {"GET", "/", 2}, {"POST", "/other/x", 2},
		{"POST", "/hello", 2},
	} {
		i, params, ok := tab.Match(c.method, c.path)
		if !ok || i != c.want {
			t.Errorf("%s %s: %d %v, want %d", c.method, c.path, i, ok, c.want)
		}
		if i == 2 && len(params) != 0 {
			t.Errorf("%s %s: fallback params %v", c.method, c.path, params)
		}
	}
	if got := tab.AllowedMethods("/nothing"); got != nil {
		t.Errorf("AllowedMethods(/nothing) = %v, want none", got)
	}
}
