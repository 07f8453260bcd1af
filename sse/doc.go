// Package sse is azote's Server-Sent Events writer, the Go half of h3's createEventStream: the
// wire format of events and comments, one Stream per open response, flushing, keep-alive
// comments, a bounded queue, and the end of a stream however it comes (Close, client gone, write
// error or stall, slow client).
//
// Concurrency in one paragraph: Push, PushData, Comment, Close, Abort and OnClosed are safe from
// any goroutine and never block on the network: an event is encoded straight into the stream's
// queue under a mutex and the serving goroutine is woken (through a Cork, once the corking
// goroutine flushes it: the JS loop's path, one wake-up per stream per loop job). Serve runs on the net/http handler
// goroutine, owns the ResponseWriter, writes everything queued as one batch followed by one
// flush, and returns when the stream ends; it starts no goroutine. OnClosed callbacks run once,
// either on the Serve goroutine before Serve returns or on a goroutine of their own, never on the
// goroutine calling Push, Comment, Close, Abort or OnClosed, so a caller holding its own lock (or
// running a JavaScript event loop) is never re-entered.
package sse
