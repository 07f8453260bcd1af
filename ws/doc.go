// Package ws is azote's WebSocket transport: the handshake (through gorilla/websocket),
// reading with azote's own frame parser (conns started on a Poller, an epoll set that a JS
// loop runs as its idle wait, on Linux; otherwise a reader goroutine per conn), a batching
// writer per connection, size and queue limits, a ping sweeper and the pub/sub hub
// (namespaces -> topics -> members).
//
// Concurrency in one paragraph: a Conn's Handler is called only from that Conn's reader (the
// goroutine running its Poller, or the conn's own reader goroutine), in order, and must not
// block on a Poller: one slow call holds up the input of every conn on it. On a conn's own
// reader goroutine, OnMessage may wait for its consumer to catch up: that conn is not read
// meanwhile, which pushes back on its peer (Conn.Polled tells the two apart). Everything else
// (Send, Publish, Close, the Hub...) is safe from any goroutine and never blocks on the network:
// frames are encoded once, appended to the connection's queue under a mutex, and a short-lived
// flush goroutine writes everything queued with one writev until the queue is empty. Through a
// Cork (the JS loop's path) the corking goroutine makes that first write itself, without
// waiting, and leaves only what the socket did not take to the flush goroutine. An idle
// connection owns no goroutine and no buffer: only its place in its Poller's epoll set (or its
// reader goroutine, parked on a 2 KB stack, see input.go).
//
// gorilla answers the handshake and is then left behind: frames are parsed by frameparser.go
// and written by writer.go, so every frame the server sends, a 1002 or 1009 close included,
// goes through the connection's queue.
package ws
