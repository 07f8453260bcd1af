package bindings

import (
	"sync"

	"github.com/dop251/goja"

	"github.com/azote-dev/azote/ws"
)

// inbox carries connection events from the ws readers to the loop. The reader appends; one
// loop job drains everything pending, so a busy loop pays one hand-off per batch instead of one
// per message, and a connection's events keep their order (messages, then error, then close).
//
// A Poller reads only while the loop idles in it, so what it posts is bounded by what one wait
// reads. A conn no Poller reads (no epoll: macOS, Windows; a TLS conn) has a reader goroutine
// of its own, which would read as fast as its client writes while the loop falls behind: its
// messages wait for room instead once maxInboxBytes are pending, so the reader stops reading,
// TCP pushes back on the client, and memory stays bounded.
type inbox struct {
	mu        sync.Mutex
	items     []connEvent
	spare     []connEvent
	scheduled bool          // a drain job is queued on the loop
	bytes     int           // the cost (inboxCost) of the pending items
	drained   chan struct{} // closed by the next drain; made by a reader that waits for room
}

// maxInboxBytes is how much message data may wait for the loop before reader goroutines wait.
// A message bigger than that still goes into an empty inbox.
const maxInboxBytes = 4 << 20

// inboxCost is what an event counts against maxInboxBytes: its data and a share for the event
// itself, so a flood of empty messages is bounded too.
func inboxCost(ev *connEvent) int { return len(ev.data) + 64 }

type eventKind uint8

const (
	eventMessage eventKind = iota
	eventError
	eventClose
)

type connEvent struct {
	conn   *ws.Conn
	kind   eventKind
	binary bool
	data   []byte
	code   int
	reason string
	err    error
}

// flushCorks writes what the loop job queued (WebSocket frames and event stream pushes), unless
// more connection events are already waiting for the loop: their job comes first and the writes
// of both go out together, in fewer system calls (a fan-out's sockets then take twice the
// frames per call). A few jobs at most wait this way, so a steady stream of input cannot hold
// writes back; with nothing waiting, nothing is delayed. Where the loop reads its sockets
// itself (Options.Poller), input arrives only while it polls: before a big flush it takes one
// look without waiting.
func (a *App) flushCorks() {
	if a.corkHeld < maxCorkHeld && a.opts.Poller != nil &&
		a.cork.Conns()+a.sseCork.Streams() >= pollBeforeFlush {
		a.opts.Poller.Wait(false)
	}
	a.in.mu.Lock()
	waiting := len(a.in.items) > 0
	a.in.mu.Unlock()
	if waiting && a.corkHeld < maxCorkHeld {
		a.corkHeld++
		return
	}
	a.corkHeld = 0
	a.cork.Flush()
	a.sseCork.Flush()
}

// maxCorkHeld bounds how many loop jobs in a row may leave their writes to the next one.
const maxCorkHeld = 4

// pollBeforeFlush is how many corked conns and streams make a flush big enough to look for more
// input first; a small one (an echo) goes out at once.
const pollBeforeFlush = 16

// post queues ev and makes sure a drain job is on the loop.
func (a *App) post(ev connEvent) {
	a.in.mu.Lock()
	a.postLocked(ev)
}

// postWhenRoom is post for a reader goroutine: it first waits, while the inbox is over
// maxInboxBytes, for the loop to drain it (or for the generation to end).
func (a *App) postWhenRoom(ev connEvent) {
	cost := inboxCost(&ev)
	a.in.mu.Lock()
	for a.in.bytes > 0 && a.in.bytes+cost > maxInboxBytes {
		if a.in.drained == nil {
			a.in.drained = make(chan struct{})
		}
		drained := a.in.drained
		a.in.mu.Unlock()
		select {
		case <-drained:
		case <-a.gen.Context().Done():
			a.in.mu.Lock()
			a.postLocked(ev) // dropped with the generation; the conn is closing
			return
		}
		a.in.mu.Lock()
	}
	a.postLocked(ev)
}

