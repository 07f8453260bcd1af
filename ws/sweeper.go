package ws

import "time"

// sweep is the server's one ping goroutine. Each round it terminates the live conns that sent
// nothing since the previous round and pings the others, so a silent peer is dropped one to two
// intervals after its last frame. Pings go through each conn's queue like any frame.
//
// A conn read by a generation's loop is read only when the loop is free: while a handler runs
// for longer than an interval, the pongs of its peers wait in their sockets. A conn whose socket
// holds unread bytes did answer, so it is left for a later round (its ping is out already)
// rather than dropped for the server's own delay.
//
// The next round starts a whole interval after this one ends, not on a fixed beat: after a late
// round (a stalled machine, a long sweep) a ticker would fire again at once, and peers pinged in
// the late round would be judged before they had an interval to answer.
func (s *Server) sweep(interval time.Duration) {
	defer close(s.sweeperDone)
	timer := time.NewTimer(interval)
	defer timer.Stop()
	var conns []*Conn
	for {
		select {
		case <-s.stopSweeper:
			return
		case <-timer.C:
		}
		conns = s.hub.appendLive(conns[:0])
		for _, c := range conns {
			if c.alive.Swap(false) {
				c.enqueue(pingFrame)
				continue
			}
			if c.hasUnreadInput() {
				continue
			}
			s.log.Debug("ws: peer did not answer ping, terminating",
				"seq", c.seq, "namespace", c.namespace, "remote", c.remoteIP)
			c.drop(CloseAbnormal, "")
		}
		clear(conns) // let closed conns be collected before the next round
		timer.Reset(interval)
	}
}
