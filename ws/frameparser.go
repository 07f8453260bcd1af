package ws

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf8"
)

// The read side is azote's own, not gorilla's: bytes go into a conn's frameParser as the socket
// hands them over, in pieces of any size, and complete messages and control frames come out.
// Owning it lets the reader take a whole burst of frames in one system call, deliver a small
// message with a single copy out of a pooled buffer, read a big one straight into its own
// slice, and hold no buffer at all while the conn is idle.

// maxHeaderSize is the longest client frame header: 2 bytes, an 8-byte length, a 4-byte mask.
const maxHeaderSize = 14

// directReadMin is the payload still to come from which the reader reads straight into the
// message's own slice instead of a pooled buffer.
const directReadMin = 4 << 10

var (
	errInvalidUTF8 = errors.New("websocket: text message is not valid UTF-8")
	errTooBig      = errors.New("websocket: message too big")
	// errPeerClosed ends the reader after the peer's close frame; nothing may follow it.
	errPeerClosed = errors.New("websocket: close frame received")
)

// protocolError is a frame that breaks RFC 6455; the conn is closed with 1002.
type protocolError string

func (e protocolError) Error() string { return "websocket: protocol error: " + string(e) }

// frameParser is one conn's parsing state between reads. Only the conn's reader uses it.
type frameParser struct {
	head    [maxHeaderSize]byte // a header split across reads
	headLen uint8
	inFrame bool // a header was parsed and its payload is still coming
	fin     bool
	op      byte
	msgOp   byte // opcode of the fragmented message in progress, 0 when none
	keyPos  uint8
	key     [4]byte
	remain  uint64 // payload bytes of the current frame still to come
	msg     []byte // payload so far of the data message in progress
	ctl     []byte // payload so far of a control frame split across reads
}

// consume parses p, unmasking payloads in place, and delivers what completes. It returns
// errPeerClosed after a close frame, or why the conn must be closed.
func (c *Conn) consume(p []byte) error {
	r := &c.parser
	for len(p) > 0 {
		if !r.inFrame {
			n, err := r.parseHeader(p, c.srv.opts.MaxMessageSize)
			if err != nil {
				return err
			}
			p = p[n:]
			if !r.inFrame {
				return nil // the rest of the header is still to come
			}
			c.touch()
			if r.remain == 0 {
				if err := c.frameDone(nil); err != nil {
					return err
				}
				continue
			}
		}
		chunk := p
		if uint64(len(chunk)) > r.remain {
			chunk = chunk[:r.remain]
		}
		p = p[len(chunk):]
		r.unmask(chunk)
		r.remain -= uint64(len(chunk))
		if r.remain > 0 {
			if r.op >= opClose {
				r.ctl = append(r.ctl, chunk...)
			} else {
				r.msg = append(r.msg, chunk...)
			}
			return nil
		}
		if err := c.frameDone(chunk); err != nil {
			return err
		}
	}
	return nil
}

// directSpace returns where the next read may go straight into the message being received
// (a big data frame is in progress), or nil. The message's slice grows with what arrives, not
// with what the header announced: a peer that announces 16 MB and sends a trickle gets no
// 16 MB buffer.
func (r *frameParser) directSpace() []byte {
	if !r.inFrame || r.op >= opClose || r.remain < directReadMin {
		return nil
	}
	// parseHeader bounded remain by the size limit, so it fits an int.
	remain := int(r.remain)
	if cap(r.msg)-len(r.msg) < directReadMin {
		grow := min(remain, max(len(r.msg), 64<<10))
		grown := make([]byte, len(r.msg), len(r.msg)+grow)
		copy(grown, r.msg)
		r.msg = grown
	}
	return r.msg[len(r.msg):min(cap(r.msg), len(r.msg)+remain)]
}

// consumeDirect takes the n bytes a read put into directSpace.
func (c *Conn) consumeDirect(n int) error {
	r := &c.parser
	start := len(r.msg)
	r.msg = r.msg[:start+n]
	r.unmask(r.msg[start:])
	r.remain -= uint64(n)
	c.touch()
	if r.remain > 0 {
		return nil
	}
	return c.frameDone(nil)
}

