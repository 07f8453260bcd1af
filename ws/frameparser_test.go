package ws

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// clientFrame encodes a masked client frame.
func clientFrame(fin bool, op byte, payload []byte) []byte {
	var b []byte
	first := op
	if fin {
		first |= 0x80
	}
	b = append(b, first)
	switch n := len(payload); {
	case n > 0xFFFF:
		b = append(b, 0x80|127)
		b = binary.BigEndian.AppendUint64(b, uint64(n))
	case n > 125:
		b = append(b, 0x80|126)
		b = binary.BigEndian.AppendUint16(b, uint16(n))
	default:
		b = append(b, 0x80|byte(n))
	}
	key := [4]byte{0x37, 0xfa, 0x21, 0x3d}
	b = append(b, key[:]...)
	for i, c := range payload {
		b = append(b, c^key[i&3])
	}
	return b
}

// parserConn is a Conn fed by hand: consume gets the bytes, the socket side is a pipe whose
// other end is drained (pongs go there).
func parserConn(t *testing.T, opts Options) (*Conn, *recorder) {
	server, client := net.Pipe()
	go io.Copy(io.Discard, client)
	t.Cleanup(func() { server.Close(); client.Close() })
	srv := &Server{opts: opts.withDefaults(), closeGrace: time.Second}
	srv.log = srv.opts.Logger
	rec := newRecorder(t)
	c := &Conn{srv: srv, netConn: server, handler: rec}
	return c, rec
}

// TestParserAnySplit feeds one stream of frames (fragments, a ping between fragments, the three
// length encodings, an empty message, a close) in pieces of every size from 1 byte up: the
// messages that come out must not depend on how reads cut the stream.
func TestParserAnySplit(t *testing.T) {
	long := bytes.Repeat([]byte("0123456789abcdef"), 4500) // 72,000 bytes: 64-bit length
	mid := []byte(strings.Repeat("é", 150))                // 300 bytes: 16-bit length
	var stream []byte
	for _, f := range [][]byte{
		clientFrame(true, opText, []byte("hello")),
		clientFrame(false, opBinary, []byte{1, 2, 3}),
		clientFrame(true, opPing, []byte("are you there")),
		clientFrame(false, 0, []byte{4, 5}),
		clientFrame(true, 0, []byte{6}),
		clientFrame(true, opText, nil),
		clientFrame(true, opText, mid),
		clientFrame(true, opBinary, long),
		clientFrame(false, opText, []byte("frag")),
		clientFrame(true, 0, []byte("mented é")),
		clientFrame(true, opClose, append([]byte{0x0f, 0xa1}, "bye"...)),
		clientFrame(true, opText, []byte("after the close: never delivered")),
	} {
		stream = append(stream, f...)
	}
	want := []message{
		{false, []byte("hello")},
		{true, []byte{1, 2, 3, 4, 5, 6}},
		{false, []byte{}},
		{false, mid},
		{true, long},
		{false, []byte("fragmented é")},
	}
	for _, size := range []int{1, 2, 3, 5, 7, 13, 100, 4096, len(stream)} {
		c, rec := parserConn(t, Options{})
		in := bytes.Clone(stream) // consume unmasks in place
		var err error
		for len(in) > 0 && err == nil {
			n := min(size, len(in))
			err = c.consume(in[:n])
			in = in[n:]
		}
		if !errors.Is(err, errPeerClosed) {
			t.Fatalf("split %d: consume ended with %v, want the peer's close", size, err)
		}
		for i, w := range want {
			select {
			case got := <-rec.msgs:
				if got.binary != w.binary || !bytes.Equal(got.data, w.data) {
					t.Fatalf("split %d: message %d is binary=%v %d bytes %.20q, want binary=%v %d bytes %.20q",
						size, i, got.binary, len(got.data), got.data, w.binary, len(w.data), w.data)
				}
			default:
				t.Fatalf("split %d: message %d missing", size, i)
			}
		}
		if len(rec.msgs) != 0 {
			t.Fatalf("split %d: %d messages too many", size, len(rec.msgs))
		}
		if !c.peerClosed || c.peerCode != 4001 || c.peerReason != "bye" {
			t.Fatalf("split %d: peer close %v %d %q", size, c.peerClosed, c.peerCode, c.peerReason)
		}
	}
}

