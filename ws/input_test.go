package ws

import (
	"bytes"
	"encoding/binary"
	"runtime"
	"testing"

	"github.com/gorilla/websocket"
)

// TestIdleConnsKeepSmallStacks checks what an idle conn costs in goroutine stacks after it
// delivered a message: nothing where the poller reads it, and where a reader goroutine does,
// the 2 KB minimum the garbage collector can shrink that goroutine's stack to.
func TestIdleConnsKeepSmallStacks(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector's instrumented frames need bigger stacks")
	}
	h := newHarness(t, Options{})
	stackInUse := func() uint64 {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.StackInuse
	}
	before := stackInUse()
	const conns = 300
	clients := make([]*websocket.Conn, conns)
	for i := range clients {
		cl, p := h.dial("/idle")
		if err := cl.WriteMessage(websocket.TextMessage, []byte("grow the reader's stack")); err != nil {
			t.Fatal(err)
		}
		recv(t, p.rec.msgs)
		clients[i] = cl
	}
	perConn := float64(int64(stackInUse())-int64(before)) / conns
	t.Logf("%.0f bytes of goroutine stack per idle conn", perConn)
	switch {
	case h.poller.Load() != nil && perConn > 1<<10:
		t.Errorf("%.0f bytes of goroutine stack per idle conn, want none: the poller reads them", perConn)
	case perConn > 3<<10:
		t.Errorf("%.0f bytes of goroutine stack per idle conn, want about 2 KB", perConn)
	}
	for _, cl := range clients {
		cl.Close()
	}
}

// TestReaderGoroutine runs conns the way they run without a Poller (other platforms, conns
// started with Start): a reader goroutine each.
func TestReaderGoroutine(t *testing.T) {
	h := newHarness(t, Options{MaxMessageSize: 1 << 20})
	h.poller.Store(nil)
	cl, p := h.dial("/goroutine")
	if p.conn.polled.Load() {
		t.Fatal("conn polled without a poller")
	}
	stacks := make([]byte, 1<<20)
	if !bytes.Contains(stacks[:runtime.Stack(stacks, true)], []byte("ws.(*Conn).readLoop")) {
		t.Fatal("no reader goroutine")
	}
	big := make([]byte, 300<<10)
	for i := range big {
		big[i] = byte(i)
	}
	cl.WriteMessage(websocket.TextMessage, []byte("small"))
	cl.WriteMessage(websocket.BinaryMessage, big)
	if m := recv(t, p.rec.msgs); string(m.data) != "small" {
		t.Fatalf("got %q", m.data)
	}
	if m := recv(t, p.rec.msgs); !m.binary || !bytes.Equal(m.data, big) {
		t.Fatalf("big message: %d bytes", len(m.data))
	}
	cl.NetConn().Write([]byte{0x81, 0x01, 'a'}) // unmasked
	if got := recv(t, p.rec.closes); got.code != CloseProtocolError {
		t.Fatalf("OnClose %+v, want 1002", got)
	}
	if code := closeCode(readClose(t, cl)); code != CloseProtocolError {
		t.Fatalf("client got close %d, want 1002", code)
	}

	cl2, p2 := h.dial("/goroutine")
	p2.conn.Terminate()
	if got := recv(t, p2.rec.closes); got.code != CloseAbnormal {
		t.Fatalf("OnClose %+v, want 1006", got)
	}
	cl2.Close()
}

// TestTrickledFrameGrowsWithInput checks that a header announcing a big frame does not make
// the reader allocate what it announced before the bytes arrive.
func TestTrickledFrameGrowsWithInput(t *testing.T) {
	c, _ := parserConn(t, Options{})
	header := clientFrame(true, opBinary, nil)[:2]
	header[1] = 0x80 | 127
	header = binary.BigEndian.AppendUint64(header, 15<<20)
	header = append(header, 1, 2, 3, 4)
	if err := c.consume(header); err != nil {
		t.Fatal(err)
	}
	space := c.parser.directSpace()
	if len(space) == 0 || cap(c.parser.msg) > 128<<10 {
		t.Fatalf("direct space %d bytes, message buffer %d bytes for 15 MB announced", len(space), cap(c.parser.msg))
	}
}
