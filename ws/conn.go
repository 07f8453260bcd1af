package ws

import (
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// Handler receives a connection's events. Calls for one Conn come from that Conn's reader (the
// goroutine running the Poller it was started on, or a reader goroutine of its own), one at a
// time, in order; OnClose is called exactly once, last, after the conn left the hub.
// Implementations must not block on a Polled conn (they hand work to the JS event loop): a
// Poller reads many conns. On a conn's own reader goroutine, OnMessage may wait for room
// downstream: the conn is not read meanwhile, so its peer is pushed back.
type Handler interface {
	// OnMessage delivers one complete message; data is owned by the callee. Text messages are
	// valid UTF-8.
	OnMessage(c *Conn, binary bool, data []byte)
	// OnError reports why the conn is being closed when the peer broke a rule: protocol error
	// (1002), invalid UTF-8 text (1007), message too big (1009). OnClose follows.
	OnError(c *Conn, err error)
	// OnClose reports the close code: the peer's (1005 when its close frame had none), the
	// peer's echo of ours, ours when the peer never answered, 1002/1007/1009/1013 when the
	// transport closed the conn, 1006 when TCP dropped, on Terminate or on a ping timeout.
	OnClose(c *Conn, code int, reason string)
}

// Conn is one upgraded WebSocket connection. All methods are safe for concurrent use and none
// blocks on the network.
type Conn struct {
	srv         *Server
	netConn     net.Conn
	namespace   string
	subprotocol string
	remoteIP    string
	seq         uint64

	handler Handler     // set by Start, before the reader exists
	input   input       // the reader's socket side (input.go)
	parser  frameParser // the reader's frame state (frameparser.go)
	alive   atomic.Bool // a frame arrived since the sweeper last looked
	polled  atomic.Bool // poller reads the conn (see poller_linux.go)
	poller  *Poller     // set before polled
	closed  atomic.Bool // no longer open: sends are dropped; mirrors the state below
	value   atomic.Pointer[any]

	// Hub membership, guarded by Hub.mu.
	joined     bool
	prev, next *Conn    // the namespace's live list, in Seq order
	topics     []string // insertion order; kept after the conn left the hub

	mu sync.Mutex
	// Everything below is guarded by mu.
	started bool

	// Outgoing queue (see writer.go).
	queue       [][]byte // encoded frames not yet handed to the socket
	spare       [][]byte // the previous batch's array, reused for the next queue
	queuedBytes int
	inflight    int       // bytes of the batch being written
	flushing    bool      // a flush goroutine is running
	writeLimit  time.Time // slow consumer: the deadline of its last chance
	deadline    time.Time // the write deadline the socket has now
	waiters     []*drainWaiter

	// Close state (see closing.go).
	closeQueued    bool // our close frame is queued or written: nothing more may be queued
	closeWritten   bool // a close frame from us is on the wire
	halfClosed     bool // our write side is shut down
	dropped        bool // the TCP connection is closed
	readerDone     bool // the reader finished: nothing more to read
	ended          bool // OnClose is being or has been delivered
	dropAfterFlush bool // slow consumer: drop as soon as the 1013 frame is out (or failed)
	sentCode       int  // code of the close frame we initiated, 0 if none
	sentReason     string
	peerClosed     bool // a close frame arrived
	peerCode       int
	peerReason     string
	dropCode       int // OnClose code when the conn was dropped by the transport, 0 if none
	dropReason     string
	grace          *time.Timer
}

// Start joins the hub (so the conn appears in Peers and receives publishes for the topics it
// subscribed) and starts a reader goroutine, which delivers h's events until OnClose. Calls
// after the first are ignored.
func (c *Conn) Start(h Handler) { c.StartOn(nil, h) }

// StartOn is Start with the conn read by p, whose Wait runs on the caller's event loop: the
// Handler is then called on that loop's goroutine (see Poller). With p nil or closed, or a conn
// that is not a socket, it is Start.
func (c *Conn) StartOn(p *Poller, h Handler) {
	c.mu.Lock()
	if c.started {
		c.mu.Unlock()
		return
	}
	c.started = true
	c.mu.Unlock()
	c.handler = h
	c.alive.Store(true)
	c.srv.hub.join(c)
	if p != nil && c.input.raw != nil {
		c.input.readOnce = c.input.readOnceFD
		if p.add(c) == nil {
			return
		}
	}
	c.input.wake = c.input.readReady
	go c.readLoop()
}

// Polled reports whether a Poller reads the conn: its Handler is then called on the goroutine
// running the Poller's Wait, which must never wait for that goroutine's own work. Otherwise the
// conn has a reader goroutine of its own, and a Handler that waits there holds back only its
// reading (which is how a consumer that falls behind pushes back on the peer).
func (c *Conn) Polled() bool { return c.polled.Load() }

// Namespace is the pub/sub namespace given to Upgrade.
func (c *Conn) Namespace() string { return c.namespace }

// Subprotocol is the negotiated subprotocol, "" if none.
func (c *Conn) Subprotocol() string { return c.subprotocol }

// RemoteIP is the peer's IP address from the request's RemoteAddr, without the port.
func (c *Conn) RemoteIP() string { return c.remoteIP }

// Seq is the conn's connect order, unique per Server, starting at 1.
func (c *Conn) Seq() uint64 { return c.seq }

// Closed reports whether the conn stopped being open: a close frame was sent or received, the
// transport closed it or TCP dropped. Sends on a closed conn are silent no-ops.
func (c *Conn) Closed() bool { return c.closed.Load() }

// SetValue stores v in the conn's slot for its owner (the JS layer's peer).
func (c *Conn) SetValue(v any) { c.value.Store(&v) }

// Value returns what SetValue stored, nil before.
func (c *Conn) Value() any {
	if p := c.value.Load(); p != nil {
		return *p
	}
	return nil
}

// Subscribe adds topic to the conn's subscriptions in its namespace. Subscribing twice is a
// no-op; a closed conn records the topic but receives nothing.
func (c *Conn) Subscribe(topic string) { c.srv.hub.subscribe(c, topic) }

// Unsubscribe removes topic from the conn's subscriptions.
func (c *Conn) Unsubscribe(topic string) { c.srv.hub.unsubscribe(c, topic) }

// Topics returns the conn's subscriptions in the order they were made.
func (c *Conn) Topics() []string { return c.srv.hub.topicsOf(c) }

// Publish sends one frame to every other subscriber of topic in c's namespace (never to c). It
// works after c closed, so close hooks can announce a departure. It returns the deliveries.
func (c *Conn) Publish(topic string, binary bool, data []byte) int {
	return c.srv.hub.publish(c.namespace, topic, binary, data, c, nil)
}
