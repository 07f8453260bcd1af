// Command gorilla is the benchmark's floor for the Go stack: the bench protocol (see
// bench/app/routes/ws.ts) on gorilla/websocket with no JavaScript, written the simple way a Go
// programmer would first write it: one reader goroutine per connection (the net/http handler),
// a mutex around each connection's writes, and a map-based hub.
//
// Usage: gorilla [--host 127.0.0.1] [--port 3000]; the endpoint is /ws.
package main

import (
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"
)

func main() {
	host := flag.String("host", "127.0.0.1", "address to listen on")
	port := flag.Int("port", 3000, "port to listen on")
	flag.Parse()

	hub := newHub()
	mux := http.NewServeMux()
	mux.Handle("/ws", &endpoint{hub: hub})
	addr := net.JoinHostPort(*host, strconv.Itoa(*port))
	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	slog.Info("gorilla bench server listening", "addr", addr)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(os.Stderr, "gorilla: listen %s: %v\n", addr, err)
		os.Exit(1)
	}
}
