package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// fanoutWindow is how many messages a publisher may have undelivered: sent, but not yet
// received by every subscriber. It keeps every server at the same load instead of letting a
// fast publisher flood a slow server's queues.
const fanoutWindow = 64

// fanoutTopic is the one topic every fan-out subscriber joins.
const fanoutTopic = "bench"

// runFanout subscribes `subs` connections to one topic and has `pubs` other connections publish
// 64-byte messages to it. Every subscriber is a connection of this process, so deliveries are
// counted exactly: Count is deliveries received in the window, Loss is deliveries due and never
// received once the publishers stop, Errors counts out-of-order or malformed deliveries.
func runFanout(ctx context.Context, e *env, subs, pubs int) (Result, error) {
	subConns, err := dialSubscribers(ctx, e, subs, fanoutTopic)
	if err != nil {
		return Result{}, err
	}
	defer closeAll(subConns)
	pubConns, err := e.dialer.dialMany(ctx, pubs, pubs, nil)
	if err != nil {
		return Result{}, err
	}
	defer closeAll(pubConns)

	publishers := make([]*publisher, pubs)
	for i, c := range pubConns {
		publishers[i] = newPublisher(i, c, subs, "pub:"+fanoutTopic+":")
	}
	readers := make([]func(*delivery) error, len(subConns))
	for i, c := range subConns {
		readers[i] = func(d *delivery) error { return subscriberLoop(c, d) }
	}
	return driveFanout(ctx, e, publishers, readers, func() { closeAll(subConns) })
}

// dialSubscribers opens n connections, each subscribed to topic once it returns.
func dialSubscribers(ctx context.Context, e *env, n int, topic string) ([]*websocket.Conn, error) {
	subscribed := "subscribed:" + topic
	return e.dialer.dialMany(ctx, n, 32, func(c *websocket.Conn) error {
		return roundTrip(c, "sub:"+topic, subscribed)
	})
}

// delivery is what subscriber readers report to: each message received, or a malformed one.
type delivery struct {
	publishers []*publisher
	delivered  atomic.Int64
	errs       atomic.Int64
}

// received records one delivery of payload to a subscriber whose next expected sequence
// numbers (one per publisher) are next.
func (d *delivery) received(payload []byte, next []int64) {
	index, seq, ok := decodePayload(payload)
	if !ok || index >= len(d.publishers) {
		d.errs.Add(1)
		return
	}
	if seq != next[index] {
		d.errs.Add(1)
	}
	next[index] = seq + 1
	d.delivered.Add(1)
	d.publishers[index].delivered(seq)
}

// driveFanout runs a fan-out measurement: one goroutine per subscriber reader (each returns when
// its connection ends), the publishers publishing through the window, then the drain, and
// closeSubs to end the readers. Count is deliveries received in the window, Loss is deliveries
// due and never received once the publishers stop.
func driveFanout(ctx context.Context, e *env, publishers []*publisher, readers []func(*delivery) error, closeSubs func()) (Result, error) {
	d := &delivery{publishers: publishers}
	var closing atomic.Bool
	var readersDone sync.WaitGroup
	for _, read := range readers {
		readersDone.Add(1)
		go func() {
			defer readersDone.Done()
			if err := read(d); err != nil && !closing.Load() {
				d.errs.Add(1)
			}
		}()
	}

	stop := make(chan struct{})
	var writers sync.WaitGroup
	for _, p := range publishers {
		writers.Add(1)
		go func() {
			defer writers.Done()
			if err := p.run(stop); err != nil {
				d.errs.Add(1)
			}
		}()
	}

	w, err := e.measure(ctx, d.delivered.Load)
	close(stop)
	if !waitGroupWithin(&writers, 5*time.Second) {
		for _, p := range publishers {
			p.conn.Close() // a publisher stuck writing to a server that stopped reading
		}
		writers.Wait()
	}
	var notes []string
	if !drained(ctx, publishers, &d.delivered, e.stall) {
		notes = append(notes, fmt.Sprintf("deliveries stopped (for %s) before every message reached every subscriber", e.stall))
	}
	closing.Store(true)
	closeSubs()
	readersDone.Wait()
	if err != nil {
		return Result{}, err
	}

	var due int64
	for _, p := range publishers {
		due += p.sent.Load() * int64(p.subs)
	}
	if lost := due - d.delivered.Load(); lost > 0 && len(notes) == 0 {
		// drained can see progress end by the deadline rather than by a stall: say it anyway.
		notes = append(notes, fmt.Sprintf("%d deliveries never arrived", lost))
	}
	return Result{
		Seconds: w.seconds, CPU: w.cpu, Count: w.count, Conns: len(readers) + len(publishers),
		Loss: due - d.delivered.Load(), Errors: d.errs.Load(), Notes: notes,
	}, nil
}

