package ws

import (
	"bufio"
	"bytes"
	"crypto/sha1"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// collector is a Handler that keeps what a parser delivered, for comparing two runs.
type collector struct{ msgs []message }

func (k *collector) OnMessage(_ *Conn, binary bool, data []byte) {
	k.msgs = append(k.msgs, message{binary, bytes.Clone(data)})
}
func (k *collector) OnError(*Conn, error)       {}
func (k *collector) OnClose(*Conn, int, string) {}

// parseStream feeds stream to a fresh parser the way a reader does, in reads of the sizes
// cut returns (into the message's own slice when the parser offers one), and returns the
// messages and the close code the conn would end with (0: still open).
func parseStream(t *testing.T, stream []byte, cut func(left int) int) ([]message, int) {
	c, _ := parserConn(t, Options{MaxMessageSize: 64 << 10})
	k := &collector{}
	c.handler = k
	in := bytes.Clone(stream) // consume unmasks in place
	var err error
	for len(in) > 0 && err == nil {
		n := cut(len(in))
		if space := c.parser.directSpace(); space != nil {
			n = copy(space, in[:n])
			err = c.consumeDirect(n)
		} else {
			err = c.consume(in[:n])
		}
		in = in[n:]
	}
	switch {
	case err == nil:
		return k.msgs, 0
	case errors.Is(err, errPeerClosed):
		return k.msgs, c.peerCode
	case errors.Is(err, errTooBig):
		return k.msgs, CloseTooBig
	case errors.Is(err, errInvalidUTF8):
		return k.msgs, CloseInvalidData
	}
	return k.msgs, CloseProtocolError
}

// FuzzFrameParser: a stream parsed whole and the same stream cut at random points give the
// same messages and the same close code.
func FuzzFrameParser(f *testing.F) {
	f.Add(clientFrame(true, opText, []byte("hello")), uint64(1))
	f.Add(append(clientFrame(false, opBinary, []byte{1, 2}), clientFrame(true, 0, []byte{3})...), uint64(2))
	f.Add(append(clientFrame(false, opText, []byte("a")), append(clientFrame(true, opPing, []byte("p")),
		clientFrame(true, 0, []byte("b"))...)...), uint64(3))
	f.Add(clientFrame(true, opBinary, bytes.Repeat([]byte{7}, 9000)), uint64(4))
	f.Add(clientFrame(true, opClose, append([]byte{0x03, 0xe8}, "bye"...)), uint64(5))
	f.Add(clientFrame(true, opText, []byte{0xc3}), uint64(6))
	f.Fuzz(func(t *testing.T, stream []byte, seed uint64) {
		wholeMsgs, wholeCode := parseStream(t, stream, func(left int) int { return left })
		rng := rand.New(rand.NewPCG(seed, seed>>32))
		splitMsgs, splitCode := parseStream(t, stream, func(left int) int { return 1 + rng.IntN(min(left, 300)) })
		if wholeCode != splitCode {
			t.Fatalf("close code %d whole, %d split", wholeCode, splitCode)
		}
		if len(wholeMsgs) != len(splitMsgs) {
			t.Fatalf("%d messages whole, %d split", len(wholeMsgs), len(splitMsgs))
		}
		for i := range wholeMsgs {
			w, s := wholeMsgs[i], splitMsgs[i]
			if w.binary != s.binary || !bytes.Equal(w.data, s.data) {
				t.Fatalf("message %d: binary=%v %q whole, binary=%v %q split", i, w.binary, w.data, s.binary, s.data)
			}
		}
	})
}

// FuzzHandshake sends upgrade requests made of fuzzed parts to a real server over loopback:
// the server never panics, always answers (a parseable HTTP response), and a 101 carries the
// right accept key and a usable conn.
func FuzzHandshake(f *testing.F) {
	const key = "dGhlIHNhbXBsZSBub25jZQ=="
	f.Add("/chat", key, "13", "websocket", "Upgrade", "", "")
	f.Add("/chat", key, "13", "WebSocket", "keep-alive, Upgrade", "chat", "Origin: http://x\r\n")
	f.Add("/", "short", "13", "websocket", "Upgrade", "", "")
	f.Add("/a", key, "8", "websocket", "Upgrade", "", "")
	f.Add("/a", key, "13", "h2c", "Upgrade", "", "")
	f.Add("/a", key, "13", "websocket", "close", "", "")
	f.Add("/a", key, "13", "websocket", "Upgrade", "a\r\nInjected: yes", "Sec-WebSocket-Extensions: permessage-deflate\r\n")
	f.Add("/a%zz", key, "13", "websocket", "Upgrade", "", "Content-Length: 3\r\n")
	h := newHarness(f, Options{})
	addr := strings.TrimPrefix(h.web.URL, "http://")
	f.Fuzz(func(t *testing.T, path, key, version, upgrade, connection, protocol, extra string) {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Skip("dial:", err) // out of local ports on a busy machine: not the server's fault
		}
		defer func() {
			conn.(*net.TCPConn).SetLinger(0) // no TIME_WAIT: thousands of runs would use up ports
			conn.Close()
		}()
		conn.SetDeadline(time.Now().Add(waitLimit))
		request := fmt.Sprintf("GET %s?proto=%s HTTP/1.1\r\nHost: x\r\nUpgrade: %s\r\nConnection: %s\r\n"+
			"Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: %s\r\n%s\r\n",
			path, url.QueryEscape(protocol), upgrade, connection, key, version, extra)
		if _, err := conn.Write([]byte(request)); err != nil {
			t.Fatalf("write: %v", err)
		}
		br := bufio.NewReader(conn)
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			if complete := strings.Contains(request, "\r\n\r\n"); complete {
				t.Fatalf("no answer to %q: %v", request, err)
			}
			return
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSwitchingProtocols {
			return
		}
		p := recv(t, h.peers)
		defer p.conn.Terminate()
		if got, want := resp.Header.Get("Sec-WebSocket-Accept"), acceptKey(key); got != want {
			t.Fatalf("101 with accept %q, want %q, to %q", got, want, request)
		}
		if resp.Header.Get("Injected") != "" {
			t.Fatalf("a header injected through the subprotocol: %q", request)
		}
		p.conn.Send(false, []byte("hi"))
		frame := make([]byte, 4)
		if _, err := io.ReadFull(br, frame); err != nil || !bytes.Equal(frame, []byte{0x81, 2, 'h', 'i'}) {
			t.Fatalf("after the 101: % x %v", frame, err)
		}
	})
}

// acceptKey is the Sec-WebSocket-Accept for key (RFC 6455 section 4.2.2).
func acceptKey(key string) string {
	sum := sha1.Sum([]byte(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"))
	return base64.StdEncoding.EncodeToString(sum[:])
}
