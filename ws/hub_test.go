package ws

import (
	"bytes"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// marker sends a direct message to each client and checks it is the next thing each reads:
// proof that nothing else (an unwanted publish) was delivered before it.
func expectOnlyMarker(t *testing.T, clients []*websocket.Conn, peers []peer) {
	t.Helper()
	for i := range clients {
		peers[i].conn.Send(false, []byte("marker"))
		readText(t, clients[i], "marker")
	}
}

func TestPublishExcludesSenderAndStaysInNamespace(t *testing.T) {
	h := newHarness(t, Options{})
	a1, pa1 := h.dial("/rooms/a")
	a2, pa2 := h.dial("/rooms/a")
	a3, pa3 := h.dial("/rooms/a")
	b1, pb1 := h.dial("/rooms/b")
	for _, p := range []peer{pa1, pa2, pa3, pb1} {
		p.conn.Subscribe("chat")
	}
	pa3.conn.Unsubscribe("chat")

	if n := pa1.conn.Publish("chat", false, []byte("hi")); n != 1 {
		t.Fatalf("Publish delivered %d, want 1 (a2 only)", n)
	}
	readText(t, a2, "hi")
	expectOnlyMarker(t, []*websocket.Conn{a1, a3, b1}, []peer{pa1, pa3, pb1})

	// The publisher need not be subscribed.
	if n := pa3.conn.Publish("chat", false, []byte("from a3")); n != 2 {
		t.Fatalf("Publish from unsubscribed conn delivered %d, want 2", n)
	}
	readText(t, a1, "from a3")
	readText(t, a2, "from a3")
	expectOnlyMarker(t, []*websocket.Conn{a3, b1}, []peer{pa3, pb1})

	if n := pb1.conn.Publish("chat", false, []byte("alone")); n != 0 {
		t.Fatalf("Publish to a topic with only the sender delivered %d", n)
	}
}

func TestHubPublishNamespaces(t *testing.T) {
	h := newHarness(t, Options{})
	a, pa := h.dial("/a")
	b, pb := h.dial("/b")
	pa.conn.Subscribe("news")
	pb.conn.Subscribe("news")
	hub := h.srv.Hub()

	if n := hub.Publish("", "news", false, []byte("everyone")); n != 2 {
		t.Fatalf("Publish(\"\") delivered %d, want 2", n)
	}
	readText(t, a, "everyone")
	readText(t, b, "everyone")

	if n := hub.Publish("/a", "news", false, []byte("only a")); n != 1 {
		t.Fatalf("Publish(/a) delivered %d, want 1", n)
	}
	readText(t, a, "only a")
	expectOnlyMarker(t, []*websocket.Conn{b}, []peer{pb})

	frame := NewFrame(true, []byte{1, 2, 3})
	if n := hub.PublishFrame("", "news", frame, pa.conn); n != 1 {
		t.Fatalf("PublishFrame excluding a delivered %d, want 1", n)
	}
	if kind, data, err := b.ReadMessage(); err != nil || kind != websocket.BinaryMessage || len(data) != 3 {
		t.Fatalf("PublishFrame: kind %d data %v err %v", kind, data, err)
	}
	if n := hub.Publish("/nobody", "news", false, []byte("x")); n != 0 {
		t.Fatalf("Publish to an empty namespace delivered %d", n)
	}
}

func TestPeersAndTopics(t *testing.T) {
	h := newHarness(t, Options{})
	_, p1 := h.dial("/peers")
	c2, p2 := h.dial("/peers")
	_, p3 := h.dial("/peers")
	_, other := h.dial("/other")
	hub := h.srv.Hub()

	if got := hub.Peers("/peers"); !slices.Equal(got, []*Conn{p1.conn, p2.conn, p3.conn}) {
		t.Fatalf("Peers = %v", seqs(got))
	}
	if got := hub.Namespaces(); !slices.Equal(got, []string{"/other", "/peers"}) {
		t.Fatalf("Namespaces = %v", got)
	}

	p2.conn.Subscribe("b")
	p2.conn.Subscribe("a")
	p2.conn.Subscribe("b")
	p2.conn.Subscribe("c")
	p2.conn.Unsubscribe("a")
	if got := p2.conn.Topics(); !slices.Equal(got, []string{"b", "c"}) {
		t.Fatalf("Topics = %v", got)
	}

	c2.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(1000, ""), time.Now().Add(time.Second))
	recv(t, p2.rec.closes)
	if got := hub.Peers("/peers"); !slices.Equal(got, []*Conn{p1.conn, p3.conn}) {
		t.Fatalf("Peers after close = %v", seqs(got))
	}
	if n := hub.Publish("/peers", "b", false, []byte("x")); n != 0 {
		t.Fatalf("closed conn still receives: %d deliveries", n)
	}
	// Close hooks announce departures through the closed conn.
	p1.conn.Subscribe("b")
	if n := p2.conn.Publish("b", false, []byte("left")); n != 1 {
		t.Fatalf("Publish from a closed conn delivered %d, want 1", n)
	}

	other.conn.Terminate()
	recv(t, other.rec.closes)
	if got := hub.Namespaces(); !slices.Equal(got, []string{"/peers"}) {
		t.Fatalf("Namespaces after /other left = %v", got)
	}
}

