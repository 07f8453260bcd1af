package azote

import (
	"net/http"
	"strings"
	"testing"
)

const originApp = `import { defineWebSocketHandler } from "nitro";
export default defineWebSocketHandler({
  upgrade() { globalThis.upgrades = (globalThis.upgrades || 0) + 1; },
  open(peer) { peer.send("upgrades " + globalThis.upgrades); },
});
`

// TestAllowedOrigins: with allowed origins set, a browser page from elsewhere (Origin header
// not listed) gets 403 and a log line before any hook runs; a listed origin, in any case, and a
// client without Origin get through. Without the option every origin passes, like Node.
func TestAllowedOrigins(t *testing.T) {
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{"routes/_ws.ts": originApp})
	ts := start(t, dir, Options{AllowedOrigins: []string{"https://app.example.com", "http://localhost:3000/"}})

	c, err := ts.tryDial("/_ws", http.Header{"Origin": {"https://evil.example.net"}}, nil)
	if err == nil || c.resp == nil || c.resp.StatusCode != http.StatusForbidden {
		t.Fatalf("foreign origin: want 403, got %v", err)
	}
	if logs := ts.logs.String(); !strings.Contains(logs, "origin not in the allowed origins") ||
		!strings.Contains(logs, "origin=https://evil.example.net") {
		t.Fatalf("refusal not logged with the origin:\n%s", logs)
	}
	for _, origin := range []string{"https://app.example.com", "HTTPS://APP.example.com", "http://localhost:3000"} {
		if got := ts.dial("/_ws", http.Header{"Origin": {origin}}).text(); got == "" {
			t.Fatalf("%s: nothing", origin)
		}
	}
	// No Origin: not a browser; and the refused upgrade never reached the hook.
	if got := ts.dial("/_ws", nil).text(); got != "upgrades 4" {
		t.Fatalf("without Origin: %q, want the 4th upgrade (the refused one never ran the hook)", got)
	}

	open := start(t, dir, Options{})
	if got := open.dial("/_ws", http.Header{"Origin": {"https://evil.example.net"}}).text(); got != "upgrades 1" {
		t.Fatalf("default allows every origin: %q", got)
	}

	if _, err := New(Options{Dir: dir, AllowedOrigins: []string{"app.example.com/path"}}); err == nil ||
		!strings.Contains(err.Error(), "app.example.com/path") {
		t.Fatalf("bad origin: want an error naming it, got %v", err)
	}
}

// TestAllowedOriginsFromConfig: azote.allowedOrigins in nitro.config.
func TestAllowedOriginsFromConfig(t *testing.T) {
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{
		"routes/_ws.ts":   originApp,
		"nitro.config.ts": `export default { azote: { allowedOrigins: ["https://app.example.com"] } };`,
	})
	ts := start(t, dir, Options{})
	if c, err := ts.tryDial("/_ws", http.Header{"Origin": {"https://evil.example.net"}}, nil); err == nil || c.resp.StatusCode != 403 {
		t.Fatalf("foreign origin: want 403, got %v", err)
	}
	ts.dial("/_ws", http.Header{"Origin": {"https://app.example.com"}}).text()

	writeApp(t, dir, map[string]string{"nitro.config.ts": `export default { azote: { allowedOrigins: [3] } };`})
	if _, err := New(Options{Dir: dir}); err == nil || !strings.Contains(err.Error(), "allowedOrigins") {
		t.Fatalf("bad config: %v", err)
	}
}
