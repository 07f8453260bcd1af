package ws

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

func TestCloseCodes(t *testing.T) {
	h := newHarness(t, Options{})
	deadline := func() time.Time { return time.Now().Add(time.Second) }

	t.Run("client close with code and reason", func(t *testing.T) {
		cl, p := h.dial("/close")
		cl.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4001, "done"), deadline())
		if got := recv(t, p.rec.closes); got != (closeEvent{4001, "done"}) {
			t.Fatalf("OnClose %+v", got)
		}
		if code := closeCode(readClose(t, cl)); code != 4001 {
			t.Fatalf("echo code %d, want 4001", code)
		}
		if !p.conn.Closed() || p.conn.Send(false, []byte("late")) != 0 {
			t.Fatal("send after close was not a no-op")
		}
	})

	t.Run("client close without code", func(t *testing.T) {
		cl, p := h.dial("/close")
		cl.WriteControl(websocket.CloseMessage, nil, deadline())
		if got := recv(t, p.rec.closes); got.code != CloseNoStatus {
			t.Fatalf("OnClose %+v, want 1005", got)
		}
		if code := closeCode(readClose(t, cl)); code != CloseNoStatus {
			t.Fatalf("echo code %d, want 1005 (empty close frame)", code)
		}
	})

	t.Run("client drops TCP", func(t *testing.T) {
		cl, p := h.dial("/close")
		cl.NetConn().Close()
		if got := recv(t, p.rec.closes); got.code != CloseAbnormal {
			t.Fatalf("OnClose %+v, want 1006", got)
		}
	})

	t.Run("terminate", func(t *testing.T) {
		cl, p := h.dial("/close")
		p.conn.Send(false, []byte("queued"))
		p.conn.Terminate()
		if got := recv(t, p.rec.closes); got.code != CloseAbnormal {
			t.Fatalf("OnClose %+v, want 1006", got)
		}
		if err := readClose(t, cl); closeCode(err) != CloseAbnormal && !isConnectionLoss(err) {
			t.Fatalf("client read after terminate: %v", err)
		}
	})

	t.Run("server close", func(t *testing.T) {
		cl, p := h.dial("/close")
		p.conn.Send(false, []byte("before"))
		p.conn.Close(4000, "bye")
		if p.conn.Send(false, []byte("after")) != 0 {
			t.Fatal("Send after Close queued something")
		}
		readText(t, cl, "before")
		err := readClose(t, cl) // gorilla's default close handler echoes the code
		var ce *websocket.CloseError
		if !errors.As(err, &ce) || ce.Code != 4000 || ce.Text != "bye" {
			t.Fatalf("client got %v, want close 4000 bye", err)
		}
		if got := recv(t, p.rec.closes); got.code != 4000 {
			t.Fatalf("OnClose %+v, want the echoed 4000", got)
		}
	})

	t.Run("server close, client never answers", func(t *testing.T) {
		_, p := h.dial("/close")
		start := time.Now()
		p.conn.Close(4002, "gone")
		if got := recv(t, p.rec.closes); got != (closeEvent{4002, "gone"}) {
			t.Fatalf("OnClose %+v, want our own 4002", got)
		}
		if waited := time.Since(start); waited < h.srv.closeGrace/2 || waited > 3*h.srv.closeGrace {
			t.Fatalf("OnClose after %v, grace is %v", waited, h.srv.closeGrace)
		}
	})
}

func TestMessageTooBig(t *testing.T) {
	h := newHarness(t, Options{MaxMessageSize: 1024})
	cl, p := h.dial("/big")
	cl.WriteMessage(websocket.BinaryMessage, make([]byte, 1024)) // at the limit: fine
	if m := recv(t, p.rec.msgs); len(m.data) != 1024 {
		t.Fatalf("got %d bytes", len(m.data))
	}
	go cl.WriteMessage(websocket.BinaryMessage, make([]byte, 1<<20))
	if err := recv(t, p.rec.errs); !errors.Is(err, errTooBig) {
		t.Fatalf("OnError %v", err)
	}
	if got := recv(t, p.rec.closes); got.code != CloseTooBig {
		t.Fatalf("OnClose %+v, want 1009", got)
	}
	if code := closeCode(readClose(t, cl)); code != CloseTooBig {
		t.Fatalf("client got close %d, want 1009", code)
	}
}

func TestInvalidUTF8(t *testing.T) {
	h := newHarness(t, Options{})
	cl, p := h.dial("/utf8")
	cl.WriteMessage(websocket.TextMessage, []byte{'o', 'k', 0xff, 0xfe})
	if err := recv(t, p.rec.errs); !errors.Is(err, errInvalidUTF8) {
		t.Fatalf("OnError %v", err)
	}
	if got := recv(t, p.rec.closes); got.code != CloseInvalidData {
		t.Fatalf("OnClose %+v, want 1007", got)
	}
	if code := closeCode(readClose(t, cl)); code != CloseInvalidData {
		t.Fatalf("client got close %d, want 1007", code)
	}
	// Invalid UTF-8 in a binary message is just bytes.
	cl2, p2 := h.dial("/utf8")
	cl2.WriteMessage(websocket.BinaryMessage, []byte{0xff})
	if m := recv(t, p2.rec.msgs); !m.binary || !bytes.Equal(m.data, []byte{0xff}) {
		t.Fatalf("binary message %v %v", m.binary, m.data)
	}
}

func TestProtocolError(t *testing.T) {
	h := newHarness(t, Options{})
	cl, p := h.dial("/proto")
	cl.NetConn().Write([]byte{0x81, 0x01, 'a'}) // a client frame without a mask
	if err := recv(t, p.rec.errs); err == nil {
		t.Fatal("no OnError")
	}
	if got := recv(t, p.rec.closes); got.code != CloseProtocolError {
		t.Fatalf("OnClose %+v, want 1002", got)
	}
	if code := closeCode(readClose(t, cl)); code != CloseProtocolError {
		t.Fatalf("client got close %d, want 1002", code)
	}
}