// postLocked is post with a.in.mu held, which it releases.
func (a *App) postLocked(ev connEvent) {
	a.in.bytes += inboxCost(&ev)
	a.in.items = append(a.in.items, ev)
	if a.in.scheduled {
		a.in.mu.Unlock()
		return
	}
	a.in.scheduled = true
	a.in.mu.Unlock()
	a.gen.Run(a.drainInbox)
}

// drainInbox runs on the loop: every pending event, in arrival order.
func (a *App) drainInbox(vm *goja.Runtime) {
	a.in.mu.Lock()
	items := a.in.items
	a.in.items, a.in.spare = a.in.spare, nil
	a.in.scheduled = false
	a.in.bytes = 0
	if a.in.drained != nil {
		close(a.in.drained) // readers waiting for room go on
		a.in.drained = nil
	}
	a.in.mu.Unlock()
	if len(items) == 1 {
		a.dispatch(vm, &items[0])
		items[0] = connEvent{}
	} else {
		// Several hooks run nested in one JavaScript call: goja then keeps its value stack
		// between them instead of allocating it anew for every top-level call, and promise
		// jobs run once the batch is done (Node too emits the messages of one read before
		// running its microtasks).
		a.batchItems = items
		a.batch(goja.Undefined(), a.runBatch)
		a.batchItems = nil
	}
	a.in.mu.Lock()
	if a.in.spare == nil {
		a.in.spare = items[:0]
	}
	a.in.mu.Unlock()
}

// runBatchItems is the Go side of a nested batch (see drainInbox). Loop only.
func (a *App) runBatchItems(goja.FunctionCall) goja.Value {
	vm := a.gen.Runtime()
	for i := range a.batchItems {
		a.dispatch(vm, &a.batchItems[i])
		a.batchItems[i] = connEvent{}
		a.gen.ResetTimeout() // the time limit is per hook call, not per batch
	}
	return goja.Undefined()
}

func (a *App) dispatch(vm *goja.Runtime, ev *connEvent) {
	p, ok := ev.conn.Value().(*peer)
	if !ok {
		return
	}
	switch ev.kind {
	case eventMessage:
		if p.onMessage != nil {
			args := &a.hookArgs
			args[0], args[1] = p.object(), a.newMessage(vm, p, ev.binary, ev.data)
			a.callHook(vm, p, "message", p.onMessage, args[:]...)
			args[0], args[1] = nil, nil
		}
	case eventError:
		if p.onFail != nil {
			a.callHook(vm, p, "error", p.onFail, p.object(), vm.NewGoError(ev.err))
		}
	case eventClose:
		if p.onClose != nil {
			details := vm.NewObject()
			details.Set("code", ev.code)
			details.Set("reason", ev.reason)
			a.callHook(vm, p, "close", p.onClose, p.object(), details)
		}
	}
}

// OnMessage implements ws.Handler: the frame becomes a message hook call on the loop. On a
// conn's own reader goroutine it may wait for room in the inbox; a Poller's goroutine is the
// loop itself, which must never wait for itself.
func (a *App) OnMessage(c *ws.Conn, binary bool, data []byte) {
	ev := connEvent{conn: c, kind: eventMessage, binary: binary, data: data}
	if c.Polled() {
		a.post(ev)
		return
	}
	a.postWhenRoom(ev)
}

// OnError implements ws.Handler.
func (a *App) OnError(c *ws.Conn, err error) {
	a.post(connEvent{conn: c, kind: eventError, err: err})
}

// OnClose implements ws.Handler. The peer leaves the generation's set at once (Close and
// PeerCount see it gone); its close hook runs on the loop after its pending messages.
func (a *App) OnClose(c *ws.Conn, code int, reason string) {
	if p, ok := c.Value().(*peer); ok {
		a.untrack(p)
	}
	a.post(connEvent{conn: c, kind: eventClose, code: code, reason: reason})
}
