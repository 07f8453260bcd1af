package azote

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// A handler that returns or throws a value whose reading throws gets 500, as h3 2.0.8 on Node
// gives ({"status":500,"unhandled":true,"message":"HTTPError"} for a throwing getter, a BigInt
// and a thrown Proxy, measured with h3@2.0.8 + srvx), never a hang, and the server keeps serving.
// The route file is named in the log line.
func TestHostileValuesAre500(t *testing.T) {
	ts := start(t, hostileApp, Options{HandlerTimeout: 5 * time.Second})
	// Below the handler timeout: a hang must show as no answer, not as the timeout's 504.
	client := &http.Client{Timeout: 3 * time.Second}
	kinds := []string{"getter", "proxy", "tojson", "bigint", "cycle", "headers",
		"throw-getter", "throw-proxy", "throw-tojson", "throw-badmessage", "throw-headers"}
	for _, kind := range kinds {
		resp, err := client.Get(ts.url("/hostile/" + kind))
		if err != nil {
			t.Errorf("%s: no answer: %v", kind, err)
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 500 {
			t.Errorf("%s: %d %.200s, want 500", kind, resp.StatusCode, body)
		}
	}
	if status, _, body := ts.get("/ping"); status != 200 || body != "pong" {
		t.Errorf("after the hostile values: %d %s", status, body)
	}
	eventually(t, "a log line naming the route file", func() bool {
		return strings.Contains(ts.logs.String(), "hostile/[kind].ts")
	})
}

// An upgrade hook that returns or throws a value whose reading throws gets 500, never a hang,
// and the route keeps accepting. A hang shows as the dial's own timeout (5s): the handler
// timeout, which would answer for it, is set far above.
func TestHostileUpgradeValuesAre500(t *testing.T) {
	ts := start(t, hostileApp, Options{HandlerTimeout: 30 * time.Second})
	kinds := []string{"proxy", "headers", "context", "throw-getter", "throw-proxy", "throw-tojson",
		"throw-badmessage", "throw-headers"}
	for _, kind := range kinds {
		c, err := ts.tryDial("/hostile-socket?kind="+kind, nil, nil)
		if err == nil {
			t.Errorf("%s: upgraded, want 500", kind)
			continue
		}
		if c.resp == nil {
			t.Errorf("%s: no answer: %v", kind, err)
			continue
		}
		if c.resp.StatusCode != 500 {
			t.Errorf("%s: %d, want 500", kind, c.resp.StatusCode)
		}
	}
	c := ts.dial("/hostile-socket", nil)
	c.send("hello")
	if got := c.text(); got != "echo hello" {
		t.Errorf("after the hostile upgrades: %q", got)
	}
}

// peer.send of a value whose JSON cannot be made throws in the hook, as crossws does on Node:
// a hook that catches it sees the error, one that does not is logged with its route, and the
// peer and the others keep working; a hook that throws such a value is logged with its route.
func TestHostileSendValues(t *testing.T) {
	ts := start(t, hostileApp, Options{})
	c := ts.dial("/hostile-socket", nil)
	other := ts.dial("/hostile-socket", nil)
	for _, kind := range []string{"getter", "proxy", "tojson", "bigint", "cycle"} {
		c.send("caught " + kind)
		if got := c.text(); !strings.HasPrefix(got, "caught ") {
			t.Errorf("send(%s) in a try: %q, want the error it threw", kind, got)
		}
		c.send("uncaught " + kind)
		c.send("still " + kind)
		if got := c.text(); got != "echo still "+kind {
			t.Errorf("after an uncaught send(%s): %q", kind, got)
		}
	}
	// A hook that throws such a value is logged with its route like any other throw.
	for _, kind := range []string{"proxy", "badmessage", "getter"} {
		c.send("throw " + kind)
		c.send("still " + kind)
		if got := c.text(); got != "echo still "+kind {
			t.Errorf("after a hook threw %s: %q", kind, got)
		}
	}
	other.send("hello")
	if got := other.text(); got != "echo hello" {
		t.Errorf("the other peer: %q", got)
	}
	eventually(t, "the uncaught send logged with its route", func() bool {
		return strings.Count(ts.logs.String(), `msg="websocket hook threw" hook=message route=routes/hostile-socket.ts`) == 8
	})
}
