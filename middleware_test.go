package azote

import (
	"net/http"
	"strings"
	"testing"
)

const httpApp = "testdata/httpapp"

// SPEC 1: middleware runs before every route in file-name order; a value or a throw ends the
// request; event.context reaches the route and upgrade(request) as request.context.
func TestMiddleware(t *testing.T) {
	ts := start(t, httpApp, Options{})
	status, _, body := ts.get("/context")
	if status != 200 || body != `{"order":["01.context","02.guard"],"user":"anonymous"}` {
		t.Errorf("GET /context: %d %s", status, body)
	}
	status, h, body := ts.get("/blocked")
	if status != 200 || body != "blocked by middleware" || !strings.HasPrefix(h.Get("Content-Type"), "text/plain") {
		t.Errorf("short-circuit: %d %q %q", status, body, h.Get("Content-Type"))
	}
	req, _ := http.NewRequest("GET", ts.url("/context"), nil)
	req.Header.Set("x-deny", "1")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 403 {
		t.Errorf("throwing middleware: %d", resp.StatusCode)
	}
	status, _, body = ts.get("/guarded")
	if body != `{"order":["01.context","02.guard","route"]}` {
		t.Errorf("route middleware: %d %s", status, body)
	}
	if _, _, body = ts.get("/guarded?stop"); body != `{"stoppedBy":"route middleware"}` {
		t.Errorf("route middleware short-circuit: %s", body)
	}

	// Upgrades go through middleware too.
	c := ts.dial("/socket", http.Header{"X-User": {"ada"}})
	if got := c.text(); got != `{"user":"ada","order":"01.context,02.guard"}` {
		t.Errorf("upgrade context: %s", got)
	}
	if c, err := ts.tryDial("/socket", http.Header{"X-Deny": {"1"}}, nil); err == nil || c.resp.StatusCode != 403 {
		t.Errorf("middleware should refuse the upgrade with 403, got %v", err)
	}
}
