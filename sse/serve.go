package sse

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"slices"
	"time"
)

// keepAliveComment is what an idle stream sends every KeepAlive.
var keepAliveComment = AppendComment(nil, "keep-alive")

// Serve writes the response of the stream and returns when the stream ends. It sends status 200
// with `content-type: text/event-stream`, `cache-control: private, no-cache, no-store,
// no-transform, must-revalidate, max-age=0`, `x-accel-buffering: no` and, on HTTP/1.1,
// `connection: keep-alive`; entries of extra are added after these and replace them on conflict
// (a content-length is dropped: a stream has none). The headers are flushed at once, together
// with the events already queued. From then on everything queued is written as one batch and
// flushed, each write and flush bounded by WriteTimeout, and an idle stream sends a keep-alive
// comment every KeepAlive. Deadlines go through http.ResponseController, so the http.Server's
// own WriteTimeout does not cut a stream (nor does its ReadTimeout: net/http clears the read
// deadline once the request is read).
//
// Serve returns nil after Close (once the queue is written) and after Abort; ErrSlowClient when
// the queue passed its limit; an error wrapping the request context's cause when the client
// went away; an error wrapping the write error (os.ErrDeadlineExceeded for a stall) when a
// write failed. OnClosed callbacks due to an end Serve saw first run before it returns. Serve
// starts no goroutine. A stream is served at most once.
func (s *Stream) Serve(w http.ResponseWriter, r *http.Request, extra http.Header) error {
	s.mu.Lock()
	if s.serving {
		s.mu.Unlock()
		return errServedTwice
	}
	s.serving = true
	if s.ended {
		s.mu.Unlock()
		return ErrClosed
	}
	s.remote, s.path = r.RemoteAddr, r.URL.Path
	s.mu.Unlock()

	rc := http.NewResponseController(w)
	s.deadlineMu.Lock()
	s.rc = rc
	s.deadlineMu.Unlock()
	// The ResponseWriter must not be touched once the handler has returned.
	defer func() {
		s.deadlineMu.Lock()
		s.rc = nil
		s.deadlineMu.Unlock()
	}()

	setHeaders(w.Header(), r, extra)
	w.WriteHeader(http.StatusOK)
	// Queued events go out in the same flush as the headers.
	if s.Buffered() == 0 {
		if err := s.flush(rc); err != nil {
			return s.end(rc, s.writeError(err))
		}
	}

	var keepAlive <-chan time.Time
	var timer *time.Timer
	if s.opts.KeepAlive > 0 {
		timer = time.NewTimer(s.opts.KeepAlive)
		defer timer.Stop()
		keepAlive = timer.C
	}
	ctx := r.Context()
	for {
		batch, closing, ended := s.takeBatch()
		if ended {
			return s.endedElsewhere()
		}
		if len(batch) > 0 {
			if err := s.write(w, rc, batch); err != nil {
				return s.end(rc, s.writeError(err))
			}
			s.recycle(batch)
			if timer != nil {
				timer.Reset(s.opts.KeepAlive)
			}
			continue
		}
		if closing {
			return s.end(rc, nil)
		}
		select {
		case <-s.wake:
		case <-s.done:
		case <-ctx.Done():
			return s.end(rc, fmt.Errorf("sse: client gone from %s: %w", s.path, context.Cause(ctx)))
		case <-keepAlive:
			if err := s.write(w, rc, keepAliveComment); err != nil {
				return s.end(rc, s.writeError(err))
			}
			timer.Reset(s.opts.KeepAlive)
		}
	}
}

func setHeaders(h http.Header, r *http.Request, extra http.Header) {
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "private, no-cache, no-store, no-transform, must-revalidate, max-age=0")
	h.Set("X-Accel-Buffering", "no")
	if r.ProtoMajor == 1 && r.ProtoMinor == 1 {
		h.Set("Connection", "keep-alive")
	}
	for name, values := range extra {
		h.Del(name)
		h[http.CanonicalHeaderKey(name)] = slices.Clone(values)
	}
	h.Del("Content-Length")
}