// TestParserRejects checks each broken frame gets the close code Node's ws would send.
func TestParserRejects(t *testing.T) {
	unmasked := clientFrame(true, opText, []byte("a"))
	unmasked[1] &^= 0x80
	huge := clientFrame(true, opBinary, nil)
	huge[1] = 0x80 | 127
	huge = append(huge[:2], append(binary.BigEndian.AppendUint64(nil, 1<<63), huge[2:]...)...)
	cases := []struct {
		name  string
		input []byte
		code  int
	}{
		{"reserved bit", append([]byte{0xc1}, clientFrame(true, opText, []byte("a"))[1:]...), CloseProtocolError},
		{"unknown opcode", clientFrame(true, 0x3, nil), CloseProtocolError},
		{"unmasked", unmasked, CloseProtocolError},
		{"lone continuation", clientFrame(true, 0, []byte("x")), CloseProtocolError},
		{"new message inside a fragmented one", append(clientFrame(false, opText, []byte("a")), clientFrame(true, opText, []byte("b"))...), CloseProtocolError},
		{"fragmented ping", clientFrame(false, opPing, nil), CloseProtocolError},
		{"long ping", clientFrame(true, opPing, make([]byte, 126)), CloseProtocolError},
		{"length over 2^63", huge, CloseProtocolError},
		{"one-byte close", clientFrame(true, opClose, []byte{3}), CloseProtocolError},
		{"close code 1005", clientFrame(true, opClose, []byte{0x03, 0xed}), CloseProtocolError},
		{"close reason not UTF-8", clientFrame(true, opClose, []byte{0x03, 0xe8, 0xff}), CloseInvalidData},
		{"text not UTF-8", clientFrame(true, opText, []byte{'a', 0xc3}), CloseInvalidData},
		{"text split inside a rune", append(clientFrame(false, opText, []byte{0xc3}), clientFrame(true, 0, []byte{0x28})...), CloseInvalidData},
		{"too big", clientFrame(true, opBinary, make([]byte, 2000)), CloseTooBig},
		{"too big in fragments", append(clientFrame(false, opBinary, make([]byte, 600)), clientFrame(true, 0, make([]byte, 600))...), CloseTooBig},
	}
	h := newHarness(t, Options{MaxMessageSize: 1024})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cl, p := h.dial("/rejects")
			if _, err := cl.NetConn().Write(tc.input); err != nil {
				t.Fatal(err)
			}
			if err := recv(t, p.rec.errs); err == nil {
				t.Fatal("no OnError")
			}
			if got := recv(t, p.rec.closes); got.code != tc.code {
				t.Fatalf("OnClose %+v, want %d", got, tc.code)
			}
			if code := closeCode(readClose(t, cl)); code != tc.code {
				t.Fatalf("client got close %d, want %d", code, tc.code)
			}
		})
	}
}

// TestBigMessageInPieces sends a large message as several fragments over a real socket, in
// small writes, so the reader goes through its direct reads into the message's own slice.
func TestBigMessageInPieces(t *testing.T) {
	h := newHarness(t, Options{})
	cl, p := h.dial("/big")
	payload := make([]byte, 3<<20)
	for i := range payload {
		payload[i] = byte(i * 7)
	}
	var stream []byte
	const pieces = 3
	size := len(payload) / pieces
	for i := 0; i < pieces; i++ {
		op := byte(opBinary)
		if i > 0 {
			op = 0
		}
		stream = append(stream, clientFrame(i == pieces-1, op, payload[i*size:(i+1)*size])...)
	}
	go func() {
		for len(stream) > 0 {
			n := min(1500, len(stream))
			if _, err := cl.NetConn().Write(stream[:n]); err != nil {
				return
			}
			stream = stream[n:]
		}
	}()
	m := recv(t, p.rec.msgs)
	if !m.binary || !bytes.Equal(m.data, payload) {
		t.Fatalf("got binary=%v, %d bytes, equal=%v", m.binary, len(m.data), bytes.Equal(m.data, payload))
	}
	// The conn goes on reading normally after the direct reads.
	cl.WriteMessage(websocket.TextMessage, []byte("next"))
	if m := recv(t, p.rec.msgs); string(m.data) != "next" {
		t.Fatalf("next message %q", m.data)
	}
}
