package azote

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// statusRecorder is the kind of ResponseWriter logging middleware wraps net/http's in: it
// exposes the original only through Unwrap, as http.ResponseController expects.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (w *statusRecorder) WriteHeader(code int) { w.status = code; w.ResponseWriter.WriteHeader(code) }

func (w *statusRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// opaqueWriter wraps without Unwrap: there is no way to reach the connection.
type opaqueWriter struct{ http.ResponseWriter }

// TestUpgradeThroughWrappingMiddleware: azote behind middleware that wraps the ResponseWriter
// upgrades WebSockets when the wrapper has Unwrap; when it has no way to the connection, the
// upgrade gets 500 and the log says why.
func TestUpgradeThroughWrappingMiddleware(t *testing.T) {
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{
		"routes/echo.ts": `import { defineWebSocketHandler } from "nitro";
export default defineWebSocketHandler({ message(peer, message) { peer.send(message.text()); } });
`,
	})
	ts := start(t, dir, Options{}) // for its logger and cleanup; served below behind middleware
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Has("opaque") {
			ts.srv.ServeHTTP(opaqueWriter{w}, r)
			return
		}
		ts.srv.ServeHTTP(&statusRecorder{ResponseWriter: w}, r)
	}))
	defer web.Close()
	url := "ws" + strings.TrimPrefix(web.URL, "http") + "/echo"

	d := websocket.Dialer{HandshakeTimeout: 5 * time.Second}
	conn, _, err := d.Dial(url, nil)
	if err != nil {
		t.Fatalf("upgrade through an Unwrap-ing wrapper: %v\nlog:\n%s", err, ts.logs.String())
	}
	defer conn.Close()
	conn.WriteMessage(websocket.TextMessage, []byte("through"))
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, data, err := conn.ReadMessage(); err != nil || string(data) != "through" {
		t.Fatalf("echo: %q %v", data, err)
	}

	_, resp, err := d.Dial(url+"?opaque", nil)
	if err == nil || resp == nil || resp.StatusCode != http.StatusInternalServerError {
		t.Fatalf("opaque wrapper: want 500, got %v %v", resp, err)
	}
	if logs := ts.logs.String(); !strings.Contains(logs, "level=ERROR") || !strings.Contains(logs, "azote.opaqueWriter") {
		t.Fatalf("impossible hijack not logged with the writer's type:\n%s", logs)
	}
}