// takeBatch hands Serve everything queued; with nothing queued it tells whether Close was called
// or the stream has ended.
func (s *Stream) takeBatch() (batch []byte, closing, ended bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ended {
		return nil, false, true
	}
	if len(s.pending) == 0 {
		return nil, s.closing, false
	}
	if s.corked {
		// A wake-up left from earlier must not take events a Cork still holds: its Flush
		// wakes Serve again.
		return nil, false, false
	}
	batch = s.pending
	s.pending, s.spare = s.spare[:0], nil
	s.inflight = len(batch)
	return batch, false, false
}

// write writes batch in pieces of at most maxWriteSize, each with at least half a
// WriteTimeout, then flushes.
func (s *Stream) write(w http.ResponseWriter, rc *http.ResponseController, batch []byte) error {
	for rest := batch; len(rest) > 0; {
		n := min(len(rest), maxWriteSize)
		if !s.armWriteDeadline(rc) {
			return os.ErrDeadlineExceeded
		}
		if _, err := w.Write(rest[:n]); err != nil {
			return err
		}
		rest = rest[n:]
		s.mu.Lock()
		s.inflight = max(s.inflight-n, 0)
		s.mu.Unlock()
	}
	return s.flush(rc)
}

// recycle keeps a written batch's buffer for the next burst, unless it grew large.
func (s *Stream) recycle(batch []byte) {
	if cap(batch) > maxSpareCap {
		return
	}
	s.mu.Lock()
	if !s.ended && s.spare == nil {
		s.spare = batch[:0]
	}
	s.mu.Unlock()
}

func (s *Stream) flush(rc *http.ResponseController) error {
	if !s.armWriteDeadline(rc) {
		return os.ErrDeadlineExceeded
	}
	return rc.Flush()
}

// armWriteDeadline gives the next write at least half of WriteTimeout, unless the stream was
// ended elsewhere (its write deadline is then in the past and must stay there).
func (s *Stream) armWriteDeadline(rc *http.ResponseController) bool {
	s.deadlineMu.Lock()
	defer s.deadlineMu.Unlock()
	select {
	case <-s.done:
		return false
	default:
	}
	// Re-arming the socket's timer costs more than a small write, so a deadline still more than
	// half a WriteTimeout away is kept: a write then has between half and all of WriteTimeout.
	now := time.Now()
	if s.deadline.Sub(now) > s.opts.WriteTimeout/2 {
		return true
	}
	s.deadline = now.Add(s.opts.WriteTimeout)
	// Not every ResponseWriter has deadlines (a recorder in tests, some wrappers); the stream
	// then simply has no write timeout.
	if err := rc.SetWriteDeadline(s.deadline); err != nil && !errors.Is(err, http.ErrNotSupported) {
		s.opts.Logger.Debug("sse: set write deadline", "remote", s.remote, "path", s.path, "err", err)
	}
	return true
}

func (s *Stream) writeError(err error) error {
	return fmt.Errorf("sse: write to %s: %w", s.path, err)
}

// end ends the stream from Serve with err (nil for a drained Close) and runs the callbacks. When
// another goroutine ended the stream first, its reason wins.
func (s *Stream) end(rc *http.ResponseController, err error) error {
	s.mu.Lock()
	fns, ok := s.endLocked(err)
	s.mu.Unlock()
	if !ok {
		return s.endedElsewhere()
	}
	s.deadlineMu.Lock()
	if err == nil {
		// Let net/http end the body cleanly, but not wait forever on a client that stopped.
		rc.SetWriteDeadline(time.Now().Add(s.opts.WriteTimeout))
	} else {
		// The client is gone or stuck: whatever net/http still writes must fail at once.
		rc.SetWriteDeadline(aLongTimeAgo)
	}
	s.deadlineMu.Unlock()
	s.logEnd(err)
	runAll(fns)
	return err
}

// endedElsewhere is Serve's return for a stream that Push (slow client) or Abort ended; they ran
// the callbacks and cut the response.
func (s *Stream) endedElsewhere() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.endErr
}

func (s *Stream) logEnd(err error) {
	switch {
	case err == nil:
	case errors.Is(err, os.ErrDeadlineExceeded):
		s.opts.Logger.Warn("sse: write stalled, stream ended",
			"remote", s.remote, "path", s.path, "timeout", s.opts.WriteTimeout)
	default:
		s.opts.Logger.Debug("sse: stream ended", "remote", s.remote, "path", s.path, "err", err)
	}
}