// parseHeader reads a frame header from p (continuing one split across reads) and checks it.
// It returns the bytes of p it took; inFrame is set once the header is complete.
func (r *frameParser) parseHeader(p []byte, limit int64) (int, error) {
	h, had := p, int(r.headLen)
	if had > 0 {
		n := copy(r.head[had:], p)
		h = r.head[:had+n]
	}
	size, err := r.headerSize(h)
	if err != nil {
		return 0, err
	}
	if size == 0 || len(h) < size {
		if had == 0 {
			copy(r.head[:], p)
		}
		r.headLen = uint8(len(h))
		return len(p), nil
	}
	r.headLen = 0
	h = h[:size]

	r.fin, r.op = h[0]&0x80 != 0, h[0]&0x0f
	var length uint64
	switch n := h[1] & 0x7f; n {
	case 126:
		length = uint64(binary.BigEndian.Uint16(h[2:]))
	case 127:
		length = binary.BigEndian.Uint64(h[2:])
		if length>>63 != 0 {
			return 0, protocolError("payload length over 2^63")
		}
	default:
		length = uint64(n)
	}
	if r.op < opClose {
		if room := uint64(limit) - uint64(len(r.msg)); length > room {
			return 0, errTooBig
		}
		if r.op != 0 {
			r.msgOp = r.op
		}
	}
	copy(r.key[:], h[size-4:])
	r.keyPos, r.remain, r.inFrame = 0, length, true
	return size - had, nil
}

// headerSize checks the header's first two bytes and returns its full size, or 0 while fewer
// than two bytes are there.
func (r *frameParser) headerSize(h []byte) (int, error) {
	if len(h) < 2 {
		return 0, nil
	}
	b0, b1 := h[0], h[1]
	if b0&0x70 != 0 {
		return 0, protocolError("reserved bits set without an extension")
	}
	fin, op := b0&0x80 != 0, b0&0x0f
	switch op {
	case 0:
		if r.msgOp == 0 {
			return 0, protocolError("continuation frame without a message to continue")
		}
	case opText, opBinary:
		if r.msgOp != 0 {
			return 0, protocolError("new message before the fragmented one ended")
		}
	case opClose, opPing, opPong:
		if !fin {
			return 0, protocolError("fragmented control frame")
		}
		if b1&0x7f > maxControlPayload {
			return 0, protocolError("control frame payload over 125 bytes")
		}
	default:
		return 0, protocolError(fmt.Sprintf("unknown opcode %d", op))
	}
	if b1&0x80 == 0 {
		return 0, protocolError("client frame not masked")
	}
	switch b1 & 0x7f {
	case 126:
		return 2 + 2 + 4, nil
	case 127:
		return 2 + 8 + 4, nil
	}
	return 2 + 4, nil
}

// unmask XORs p with the frame's key, continuing where the previous piece stopped.
func (r *frameParser) unmask(p []byte) {
	if len(p) == 0 {
		return
	}
	pos := int(r.keyPos)
	i := 0
	if len(p) >= 16 {
		// Eight bytes at a time with the key rotated to the current position.
		var k [8]byte
		for j := range k {
			k[j] = r.key[(pos+j)&3]
		}
		key := binary.LittleEndian.Uint64(k[:])
		for ; i+8 <= len(p); i += 8 {
			binary.LittleEndian.PutUint64(p[i:], binary.LittleEndian.Uint64(p[i:])^key)
		}
	}
	for ; i < len(p); i++ {
		p[i] ^= r.key[(pos+i)&3]
	}
	r.keyPos = uint8((pos + len(p)) & 3)
}

// frameDone handles a complete frame whose payload is what was stashed, followed by last.
func (c *Conn) frameDone(last []byte) error {
	r := &c.parser
	r.inFrame = false
	if r.op >= opClose {
		payload := last
		if r.ctl != nil {
			payload = append(r.ctl, last...)
			r.ctl = nil
		}
		return c.control(r.op, payload)
	}
	if !r.fin {
		r.msg = append(r.msg, last...)
		return nil
	}
	var data []byte
	if r.msg == nil {
		data = bytes.Clone(last) // last lies in a pooled read buffer
		if data == nil {
			data = []byte{}
		}
	} else {
		data = append(r.msg, last...)
		r.msg = nil
	}
	binaryMsg := r.msgOp == opBinary
	r.msgOp = 0
	if !binaryMsg && !utf8.Valid(data) {
		return errInvalidUTF8
	}
	c.handler.OnMessage(c, binaryMsg, data)
	return nil
}

// control answers a ping, notes a pong, and takes the peer's close frame.
func (c *Conn) control(op byte, payload []byte) error {
	switch op {
	case opPing:
		c.enqueue(encodeFrame(opPong, payload))
	case opClose:
		code, reason := CloseNoStatus, ""
		switch {
		case len(payload) == 1:
			return protocolError("close frame payload of 1 byte")
		case len(payload) >= 2:
			code = int(binary.BigEndian.Uint16(payload))
			if !ValidCloseCode(code) {
				return protocolError(fmt.Sprintf("invalid close code %d", code))
			}
			if !utf8.Valid(payload[2:]) {
				return errInvalidUTF8
			}
			reason = string(payload[2:])
		}
		c.onCloseFrame(code, reason)
		return errPeerClosed
	}
	return nil
}
