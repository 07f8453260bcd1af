package sse

import (
	"regexp"
	"strings"
	"testing"
)

// FuzzEventFraming writes an event and a comment with arbitrary fields and reads the bytes
// back as an EventSource does (parseEventStream): there must be exactly one
// event, with the data given (line breaks as LF), the id and event type given minus CR and LF,
// the retry given, and no field nobody wrote: a CR or LF in a field never injects a line.
func FuzzEventFraming(f *testing.F) {
	f.Add("7", "tick", "hello", 1500, true, "keep-alive")
	f.Add("", "", "", 0, false, "")
	f.Add("1\r\ndata: injected", "x\revent: y", "a\r\nb\rc\nd\n\r", -5, true, "c\r\nid: 9")
	f.Add("\n", "\r\n", "\r\n\r\n", 0, true, "\n\n")
	f.Add("id", "message", "data: x\n\nid: 2\n", 3, false, ": x\r")
	f.Fuzz(func(t *testing.T, id, event, data string, retry int, hasRetry bool, comment string) {
		e := Event{ID: id, Event: event, Data: data, Retry: retry, HasRetry: hasRetry}
		wire := AppendComment(AppendEvent(nil, e), comment)
		events := parseEventStream(string(wire))
		if len(events) != 1 {
			t.Fatalf("%q: %d events, want 1", wire, len(events))
		}
		ev := events[0]
		if want := lineBreaks.ReplaceAllString(data, "\n"); ev.data != want {
			t.Errorf("%q: data %q, want %q", wire, ev.data, want)
		}
		wantType := strings.NewReplacer("\r", "", "\n", "").Replace(event)
		if wantType == "" {
			wantType = "message"
		}
		if ev.typ != wantType {
			t.Errorf("%q: event type %q, want %q", wire, ev.typ, wantType)
		}
		wantID := strings.NewReplacer("\r", "", "\n", "").Replace(id)
		if strings.ContainsRune(wantID, 0) {
			wantID = "" // an EventSource ignores such an id
		}
		if ev.lastEventID != wantID {
			t.Errorf("%q: id %q, want %q", wire, ev.lastEventID, wantID)
		}
		wantRetry := -1
		if hasRetry && retry >= 0 {
			wantRetry = retry
		}
		if ev.retry != wantRetry {
			t.Errorf("%q: retry %d, want %d", wire, ev.retry, wantRetry)
		}
		count := map[string]int{}
		for _, name := range fieldNames(string(wire)) {
			switch name {
			case "id", "event", "retry", "data":
				count[name]++
			default:
				t.Fatalf("%q: a field %q nobody wrote", wire, name)
			}
		}
		if n := count["id"]; n > 1 || id == "" && n > 0 {
			t.Errorf("%q: %d id fields", wire, n)
		}
		if n := count["event"]; n > 1 || event == "" && n > 0 {
			t.Errorf("%q: %d event fields", wire, n)
		}
		if !strings.HasSuffix(string(wire), "\n\n") {
			t.Errorf("%q: the stream does not end on a blank line", wire)
		}
	})
}

var lineBreaks = regexp.MustCompile(`\r\n|\r|\n`)

// fieldNames lists the field of every line of an event stream that is neither blank nor a
// comment, in order.
func fieldNames(stream string) []string {
	var names []string
	for _, line := range lineBreaks.Split(stream, -1) {
		if line == "" || line[0] == ':' {
			continue
		}
		name, _, _ := strings.Cut(line, ":")
		names = append(names, name)
	}
	return names
}
