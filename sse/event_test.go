package sse

import (
	"io"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestAppendEvent(t *testing.T) {
	cases := []struct {
		name string
		e    Event
		want string
	}{
		{"data only", Event{Data: "hello"}, "data: hello\n\n"},
		{"empty data", Event{}, "data: \n\n"},
		{"all fields", Event{ID: "7", Event: "tick", Data: "x", Retry: 1500, HasRetry: true},
			"id: 7\nevent: tick\nretry: 1500\ndata: x\n\n"},
		{"retry zero written when HasRetry", Event{Data: "x", HasRetry: true}, "retry: 0\ndata: x\n\n"},
		{"retry ignored without HasRetry", Event{Data: "x", Retry: 99}, "data: x\n\n"},
		{"LF in data", Event{Data: "a\nb"}, "data: a\ndata: b\n\n"},
		{"CRLF in data", Event{Data: "a\r\nb"}, "data: a\ndata: b\n\n"},
		{"CR in data", Event{Data: "a\rb"}, "data: a\ndata: b\n\n"},
		{"mixed breaks", Event{Data: "1\r\n2\r3\n4\n\r5"}, "data: 1\ndata: 2\ndata: 3\ndata: 4\ndata: \ndata: 5\n\n"},
		{"trailing break", Event{Data: "a\n"}, "data: a\ndata: \n\n"},
		{"only a break", Event{Data: "\r\n"}, "data: \ndata: \n\n"},
		{"spaces and colons kept", Event{Data: " : x"}, "data:  : x\n\n"},
		{"CR and LF stripped from id and event", Event{ID: "1\r\n2\r3\n", Event: "a\nb\rc", Data: "d"},
			"id: 123\nevent: abc\ndata: d\n\n"},
		// h3 tests the field before it strips it: an id of only a line break still resets the
		// client's last event id.
		{"id of only a break", Event{ID: "\n", Data: "d"}, "id: \ndata: d\n\n"},
	}
	for _, c := range cases {
		if got := string(AppendEvent(nil, c.e)); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
	if got := string(AppendEvent([]byte("prefix\n"), Event{Data: "x"})); got != "prefix\ndata: x\n\n" {
		t.Errorf("append to a non-empty slice: got %q", got)
	}
}

func TestAppendComment(t *testing.T) {
	cases := []struct{ text, want string }{
		{"keep-alive", ": keep-alive\n\n"},
		{"", ": \n\n"},
		{"one\ntwo\r\nthree\rfour", ": one\n: two\n: three\n: four\n\n"},
	}
	for _, c := range cases {
		if got := string(AppendComment(nil, c.text)); got != c.want {
			t.Errorf("comment %q: got %q, want %q", c.text, got, c.want)
		}
	}
}

func TestAppendEventAllocations(t *testing.T) {
	buf := make([]byte, 0, 1024)
	e := Event{ID: "42", Event: "update", Data: "line one\nline two", Retry: 10, HasRetry: true}
	if n := testing.AllocsPerRun(100, func() { buf = AppendEvent(buf[:0], e) }); n != 0 {
		t.Fatalf("AppendEvent into a big enough buffer allocates %v times", n)
	}
}

// dispatched is an event as a browser's EventSource hands it to a listener.
type dispatched struct {
	typ, data, lastEventID string
	retry                  int // the reconnection time in force, -1 when never set
}

// parseEventStream follows the WHATWG event-stream interpretation: lines end at CRLF, CR or LF; a
// blank line dispatches; a leading colon is a comment; one space after the colon is dropped;
// the last event id persists across events; retry must be all digits; an event whose data
// buffer is empty is not dispatched.
func parseEventStream(stream string) []dispatched {
	var events []dispatched
	var typ, data, lastID string
	retry := -1
	for stream != "" {
		end := strings.IndexAny(stream, "\r\n")
		if end < 0 {
			break // an unterminated last line is discarded
		}
		line := stream[:end]
		if stream[end] == '\r' && end+1 < len(stream) && stream[end+1] == '\n' {
			end++
		}
		stream = stream[end+1:]

		if line == "" {
			if data != "" {
				if typ == "" {
					typ = "message"
				}
				events = append(events, dispatched{typ, strings.TrimSuffix(data, "\n"), lastID, retry})
			}
			typ, data = "", ""
			continue
		}
		if line[0] == ':' {
			continue
		}
		field, value, _ := strings.Cut(line, ":")
		value = strings.TrimPrefix(value, " ")
		switch field {
		case "event":
			typ = value
		case "data":
			data += value + "\n"
		case "id":
			if !strings.Contains(value, "\x00") {
				lastID = value
			}
		case "retry":
			if n, err := strconv.Atoi(value); err == nil && value != "" && strings.Trim(value, "0123456789") == "" {
				retry = n
			}
		}
	}
	return events
}

// TestEventSourceParse sends events over a real server and checks that an EventSource-style
// parse of the body gives back what was pushed.
func TestEventSourceParse(t *testing.T) {
	h := newHarness(t, Options{KeepAlive: -1}, nil, nil)
	c, sv := h.open("/parse", false)
	s := sv.stream
	pushes := []Event{
		{Data: "plain"},
		{ID: "1\r\n", Event: "up\ndate", Data: "a\nb\r\nc\rd", Retry: 3000, HasRetry: true},
		{Data: ""},
		{Event: "json", Data: `{"ok":true}`, Retry: 5},
		{ID: "2", Data: "trailing\n"},
		{Data: "  two leading spaces"},
		{Data: ":starts with a colon"},
		{ID: "", Event: "", Data: "id unchanged"},
		{ID: "\n", Data: "id reset"},
		{Data: "after a bad retry", Retry: -4, HasRetry: true},
	}
	for i, e := range pushes {
		if i == 3 {
			s.Comment("a comment\nover two lines")
		}
		if err := s.Push(e); err != nil {
			t.Fatalf("push %d: %v", i, err)
		}
	}
	s.Close()
	body, err := io.ReadAll(c.resp.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}

	want := []dispatched{
		{"message", "plain", "", -1},
		{"update", "a\nb\nc\nd", "1", 3000},
		{"message", "", "1", 3000},
		{"json", `{"ok":true}`, "1", 3000},
		{"message", "trailing\n", "2", 3000},
		{"message", "  two leading spaces", "2", 3000},
		{"message", ":starts with a colon", "2", 3000},
		{"message", "id unchanged", "2", 3000},
		{"message", "id reset", "", 3000},
		{"message", "after a bad retry", "", 3000},
	}
	got := parseEventStream(string(body))
	if len(got) != len(want) {
		t.Fatalf("parsed %d events, want %d:\n%q", len(got), len(want), body)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("event %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestAppendLinesLarge: large data, with no breaks or with nothing but breaks, is split right
// and in linear time.
func TestAppendLinesLarge(t *testing.T) {
	plain := strings.Repeat("p", 1<<20)
	if got := string(AppendEvent(nil, Event{Data: plain})); got != "data: "+plain+"\n\n" {
		t.Fatal("large data without breaks changed")
	}
	crs := strings.Repeat("\r", 1<<18)
	got := AppendEvent(nil, Event{Data: crs})
	if want := strings.Repeat("data: \n", 1<<18+1) + "\n"; string(got) != want {
		t.Fatal("data of only CRs split wrong")
	}
}

// TestAppendLinesMatchesJSSplit compares the data lines with JavaScript's
// split(/\r\n|\r|\n/) on random strings made of CR, LF and a letter.
func TestAppendLinesMatchesJSSplit(t *testing.T) {
	jsSplit := regexp.MustCompile(`\r\n|\r|\n`)
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := "\r\na"
	for range 5000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		var want strings.Builder
		for _, line := range jsSplit.Split(string(b), -1) {
			want.WriteString("data: " + line + "\n")
		}
		want.WriteString("\n")
		if got := string(AppendEvent(nil, Event{Data: string(b)})); got != want.String() {
			t.Fatalf("data %q: got %q, want %q", b, got, want.String())
		}
	}
}

func BenchmarkAppendEvent(b *testing.B) {
	small := Event{ID: "42", Event: "update", Data: `{"user":"ada","text":"hello"}`}
	large := Event{Data: strings.Repeat("0123456789abcdef", 1<<16)}
	for _, bc := range []struct {
		name string
		e    Event
	}{{"small", small}, {"1MiB", large}} {
		b.Run(bc.name, func(b *testing.B) {
			buf := make([]byte, 0, len(bc.e.Data)+64)
			b.SetBytes(int64(len(bc.e.Data)))
			for b.Loop() {
				buf = AppendEvent(buf[:0], bc.e)
			}
		})
	}
}
