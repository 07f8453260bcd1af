package sse

import (
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"
)

var (
	// ErrClosed is returned by Push and Comment once the stream takes no more events (Close was
	// called, or the stream ended), and by Serve for a stream that ended before it was served.
	ErrClosed = errors.New("sse: stream closed")
	// ErrSlowClient ends a stream whose queue passed MaxQueueBytes. It wraps ErrClosed.
	ErrSlowClient = fmt.Errorf("%w: slow client over the queue limit", ErrClosed)

	errServedTwice = errors.New("sse: Serve called twice on one stream")
)

// aLongTimeAgo is a write deadline in the past: it makes a write in progress fail at once.
var aLongTimeAgo = time.Unix(1, 0)

// Stream is one open event stream. Push, PushData, Comment, Close, Abort, OnClosed and the
// accessors are safe from any goroutine and never block on the network; Serve owns the
// ResponseWriter. Events pushed before Serve starts are written right after the headers.
type Stream struct {
	opts Options

	mu       sync.Mutex
	pending  []byte // encoded events and comments not yet handed to Serve
	spare    []byte // the previous batch's buffer, reused for the next burst
	inflight int    // bytes of the batch Serve is writing, not yet taken by the socket
	closing  bool   // Close was called: no more events, end once drained
	ended    bool
	endErr   error // what Serve returns for an end it did not cause
	serving  bool
	corked   bool   // in a Cork's list: woken at its Flush
	remote   string // for logs, set by Serve
	path     string
	onClosed []func()

	done chan struct{} // closed when the stream ends
	wake chan struct{} // capacity 1: something was queued, or Close was called

	// deadlineMu orders the write deadlines Serve arms against the past deadline an ending
	// Push or Abort sets to cut a write in progress, so a cut is never pushed back. rc is the
	// serving ResponseController, nil outside Serve.
	deadlineMu sync.Mutex
	rc         *http.ResponseController
	deadline   time.Time // the write deadline armed last
}

// NewStream returns a stream that queues events until Serve writes them. It starts nothing: a
// stream that is never served holds only memory.
func NewStream(opts Options) *Stream {
	return &Stream{
		opts: opts.withDefaults(),
		done: make(chan struct{}),
		wake: make(chan struct{}, 1),
	}
}

// Push queues e. It returns ErrClosed once the stream takes no more events, or ErrSlowClient
// when e would pass MaxQueueBytes; that ends the stream.
func (s *Stream) Push(e Event) error { return s.push(e, nil) }

// PushData queues an event that carries only data.
func (s *Stream) PushData(data string) error { return s.push(Event{Data: data}, nil) }

// Comment queues a comment block; errors as for Push.
func (s *Stream) Comment(text string) error { return s.comment(text, nil) }

func (s *Stream) push(e Event, k *Cork) error {
	before, err := s.lockOpen()
	if err != nil {
		return err
	}
	s.pending = AppendEvent(s.pending, e)
	return s.admitLocked(before, k)
}

func (s *Stream) comment(text string, k *Cork) error {
	before, err := s.lockOpen()
	if err != nil {
		return err
	}
	s.pending = AppendComment(s.pending, text)
	return s.admitLocked(before, k)
}

// lockOpen locks s.mu and returns the queue's length, for bytes about to be appended, or
// ErrClosed (unlocked) when the stream takes no more.
func (s *Stream) lockOpen() (before int, err error) {
	s.mu.Lock()
	if s.closing || s.ended {
		s.mu.Unlock()
		return 0, ErrClosed
	}
	return len(s.pending), nil
}

// admitLocked keeps the bytes just appended after before, or ends the stream as a slow client
// when they pass the queue limit. It unlocks s.mu. Through a cork, Serve is woken at its Flush.
func (s *Stream) admitLocked(before int, k *Cork) error {
	size := len(s.pending) - before
	queued := before + s.inflight
	if queued > 0 && queued+size > s.opts.MaxQueueBytes {
		fns, _ := s.endLocked(ErrSlowClient) // cannot have ended: the caller checked under this lock
		remote, path := s.remote, s.path
		s.mu.Unlock()
		s.opts.Logger.Warn("sse: slow client, stream ended",
			"remote", remote, "path", path, "queued", queued, "event", size, "limit", s.opts.MaxQueueBytes)
		s.cutWrite()
		runDetached(fns)
		return ErrSlowClient
	}
	if k != nil {
		if !s.corked {
			s.corked = true
			k.dirty = append(k.dirty, s)
		}
		s.mu.Unlock()
		return nil
	}
	s.mu.Unlock()
	s.signal()
	return nil
}

// Close ends the stream once everything queued has been written. Later pushes get ErrClosed.
// The end itself happens in Serve: a stream that will never be served needs Abort.
func (s *Stream) Close() {
	s.mu.Lock()
	if s.closing || s.ended {
		s.mu.Unlock()
		return
	}
	s.closing = true
	s.mu.Unlock()
	s.signal()
}

// Abort ends the stream at once: what is queued is dropped, a write in progress is cut and the
// response ends abruptly. It is also how a stream that will never be served is ended, so its
// OnClosed callbacks run.
func (s *Stream) Abort() {
	s.mu.Lock()
	fns, ok := s.endLocked(nil)
	s.mu.Unlock()
	if !ok {
		return
	}
	s.cutWrite()
	runDetached(fns)
}

// OnClosed registers fn to run once when the stream ends, for any reason: Close (after the
// drain), Abort, client gone, write error or stall, slow client. When the stream has already
// ended, fn runs at once on a new goroutine. fn must not block for long: it may run on the Serve
// goroutine, which holds the response until fn returns.
func (s *Stream) OnClosed(fn func()) {
	s.mu.Lock()
	if s.ended {
		s.mu.Unlock()
		go fn()
		return
	}
	s.onClosed = append(s.onClosed, fn)
	s.mu.Unlock()
}

// Done is closed when the stream has ended.
func (s *Stream) Done() <-chan struct{} { return s.done }

// Closed reports whether the stream takes no more events: Close was called (the queue may still
// be draining) or the stream has ended. Done tells when it has ended.
func (s *Stream) Closed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closing || s.ended
}

// Buffered is the number of encoded bytes queued or being written and not yet taken by the
// socket, the figure MaxQueueBytes bounds.
func (s *Stream) Buffered() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.pending) + s.inflight
}

// endLocked marks the stream ended with err (what Serve returns when another goroutine ended
// it). It reports false when the stream had already ended; otherwise the caller must run fns.
func (s *Stream) endLocked(err error) (fns []func(), ok bool) {
	if s.ended {
		return nil, false
	}
	s.ended = true
	s.endErr = err
	close(s.done)
	s.pending, s.spare, s.inflight = nil, nil, 0
	fns, s.onClosed = s.onClosed, nil
	return fns, true
}

func (s *Stream) signal() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// cutWrite makes a write Serve has in progress fail now, and any later one: the stream has
// ended and the client may not be reading at all.
func (s *Stream) cutWrite() {
	s.deadlineMu.Lock()
	defer s.deadlineMu.Unlock()
	if s.rc != nil {
		s.rc.SetWriteDeadline(aLongTimeAgo)
		s.deadline = aLongTimeAgo
	}
}

// runDetached runs callbacks off the caller's goroutine; see the package doc.
func runDetached(fns []func()) {
	if len(fns) == 0 {
		return
	}
	go runAll(fns)
}

func runAll(fns []func()) {
	for _, fn := range fns {
		fn()
	}
}
