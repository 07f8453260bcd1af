package sse

import (
	"testing"
	"time"
)

// Events pushed through a cork wait for its Flush, then arrive in order, each stream's in one
// write; the same stream pushed to many times is woken once.
func TestCorkDefersWakeUps(t *testing.T) {
	h := newHarness(t, Options{KeepAlive: -1}, nil, nil)
	c1, sv1 := h.open("/one", true)
	c2, sv2 := h.open("/two", true)
	var k Cork
	for _, data := range []string{"a", "b", "c"} {
		if err := k.PushData(sv1.stream, data); err != nil {
			t.Fatal(err)
		}
	}
	if err := k.Comment(sv2.stream, "note"); err != nil {
		t.Fatal(err)
	}
	if err := k.Push(sv2.stream, Event{Event: "tick", Data: "d"}); err != nil {
		t.Fatal(err)
	}
	if len(k.dirty) != 2 {
		t.Errorf("%d streams to wake, want 2", len(k.dirty))
	}
	expectNothing(t, c1.blocks, 100*time.Millisecond)
	if got := sv1.stream.Buffered(); got == 0 {
		t.Error("events were written before Flush")
	}
	k.Flush()
	for _, data := range []string{"a", "b", "c"} {
		expectBlock(t, c1, "data: "+data+"\n\n")
	}
	expectBlock(t, c2, ": note\n\n")
	expectBlock(t, c2, "event: tick\ndata: d\n\n")

	// After Flush the cork is empty and streams are woken again on their next push.
	if err := k.PushData(sv1.stream, "again"); err != nil {
		t.Fatal(err)
	}
	k.Flush()
	expectBlock(t, c1, "data: again\n\n")

	sv1.stream.Close()
	if err := k.PushData(sv1.stream, "late"); err != ErrClosed {
		t.Errorf("push after Close through the cork: %v, want ErrClosed", err)
	}
}
