package compat

import (
	"strings"
	"testing"
)

// TestDifferences pins what the comparison counts as the same answer, so a loosened comparison
// cannot make the suite pass by accident. It needs no Node.
func TestDifferences(t *testing.T) {
	jsonAnswer := func(body string) answer {
		return answer{Status: 200, Headers: map[string]string{"content-type": "application/json"}, Body: body}
	}
	textAnswer := func(ct, body string) answer {
		return answer{Status: 200, Headers: map[string]string{"content-type": ct}, Body: body}
	}
	for _, tc := range []struct {
		name       string
		node, az   answer
		wantDiffer string // a substring of the differences; "" = the answers match
	}{
		{"json key order and spacing", jsonAnswer(`{"a":1,"b":[1,2]}`), jsonAnswer(`{ "b": [1, 2], "a": 1 }`), ""},
		{"json value", jsonAnswer(`{"a":1}`), jsonAnswer(`{"a":"1"}`), "body:"},
		{"json array order", jsonAnswer(`[1,2]`), jsonAnswer(`[2,1]`), "body:"},
		{"text byte for byte", textAnswer("text/plain", "a b"), textAnswer("text/plain", "a  b"), "body:"},
		{"json-looking text is text", textAnswer("text/plain", `{"a":1}`), textAnswer("text/plain", `{ "a": 1 }`), "body:"},
		{"content-type spelling", textAnswer("text/plain; charset=UTF-8", "x"), textAnswer("text/plain;charset=UTF-8", "x"), "header content-type"},
		{"header absent on one side", textAnswer("text/plain", "x"), answer{Status: 200, Headers: map[string]string{}, Body: "x"}, "(absent)"},
		{"status", answer{Status: 404, Headers: map[string]string{}}, answer{Status: 500, Headers: map[string]string{}}, "status: node 404, azote 500"},
		{"request error on one side", answer{Status: 200}, answer{Err: "connection reset"}, "request error"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			diffs := strings.Join(differences(tc.node, tc.az), "\n")
			if tc.wantDiffer == "" && diffs != "" {
				t.Fatalf("want a match, got:\n%s", diffs)
			}
			if tc.wantDiffer != "" && !strings.Contains(diffs, tc.wantDiffer) {
				t.Fatalf("want a difference naming %q, got:\n%s", tc.wantDiffer, diffs)
			}
		})
	}
}

// TestVolatileRewrites checks that a volatile part is rewritten on both sides alike and that
// what is around it is still compared.
func TestVolatileRewrites(t *testing.T) {
	c := compatCase{Volatile: []rewrite{sealed}}
	a := answer{Headers: map[string]string{"set-cookie": "s=Fe26.2**abc*def; Path=/"}, Body: "Fe26.2*zz"}
	c.normalise(&a)
	if a.Headers["set-cookie"] != "s=<sealed>; Path=/" || a.Body != "<sealed>" {
		t.Fatalf("rewritten: %q, %q", a.Headers["set-cookie"], a.Body)
	}
}
