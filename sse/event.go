package sse

import (
	"strconv"
	"strings"
)

// Event is one Server-Sent Event. Empty ID and Event are left out of the wire format; Retry is
// written only when HasRetry, because the JavaScript layer drops a retry that is not an integer.
type Event struct {
	ID, Event, Data string
	Retry           int
	HasRetry        bool
}

// AppendEvent appends e to dst in the event-stream wire format, the way h3 writes it: an
// `id: ` and an `event: ` line with every CR and LF removed (a field is left out when empty),
// `retry: N` when HasRetry, then Data split on CRLF, CR or LF into one `data: ` line each (an
// empty Data still gives one `data: ` line, so the event is dispatched), then a blank line.
func AppendEvent(dst []byte, e Event) []byte {
	if e.ID != "" {
		dst = appendSingleLineField(dst, "id: ", e.ID)
	}
	if e.Event != "" {
		dst = appendSingleLineField(dst, "event: ", e.Event)
	}
	if e.HasRetry {
		dst = append(dst, "retry: "...)
		dst = strconv.AppendInt(dst, int64(e.Retry), 10)
		dst = append(dst, '\n')
	}
	dst = appendLines(dst, "data: ", e.Data)
	return append(dst, '\n')
}

// AppendComment appends text as a comment block: one `: ` line per line of text (split like
// Data), then a blank line. Clients ignore comments; they keep the connection busy.
func AppendComment(dst []byte, text string) []byte {
	dst = appendLines(dst, ": ", text)
	return append(dst, '\n')
}

// appendSingleLineField drops CR and LF from value, since either would end the field early and
// let the value inject fields of its own.
func appendSingleLineField(dst []byte, prefix, value string) []byte {
	dst = append(dst, prefix...)
	if !strings.ContainsAny(value, "\r\n") {
		dst = append(dst, value...)
		return append(dst, '\n')
	}
	for i := 0; i < len(value); i++ {
		if c := value[i]; c != '\r' && c != '\n' {
			dst = append(dst, c)
		}
	}
	return append(dst, '\n')
}

// appendLines writes one prefixed line per line of text, splitting on CRLF, CR or LF like the
// JavaScript split(/\r\n|\r|\n/): a trailing line break gives a last, empty line. The next CR
// and the next LF are each searched with IndexByte and only once passed, which keeps a large
// Data linear and fast whatever mix of breaks it has.
func appendLines(dst []byte, prefix, text string) []byte {
	cr, lf := indexFrom(text, 0, '\r'), indexFrom(text, 0, '\n')
	for start := 0; ; {
		end := min(cr, lf)
		dst = append(dst, prefix...)
		dst = append(dst, text[start:end]...)
		dst = append(dst, '\n')
		if end == len(text) {
			return dst
		}
		start = end + 1
		if end == cr && lf == start && lf < len(text) { // CRLF is one break
			start++
		}
		if cr < start {
			cr = indexFrom(text, start, '\r')
		}
		if lf < start {
			lf = indexFrom(text, start, '\n')
		}
	}
}

// indexFrom is the index of the first c in text at or after from, or len(text) when none.
func indexFrom(text string, from int, c byte) int {
	if i := strings.IndexByte(text[from:], c); i >= 0 {
		return from + i
	}
	return len(text)
}