// drained waits until every message sent has reached every subscriber. It gives up when
// deliveries stop moving for `stall` (or ctx ends): a slow server may take a while to work
// through its queues, a lossy one never will.
func drained(ctx context.Context, publishers []*publisher, delivered *atomic.Int64, stall time.Duration) bool {
	last, lastMove := delivered.Load(), time.Now()
	for {
		done := true
		for _, p := range publishers {
			if p.completed.Load() < p.sent.Load() {
				done = false
			}
		}
		if done {
			return true
		}
		if n := delivered.Load(); n != last {
			last, lastMove = n, time.Now()
		} else if time.Since(lastMove) > stall {
			return false
		}
		if sleep(ctx, 10*time.Millisecond) != nil {
			return false
		}
	}
}

// publisher is one publishing connection and the delivery state of its window. run is its only
// writer; subscriber goroutines call delivered concurrently.
type publisher struct {
	index  int
	conn   *websocket.Conn
	subs   int32  // subscribers each message must reach
	prefix string // what comes before the payload in a publishing message

	// remaining[seq%fanoutWindow] counts the deliveries message seq still awaits. A slot is reused
	// only after its message completed, because run never gets fanoutWindow ahead of completed.
	remaining [fanoutWindow]atomic.Int32
	completed atomic.Int64 // messages 0..completed-1 reached every subscriber
	sent      atomic.Int64
	wake      chan struct{} // capacity 1: "completed moved"
}

func newPublisher(index int, c *websocket.Conn, subs int, prefix string) *publisher {
	return &publisher{index: index, conn: c, subs: int32(subs), prefix: prefix, wake: make(chan struct{}, 1)}
}

// run publishes until stop closes, never more than fanoutWindow messages ahead of completed.
func (p *publisher) run(stop <-chan struct{}) error {
	prefix := p.prefix
	msg := make([]byte, len(prefix)+echoSize)
	copy(msg, prefix)
	for seq := int64(0); ; seq++ {
		for seq-p.completed.Load() >= fanoutWindow {
			select {
			case <-p.wake:
			case <-stop:
				return nil
			}
		}
		select {
		case <-stop:
			return nil
		default:
		}
		p.remaining[seq%fanoutWindow].Store(p.subs)
		encodePayload(msg[len(prefix):], p.index, seq)
		if err := p.conn.WriteMessage(websocket.TextMessage, msg); err != nil {
			return fmt.Errorf("publisher %d: %w", p.index, err)
		}
		p.sent.Store(seq + 1)
	}
}

// delivered records that one subscriber received message seq. Each subscriber receives a
// publisher's messages in order, so when message seq reaches its last subscriber every earlier
// message has already reached all of them: completion is in order.
func (p *publisher) delivered(seq int64) {
	if p.remaining[seq%fanoutWindow].Add(-1) != 0 {
		return
	}
	for {
		c := p.completed.Load()
		if c >= seq+1 || p.completed.CompareAndSwap(c, seq+1) {
			break
		}
	}
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// subscriberLoop reads deliveries until the connection ends, checking that each publisher's
// messages arrive in order with none missing.
func subscriberLoop(c *websocket.Conn, d *delivery) error {
	next := make([]int64, len(d.publishers)) // next sequence number expected from each publisher
	buf := make([]byte, 2*echoSize)
	for {
		n, err := readMessage(c, buf)
		if err != nil {
			return err
		}
		d.received(buf[:n], next)
	}
}

// A payload is echoSize bytes: 4 digits of publisher index, ':', 12 digits of sequence number,
// ':', then padding.
func encodePayload(b []byte, index int, seq int64) {
	putDigits(b[0:4], int64(index))
	b[4] = ':'
	putDigits(b[5:17], seq)
	b[17] = ':'
	for i := 18; i < len(b); i++ {
		b[i] = 'p'
	}
}

func decodePayload(b []byte) (index int, seq int64, ok bool) {
	if len(b) != echoSize || b[4] != ':' || b[17] != ':' {
		return 0, 0, false
	}
	i, ok1 := parseDigits(b[0:4])
	s, ok2 := parseDigits(b[5:17])
	return int(i), s, ok1 && ok2
}

func putDigits(b []byte, v int64) {
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = byte('0' + v%10)
		v /= 10
	}
}

func parseDigits(b []byte) (int64, bool) {
	var v int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	return v, true
}
