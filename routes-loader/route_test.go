package loader

import "testing"

func TestRouteForFile(t *testing.T) {
	tests := []struct {
		rel, prefix  string
		path, method string
		bad          bool
	}{
		{rel: "index.ts", path: "/"},
		{rel: "chat.ts", path: "/chat"},
		{rel: "_ws.ts", path: "/_ws"},
		{rel: "api/index.ts", path: "/api"},
		{rel: "index.ts", prefix: "/api", path: "/api"},
		{rel: "hello.js", prefix: "/api", path: "/api/hello"},
		{rel: "rooms/[room].ts", path: "/rooms/:room"},
		{rel: "rooms/[room]/index.ts", path: "/rooms/:room"},
		{rel: "[user-id].ts", path: "/:user-id"},
		{rel: "files/[...path].ts", path: "/files/**:path"},
		{rel: "[...].ts", path: "/**"},
		{rel: "[...slug]/index.ts", path: "/**:slug"},
		{rel: "(admin)/users.mts", path: "/users"},
		{rel: "(a)/(b)/index.get.ts", path: "/", method: "GET"},
		{rel: "(group).ts", path: "/(group)"}, // only folders vanish
		{rel: "hello.get.ts", path: "/hello", method: "GET"},
		{rel: "hello.post.js", path: "/hello", method: "POST"},
		{rel: "hello.put.cts", path: "/hello", method: "PUT"},
		{rel: "hello.delete.tsx", path: "/hello", method: "DELETE"},
		{rel: "hello.patch.jsx", path: "/hello", method: "PATCH"},
		{rel: "hello.head.mjs", path: "/hello", method: "HEAD"},
		{rel: "hello.options.cjs", path: "/hello", method: "OPTIONS"},
		{rel: "users/[id]/index.patch.ts", path: "/users/:id", method: "PATCH"},
		{rel: "get.ts", path: "/get"},
		{rel: "a.b.ts", path: "/a.b"},
		{rel: "hello.GET.ts", path: "/hello.GET"},
		{rel: "user-[id].ts", path: "/user-:id"},
		{rel: "[id].json.ts", bad: true},
		{rel: "[a]-[b].ts", bad: true},
		{rel: "[...slug]/edit.ts", bad: true},
		{rel: "x-[...slug].ts", bad: true},
		{rel: "user-[a-b].ts", bad: true},
		{rel: "a:b.ts", bad: true},
		{rel: "[].ts", bad: true},
	}
	for _, tt := range tests {
		path, method, err := routeForFile(tt.rel, tt.prefix)
		if tt.bad {
			if err == nil {
				t.Errorf("routeForFile(%q) = %q %q, want an error", tt.rel, method, path)
			}
			continue
		}
		if err != nil || path != tt.path || method != tt.method {
			t.Errorf("routeForFile(%q, %q) = %q, %q, %v; want %q, %q", tt.rel, tt.prefix, path, method, err, tt.path, tt.method)
		}
	}
}
