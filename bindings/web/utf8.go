package web

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// errInvalidUTF8 is what a fatal decoder reports for ill-formed input.
var errInvalidUTF8 = errors.New("The encoded data was not valid for encoding utf-8")

// utf8Decoder is the WHATWG UTF-8 decoder: each maximal ill-formed subsequence becomes one
// U+FFFD (Go's own conversions emit one per byte), a leading BOM is dropped unless ignoreBOM,
// and with streaming an incomplete sequence at the end of a chunk waits for the next one.
//
// A decoder belongs to one runtime and is used only on its goroutine.
type utf8Decoder struct {
	fatal     bool
	ignoreBOM bool

	bomDone bool // the first code point of the stream has been looked at
	need    int  // continuation bytes still expected
	seen    int  // continuation bytes consumed so far
	cp      rune // code point under construction
	lower   byte // allowed range of the next continuation byte
	upper   byte
}

func newUTF8Decoder(fatal, ignoreBOM bool) *utf8Decoder {
	return &utf8Decoder{fatal: fatal, ignoreBOM: ignoreBOM, lower: 0x80, upper: 0xBF}
}

// decodeUTF8 decodes b in one go, replacing invalid bytes and dropping a leading BOM, which is
// what Body.text() and Blob.text() do.
func decodeUTF8(b []byte) string {
	s, _ := newUTF8Decoder(false, false).decode(b, false)
	return s
}

// decode decodes the next chunk. Unless stream is set, the chunk ends the stream: a trailing
// incomplete sequence is an error and the decoder is reset for a new stream.
func (d *utf8Decoder) decode(b []byte, stream bool) (string, error) {
	if d.need == 0 && utf8.Valid(b) {
		s := string(b)
		if !d.bomDone && len(s) > 0 {
			d.bomDone = true
			if !d.ignoreBOM {
				s = strings.TrimPrefix(s, "\uFEFF")
			}
		}
		if !stream {
			d.reset()
		}
		return s, nil
	}

	var out strings.Builder
	out.Grow(len(b) + 2)
	emit := func(r rune) {
		if !d.bomDone {
			d.bomDone = true
			if r == 0xFEFF && !d.ignoreBOM {
				return
			}
		}
		out.WriteRune(r)
	}
	for i := 0; i < len(b); {
		c := b[i]
		if d.need == 0 {
			i++
			switch {
			case c < 0x80:
				emit(rune(c))
				continue
			case c >= 0xC2 && c <= 0xDF:
				d.need, d.cp = 1, rune(c&0x1F)
			case c >= 0xE0 && c <= 0xEF:
				if c == 0xE0 {
					d.lower = 0xA0
				} else if c == 0xED {
					d.upper = 0x9F
				}
				d.need, d.cp = 2, rune(c&0x0F)
			case c >= 0xF0 && c <= 0xF4:
				if c == 0xF0 {
					d.lower = 0x90
				} else if c == 0xF4 {
					d.upper = 0x8F
				}
				d.need, d.cp = 3, rune(c&0x07)
			default:
				if d.fatal {
					d.reset()
					return "", errInvalidUTF8
				}
				emit(utf8.RuneError)
			}
			continue
		}
		if c < d.lower || c > d.upper {
			// The sequence so far is one error; c is looked at again as a fresh byte.
			d.need, d.seen, d.cp, d.lower, d.upper = 0, 0, 0, 0x80, 0xBF
			if d.fatal {
				d.reset()
				return "", errInvalidUTF8
			}
			emit(utf8.RuneError)
			continue
		}
		i++
		d.lower, d.upper = 0x80, 0xBF
		d.cp = d.cp<<6 | rune(c&0x3F)
		d.seen++
		if d.seen == d.need {
			emit(d.cp)
			d.need, d.seen, d.cp = 0, 0, 0
		}
	}
	if !stream {
		if d.need != 0 {
			if d.fatal {
				d.reset()
				return "", errInvalidUTF8
			}
			emit(utf8.RuneError)
		}
		d.reset()
	}
	return out.String(), nil
}

func (d *utf8Decoder) reset() {
	d.bomDone, d.need, d.seen, d.cp, d.lower, d.upper = false, 0, 0, 0, 0x80, 0xBF
}
