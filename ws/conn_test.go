package ws

import (
	"bytes"
	"net/http"
	"strconv"
	"testing"

	"github.com/gorilla/websocket"
)

func TestHandshake(t *testing.T) {
	h := newHarness(t, Options{})

	t.Run("subprotocol", func(t *testing.T) {
		dialer := websocket.Dialer{Subprotocols: []string{"chat", "superchat"}}
		cl, resp, err := dialer.Dial(h.url("/room?proto=superchat"), nil)
		if err != nil {
			t.Fatal(err)
		}
		defer cl.Close()
		p := recv(t, h.peers)
		if cl.Subprotocol() != "superchat" || p.conn.Subprotocol() != "superchat" {
			t.Fatalf("subprotocol client %q server %q, want superchat", cl.Subprotocol(), p.conn.Subprotocol())
		}
		if got := resp.Header.Get("X-Azote"); got != "yes" {
			t.Fatalf("response header X-Azote = %q", got)
		}
		if p.conn.Namespace() != "/room" || p.conn.RemoteIP() != "127.0.0.1" {
			t.Fatalf("namespace %q remote %q", p.conn.Namespace(), p.conn.RemoteIP())
		}
	})

	t.Run("no subprotocol", func(t *testing.T) {
		dialer := websocket.Dialer{Subprotocols: []string{"chat"}}
		cl, resp, err := dialer.Dial(h.url("/room"), nil)
		if err != nil {
			t.Fatal(err)
		}
		defer cl.Close()
		p := recv(t, h.peers)
		if cl.Subprotocol() != "" || p.conn.Subprotocol() != "" || resp.Header.Get("Sec-WebSocket-Protocol") != "" {
			t.Fatalf("subprotocol negotiated without being selected: client %q server %q", cl.Subprotocol(), p.conn.Subprotocol())
		}
	})

	t.Run("subprotocol under a lowercase key", func(t *testing.T) {
		raw := http.Header{"sec-websocket-protocol": {"chat"}}
		fixed := canonicalProtocolKey(raw)
		if fixed.Get("Sec-WebSocket-Protocol") != "chat" || len(fixed) != 1 || len(raw["sec-websocket-protocol"]) != 1 {
			t.Fatalf("canonicalProtocolKey gave %v and changed its input to %v", fixed, raw)
		}
	})

	t.Run("seq grows", func(t *testing.T) {
		_, a := h.dial("/seq")
		_, b := h.dial("/seq")
		if b.conn.Seq() <= a.conn.Seq() {
			t.Fatalf("seq %d then %d", a.conn.Seq(), b.conn.Seq())
		}
	})

	t.Run("plain request rejected by gorilla", func(t *testing.T) {
		resp, err := http.Get(h.web.URL + "/room")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Fatalf("status %d, want 400", resp.StatusCode)
		}
	})
}

func TestSendKinds(t *testing.T) {
	h := newHarness(t, Options{})
	cl, p := h.dial("/send")
	big := bytes.Repeat([]byte("0123456789abcdef"), 20_000) // 320 KB: 64-bit length header
	cases := []struct {
		binary bool
		data   []byte
	}{
		{false, []byte("hello")},
		{true, []byte{0, 1, 2, 255}},
		{false, nil},
		{true, nil},
		{true, bytes.Repeat([]byte{7}, 300)}, // 16-bit length header
		{true, big},
		{false, bytes.Repeat([]byte("z"), 3<<20+5)}, // written in several pieces
	}
	for _, c := range cases {
		if n := p.conn.Send(c.binary, c.data); n < len(c.data)+2 {
			t.Fatalf("Send returned %d for %d bytes", n, len(c.data))
		}
	}
	for i, c := range cases {
		kind, data, err := cl.ReadMessage()
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		wantKind := websocket.TextMessage
		if c.binary {
			wantKind = websocket.BinaryMessage
		}
		if kind != wantKind || !bytes.Equal(data, c.data) {
			t.Fatalf("case %d: got kind %d len %d, want kind %d len %d", i, kind, len(data), wantKind, len(c.data))
		}
	}
	waitFor(t, "queue drained", func() bool { return p.conn.BufferedAmount() == 0 })
}

func TestSendOrder(t *testing.T) {
	h := newHarness(t, Options{})
	cl, p := h.dial("/order")
	const n = 1000
	go func() {
		for i := range n {
			p.conn.Send(false, []byte(strconv.Itoa(i)))
		}
	}()
	for i := range n {
		readText(t, cl, strconv.Itoa(i))
	}
}

func TestReceive(t *testing.T) {
	h := newHarness(t, Options{})
	cl, p := h.dial("/recv")
	big := bytes.Repeat([]byte{0xAB}, 200_000)
	cl.WriteMessage(websocket.TextMessage, []byte("héllo"))
	cl.WriteMessage(websocket.BinaryMessage, big)
	cl.WriteMessage(websocket.TextMessage, nil)
	// A fragmented text message is delivered whole.
	w, _ := cl.NextWriter(websocket.TextMessage)
	w.Write([]byte("frag"))
	w.Write(bytes.Repeat([]byte("x"), 5000))
	w.Close()

	if m := recv(t, p.rec.msgs); m.binary || string(m.data) != "héllo" {
		t.Fatalf("got %v %q", m.binary, m.data)
	}
	if m := recv(t, p.rec.msgs); !m.binary || !bytes.Equal(m.data, big) {
		t.Fatalf("binary message: binary=%v len %d", m.binary, len(m.data))
	}
	if m := recv(t, p.rec.msgs); m.binary || len(m.data) != 0 {
		t.Fatalf("empty message: %v %q", m.binary, m.data)
	}
	if m := recv(t, p.rec.msgs); m.binary || len(m.data) != 5004 || string(m.data[:4]) != "frag" {
		t.Fatalf("fragmented message: %v len %d", m.binary, len(m.data))
	}
	p.conn.SetValue("peer-1")
	if p.conn.Value() != "peer-1" {
		t.Fatalf("Value() = %v", p.conn.Value())
	}
}