func seqs(conns []*Conn) []uint64 {
	var out []uint64
	for _, c := range conns {
		out = append(out, c.Seq())
	}
	return out
}

func TestHubListen(t *testing.T) {
	h := &Hub{}
	var got []string
	stop := h.Listen("", "news", func(binary bool, data []byte) { got = append(got, string(data)) })
	stopNS := h.Listen("/a", "news", func(binary bool, data []byte) { got = append(got, "a:"+string(data)) })
	if n := h.Publish("", "news", false, []byte("all")); n != 2 {
		t.Errorf("deliveries %d, want 2", n)
	}
	h.Publish("/b", "news", false, []byte("b only"))
	h.Publish("/a", "other", false, []byte("wrong topic"))
	stopNS()
	stop()
	stop()
	h.Publish("", "news", false, []byte("after stop"))
	slices.Sort(got)
	if want := []string{"a:all", "all", "b only"}; !slices.Equal(got, want) {
		t.Errorf("listeners saw %q, want %q", got, want)
	}
}

// A cork holds back the writers of the frames queued through it until Flush, then every frame
// arrives, in order.
func TestCorkDefersWrites(t *testing.T) {
	h := newHarness(t, Options{})
	a, pa := h.dial("/c")
	b, pb := h.dial("/c")
	pb.conn.Subscribe("t")
	var k Cork
	for i := 0; i < 5; i++ {
		k.Send(pa.conn, false, []byte{byte('0' + i)})
	}
	k.Publish(pa.conn, "t", false, []byte("pub"))
	if n := k.PublishAll(h.srv.Hub(), "", "t", false, []byte("all")); n != 1 {
		t.Errorf("PublishAll deliveries %d", n)
	}
	if got := pa.conn.BufferedAmount(); got == 0 {
		t.Errorf("frames were written before Flush")
	}
	k.Flush()
	for i := 0; i < 5; i++ {
		readText(t, a, string(rune('0'+i)))
	}
	readText(t, b, "pub")
	readText(t, b, "all")
}

// A cork writes inline what the socket takes at once and leaves the rest to a writer
// goroutine: frames past Linux's 1,024 iovecs per writev, and a message bigger than the socket
// buffer (cut in the middle), all arrive intact and in order.
func TestCorkPartialWrites(t *testing.T) {
	h := newHarness(t, Options{})
	cl, p := h.dial("/partial")
	var k Cork
	const small = 3000
	for i := 0; i < small; i++ {
		k.SendText(p.conn, fmt.Sprint(i))
	}
	k.Flush()
	for i := 0; i < small; i++ {
		readText(t, cl, fmt.Sprint(i))
	}
	waitFor(t, "BufferedAmount 0", func() bool { return p.conn.BufferedAmount() == 0 })

	big := make([]byte, 4<<20)
	for i := range big {
		big[i] = byte(i % 251)
	}
	k.Send(p.conn, true, big)
	k.SendText(p.conn, "after")
	k.Flush()
	if got := p.conn.BufferedAmount(); got == 0 {
		t.Errorf("BufferedAmount 0 right after Flush: a 4 MB frame fit in the socket at once?")
	}
	cl.SetReadDeadline(time.Now().Add(waitLimit))
	kind, data, err := cl.ReadMessage()
	if err != nil || kind != websocket.BinaryMessage || !bytes.Equal(data, big) {
		t.Fatalf("big frame: kind %d, %d bytes, err %v", kind, len(data), err)
	}
	readText(t, cl, "after")
	waitFor(t, "BufferedAmount 0", func() bool { return p.conn.BufferedAmount() == 0 })
}
