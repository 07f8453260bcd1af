package azote

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// TestWebSocketStress drives one generation's loop, which reads every socket itself, with well
// behaved clients pipelining messages of every size (big ones fragmented, pings in between)
// while other clients break the protocol, vanish mid-frame or hang up: every good client gets
// every echo, in order and intact, the bad ones get their close codes, and the server still
// answers afterwards.
func TestWebSocketStress(t *testing.T) {
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{
		"routes/echo.ts": `import { defineWebSocketHandler } from "nitro";
export default defineWebSocketHandler({
  message(peer, message) { peer.send(message.rawData); },
});
`,
		"routes/hello.ts": httpRoute("still here"),
	})
	ts := start(t, dir, Options{})

	const goodClients, messages = 24, 120
	sizes := []int{1, 60, 125, 126, 1000, 4096, 5000, 70000, 200000}
	payload := func(client, i int) []byte {
		n := sizes[(client+i)%len(sizes)]
		b := make([]byte, n)
		for j := range b {
			b[j] = byte(client*31 + i*7 + j)
		}
		return b
	}

	var wg sync.WaitGroup
	errs := make(chan error, goodClients+16)
	for cl := 0; cl < goodClients; cl++ {
		c := ts.dial("/echo", nil)
		wg.Add(2)
		go func() { // writer: everything at once, a ping every 10 messages
			defer wg.Done()
			for i := 0; i < messages; i++ {
				if i%10 == 0 {
					c.conn.WriteControl(websocket.PingMessage, []byte("p"), time.Now().Add(5*time.Second))
				}
				if err := c.conn.WriteMessage(websocket.BinaryMessage, payload(cl, i)); err != nil {
					errs <- fmt.Errorf("client %d write %d: %w", cl, i, err)
					return
				}
			}
		}()
		go func() { // reader: every echo, in order
			defer wg.Done()
			c.conn.SetReadDeadline(time.Now().Add(30 * time.Second))
			for i := 0; i < messages; i++ {
				_, data, err := c.conn.ReadMessage()
				if err != nil {
					errs <- fmt.Errorf("client %d read %d: %w", cl, i, err)
					return
				}
				if want := payload(cl, i); !bytes.Equal(data, want) {
					errs <- fmt.Errorf("client %d message %d: got %d bytes, want %d", cl, i, len(data), len(want))
					return
				}
			}
		}()
	}

	// Bad clients, at the same time: each raw TCP connection upgrades, then misbehaves.
	frame := func(b0, b1 byte, extra ...byte) []byte { return append([]byte{b0, b1}, extra...) }
	bad := []struct {
		name  string
		bytes []byte
		code  int // close code the server must send, 0 when it just goes away
	}{
		{"unmasked", frame(0x81, 0x01, 'x'), 1002},
		{"reserved bit", frame(0xc1, 0x81, 1, 2, 3, 4, 'x'), 1002},
		{"invalid utf-8", frame(0x81, 0x81, 0, 0, 0, 0, 0xff), 1007},
		{"half a header", frame(0x82, 0xfe), 0},
		{"frame cut short", frame(0x82, 0x8a, 0, 0, 0, 0, 1, 2, 3), 0},
	}
	for round := 0; round < 3; round++ {
		for _, b := range bad {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := misbehave(ts, b.bytes, b.code); err != nil {
					errs <- fmt.Errorf("%s: %w", b.name, err)
				}
			}()
		}
	}

	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("stress did not finish in 60 s")
	}
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if status, _, body := ts.get("/hello"); status != http.StatusOK || body != "still here" {
		t.Fatalf("after the stress: %d %q", status, body)
	}
}

// misbehave upgrades a raw connection, writes b and checks what the server does: with code, a
// close frame with that code; without, nothing but the end of the connection once we hang up.
func misbehave(ts *testServer, b []byte, code int) error {
	conn, err := net.Dial("tcp", ts.addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "GET /echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
	head := make([]byte, 0, 256)
	buf := make([]byte, 1)
	for !bytes.HasSuffix(head, []byte("\r\n\r\n")) {
		if _, err := conn.Read(buf); err != nil {
			return fmt.Errorf("handshake: %w", err)
		}
		head = append(head, buf[0])
	}
	if !bytes.HasPrefix(head, []byte("HTTP/1.1 101")) {
		return fmt.Errorf("handshake answered %q", head)
	}
	if _, err := conn.Write(b); err != nil {
		return err
	}
	if code == 0 {
		return nil // hang up mid-frame: the server must just let go
	}
	reply := make([]byte, 4)
	if _, err := io.ReadFull(conn, reply); err != nil {
		return fmt.Errorf("no close frame: %w", err)
	}
	if reply[0] != 0x88 || int(reply[2])<<8|int(reply[3]) != code {
		return fmt.Errorf("got % x, want a close frame with %d", reply, code)
	}
	return nil
}
