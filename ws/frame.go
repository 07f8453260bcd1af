package ws

import (
	"encoding/binary"
	"unicode/utf8"
)

// Opcodes of RFC 6455 section 5.2 that the server sends.
const (
	opText   = 0x1
	opBinary = 0x2
	opClose  = 0x8
	opPing   = 0x9
	opPong   = 0xA
)

// Close codes used by the transport.
const (
	CloseNormal        = 1000
	CloseProtocolError = 1002
	CloseNoStatus      = 1005 // no code in the close frame; never sent as a code
	CloseAbnormal      = 1006 // TCP dropped without a close frame; never sent
	CloseInvalidData   = 1007
	CloseTooBig        = 1009
	CloseTryAgainLater = 1013
)

// maxControlPayload is RFC 6455's limit for ping, pong and close payloads; a close reason gets
// two bytes less because of the code.
const maxControlPayload = 125

// Frame is one server frame (unmasked, FIN set), encoded once and shareable by any number of
// conns: queues hold its bytes, nobody modifies them. A Frame is immutable and safe for
// concurrent use.
type Frame struct {
	wire []byte
}

// NewFrame encodes data as a single binary or text frame. data is copied.
func NewFrame(binary bool, data []byte) *Frame {
	return &Frame{wire: encodeFrame(dataOpcode(binary), data)}
}

// Len is the frame's size on the wire, header included: what SendFrame adds to BufferedAmount.
func (f *Frame) Len() int { return len(f.wire) }

func dataOpcode(binary bool) byte {
	if binary {
		return opBinary
	}
	return opText
}

// encodeFrame returns header and payload in one fresh slice, so one queue entry is one frame.
// A string payload is copied straight in, saving the caller a conversion.
func encodeFrame[P string | []byte](opcode byte, payload P) []byte {
	n := len(payload)
	header := 2
	switch {
	case n > 0xFFFF:
		header = 10
	case n > 125:
		header = 4
	}
	wire := make([]byte, header+n)
	wire[0] = 0x80 | opcode
	switch header {
	case 2:
		wire[1] = byte(n)
	case 4:
		wire[1] = 126
		binary.BigEndian.PutUint16(wire[2:], uint16(n))
	default:
		wire[1] = 127
		binary.BigEndian.PutUint64(wire[2:], uint64(n))
	}
	copy(wire[header:], payload)
	return wire
}

// encodeClose builds a close frame. CloseNoStatus gives an empty payload, which the peer reads
// as "no code" (1005).
func encodeClose(code int, reason string) []byte {
	if code == CloseNoStatus {
		return encodeFrame(opClose, "")
	}
	reason = truncateUTF8(reason, maxControlPayload-2)
	payload := make([]byte, 2+len(reason))
	binary.BigEndian.PutUint16(payload, uint16(code))
	copy(payload[2:], reason)
	return encodeFrame(opClose, payload)
}

// pingFrame is the sweeper's ping, shared by every conn.
var pingFrame = encodeFrame(opPing, "")

// ValidCloseCode reports whether an application may send code in a close frame (the rule Node's
// ws applies before throwing): 1000-1014 except 1004, 1005 and 1006, and 3000-4999.
func ValidCloseCode(code int) bool {
	switch {
	case code >= 1000 && code <= 1014:
		return code != 1004 && code != CloseNoStatus && code != CloseAbnormal
	default:
		return code >= 3000 && code <= 4999
	}
}

// truncateUTF8 cuts s to at most max bytes without splitting a rune.
func truncateUTF8(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}
