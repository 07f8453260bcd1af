package sse

// A Cork defers the wake-ups of the streams pushed to through it: each stream's events stay
// queued until Flush, which wakes every stream it touched once. The JS loop corks each of its
// jobs, so a job that pushes several events to a stream, or fans one event out to many
// streams, has each Serve goroutine write one batch instead of waking it on the first event
// and racing the rest.
//
// A Cork belongs to one goroutine at a time, which must call Flush before it blocks or moves
// on: until then the events it queued wait. The streams stay safe for concurrent use.
type Cork struct {
	dirty []*Stream
}

// Push is Stream.Push through the cork.
func (k *Cork) Push(s *Stream, e Event) error { return s.push(e, k) }

// PushData is Stream.PushData through the cork.
func (k *Cork) PushData(s *Stream, data string) error { return s.push(Event{Data: data}, k) }

// Comment is Stream.Comment through the cork.
func (k *Cork) Comment(s *Stream, text string) error { return s.comment(text, k) }

// Streams is how many streams have events waiting in the cork.
func (k *Cork) Streams() int { return len(k.dirty) }

// Flush wakes the Serve goroutines of the streams the cork's events were queued on.
func (k *Cork) Flush() {
	for i, s := range k.dirty {
		k.dirty[i] = nil
		s.mu.Lock()
		s.corked = false
		s.mu.Unlock()
		s.signal()
	}
	k.dirty = k.dirty[:0]
}
