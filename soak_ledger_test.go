package azote

import (
	"fmt"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// The soak's delivery accounting. Every publisher (a peer's connection, or the HTTP publisher)
// is a source that numbers its messages 1, 2, 3... and records when it sent each one and how
// many the server acknowledged (a peer gets its own message echoed after the publish; the HTTP
// publisher gets its answer). Every receiver (a peer, an event stream) records, per source, the
// first and last number it got, and checks each new one is the next: a gap is a lost delivery,
// a repeat a duplicate. At a checkpoint, a receiver that is still open must also have every
// acknowledged message sent after its greeting arrived (it was subscribed by then).

// source is one publisher.
type source struct {
	name  string
	topic string

	mu    sync.Mutex
	sent  []time.Time // sent[i] is when message i+1 was sent
	acked int
}

// next numbers a message and records that it is being sent now.
func (s *source) next() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sent = append(s.sent, time.Now())
	return len(s.sent)
}

// ack records the server's acknowledgement of message n; acknowledgements come in order.
func (s *source) ack(n int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n != s.acked+1 || n > len(s.sent) {
		return fmt.Errorf("source %s: acknowledgement of %d after %d (sent %d)", s.name, n, s.acked, len(s.sent))
	}
	s.acked = n
	return nil
}

// owed is the range of messages a receiver greeted at t must have, given acked: those sent
// after t and acknowledged. Empty when first > last.
func (s *source) owed(t time.Time, acked int) (first, last int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := sort.Search(len(s.sent), func(i int) bool { return s.sent[i].After(t) })
	return i + 1, acked
}

// span is the run of one source's messages a receiver got.
type span struct{ first, last int }

// receiver is one subscriber's view of what it got.
type receiver struct {
	name   string
	topics []string
	self   string    // the source the receiver itself publishes as, if any: its echoes are acks
	hello  time.Time // when its greeting arrived

	mu  sync.Mutex
	got map[string]*span
}

// receive checks that message n of src follows the last one received from it.
func (r *receiver) receive(src string, n int) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	sp := r.got[src]
	if sp == nil {
		r.got[src] = &span{n, n}
		return nil
	}
	switch {
	case n <= sp.last:
		return fmt.Errorf("%s: message %d of %s again or out of order, after %d", r.name, n, src, sp.last)
	case n > sp.last+1:
		// Reported once: the messages that follow are checked from here.
		lost := sp.last + 1
		sp.last = n
		return fmt.Errorf("%s: messages %d..%d of %s lost (got %d next)", r.name, lost, n-1, src, n)
	}
	sp.last = n
	return nil
}

// ledger knows every source and counts deliveries.
type ledger struct {
	mu      sync.Mutex
	sources []*source

	deliveries atomic.Int64 // messages received in sequence, by every receiver
	verified   atomic.Int64 // messages found where a checkpoint required them
}

func (l *ledger) newSource(name, topic string) *source {
	s := &source{name: name, topic: topic}
	l.mu.Lock()
	l.sources = append(l.sources, s)
	l.mu.Unlock()
	return s
}

func newReceiver(name, self string, hello time.Time, topics ...string) *receiver {
	return &receiver{name: name, self: self, topics: topics, hello: hello, got: map[string]*span{}}
}

// snapshot is every source's acknowledged count at one moment.
type snapshot map[*source]int

func (l *ledger) snapshot() snapshot {
	l.mu.Lock()
	sources := slices.Clone(l.sources)
	l.mu.Unlock()
	snap := make(snapshot, len(sources))
	for _, s := range sources {
		s.mu.Lock()
		snap[s] = s.acked
		s.mu.Unlock()
	}
	return snap
}

// shortfall compares what r got with what it owes at snap: missing describes the first message
// still to come (empty when none), lost a message that can no longer come (before the start of
// what r got). owed is how many messages the snapshot required of r.
func (r *receiver) shortfall(snap snapshot) (missing, lost string, owed int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for s, acked := range snap {
		if s.name == r.self || !slices.Contains(r.topics, s.topic) {
			continue
		}
		first, last := s.owed(r.hello, acked)
		if first > last {
			continue
		}
		owed += last - first + 1
		sp := r.got[s.name]
		switch {
		case sp != nil && sp.first > first:
			lost = fmt.Sprintf("%s: messages %d..%d of %s never arrived (its first was %d)", r.name, first, sp.first-1, s.name, sp.first)
		case sp == nil || sp.last < last:
			got := "none"
			if sp != nil {
				got = fmt.Sprintf("%d..%d", sp.first, sp.last)
			}
			missing = fmt.Sprintf("%s: owes %d..%d of %s, got %s", r.name, first, last, s.name, got)
		}
	}
	return missing, lost, owed
}
