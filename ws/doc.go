// Package ws is azote's WebSocket transport: the handshake (through gorilla/websocket), one
// poller that reads every connection (Linux; a reader goroutine per connection elsewhere) with
// azote's own frame parser, a batching writer per connection, size and queue limits, a ping
// sweeper and the pub/sub hub (namespaces -> topics -> members).
//
// Concurrency in one paragraph: a Conn's Handler is called only from that Conn's reader (the
// server's poller goroutine, or the conn's own reader goroutine), in order, and must not block:
// on Linux one slow handler call holds up every connection's input. Everything else (Send, Publish, Close, the Hub...) is
// safe from any goroutine and never blocks on the network: frames are encoded once, appended to
// the connection's queue under a mutex, and a short-lived flush goroutine writes everything
// queued with one writev until the queue is empty. Through a Cork (the JS loop's path) the
// corking goroutine makes that first write itself, without waiting, and leaves only what the
// socket did not take to the flush goroutine. An idle connection owns no goroutine and no
// buffer: only its place in the poller's epoll set (elsewhere its reader goroutine, parked on a
// 2 KB stack, see input.go).
//
// gorilla answers the handshake and is then left behind: frames are parsed by frameparser.go
// and written by writer.go, so every frame the server sends, a 1002 or 1009 close included,
// goes through the connection's queue.
package ws
