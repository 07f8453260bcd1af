package azote

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Every route file in examples/routes, driven the way the seed page describes it.
func TestExamples(t *testing.T) {
	ts := start(t, "examples", Options{})
	want := map[string]bool{"/_ws": true, "/auth": true, "/chat": true, "/rooms/:room": true, "/channel": true, "/publish": true, "/sse": true, "/events": true}
	for _, r := range ts.srv.Routes() {
		if !want[r.Path] {
			t.Errorf("examples/%s (%s) has no test here: add one", r.File, r.Path)
		}
		delete(want, r.Path)
	}
	if len(want) != 0 {
		t.Errorf("routes missing from examples: %v", want)
	}

	t.Run("_ws", func(t *testing.T) {
		c := ts.dial("/_ws", nil)
		c.send("Hello from client!")
		if got := c.text(); got != "Hello from server!" {
			t.Errorf("got %q", got)
		}
		eventually(t, "console lines", func() bool {
			return strings.Contains(ts.logs.String(), "Message: Hello from client!")
		})
	})

	t.Run("auth", func(t *testing.T) {
		c, err := ts.tryDial("/auth?token=wrong", nil, nil)
		if err == nil || c.resp == nil || c.resp.StatusCode != 401 {
			t.Fatalf("bad token: %v %v", err, c.resp)
		}
		ts.dial("/auth?token=demo-token", nil)
		eventually(t, "open hook", func() bool {
			return strings.Contains(ts.logs.String(), "User connected: user-1")
		})
	})

	t.Run("chat", func(t *testing.T) {
		a := ts.dial("/chat", nil)
		if got := a.text(); got != `{"system":"Welcome to the chat!"}` {
			t.Fatalf("welcome %q", got)
		}
		b := ts.dial("/chat", nil)
		b.text()
		var joined struct{ System string }
		a.json(&joined)
		bid := strings.TrimSuffix(joined.System, " joined the chat")
		if !uuidV4.MatchString(bid) {
			t.Fatalf("join message %q", joined.System)
		}
		b.send("hi all")
		if got := a.text(); got != `{"user":"`+bid+`","text":"hi all"}` {
			t.Errorf("broadcast %q", got)
		}
		if got := b.text(); got != `{"user":"You","text":"hi all"}` {
			t.Errorf("echo %q", got)
		}
		status, body := ts.post("/publish", "from http")
		var res struct{ Delivered, Peers int }
		json.Unmarshal([]byte(body), &res)
		if status != 200 || res.Delivered != 2 || res.Peers != 2 {
			t.Errorf("POST /publish: %d %s", status, body)
		}
		a.text()
		b.text()
		b.conn.Close()
		if got := a.text(); got != `{"system":"`+bid+` left the chat"}` {
			t.Errorf("leave %q", got)
		}
	})

	t.Run("rooms", func(t *testing.T) {
		g1, l1, g2 := ts.dial("/rooms/game", nil), ts.dial("/rooms/lobby", nil), ts.dial("/rooms/game", nil)
		if got := g1.text(); !regexp.MustCompile(` joined /rooms/game$`).MatchString(got) {
			t.Errorf("join %q", got)
		}
		g2.send("move")
		if got := g1.text(); !strings.HasSuffix(got, ": move") {
			t.Errorf("room message %q", got)
		}
		l1.quiet(200 * time.Millisecond)
	})

	t.Run("channel", func(t *testing.T) {
		a, b, c := ts.dial("/channel?channel=red", nil), ts.dial("/channel?channel=blue", nil), ts.dial("/channel?channel=red", nil)
		if got := a.text(); !strings.HasSuffix(got, " joined") {
			t.Errorf("join %q", got)
		}
		c.send("x")
		if got := a.text(); !strings.HasSuffix(got, ": x") {
			t.Errorf("same channel %q", got)
		}
		b.quiet(200 * time.Millisecond)
	})
}
