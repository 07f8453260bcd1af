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
