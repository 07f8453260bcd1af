package azote

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// TestSoak runs the soak app under traffic for AZOTE_SOAK (default 60 s): long-lived WebSocket
// peers that publish to each other and answer pings across many ping intervals,
// peers and event streams that come and go, server-side publishes from an HTTP route, and a hot
// reload of the app every few seconds. It checks that every delivery arrives exactly once and
// in order (see soak_ledger_test.go), that peers of a retired generation get 1012 and the new
// code when they reconnect, that no connection ends in any other way, and that once the server
// is closed its goroutines, file descriptors and heap are back where they started.
func TestSoak(t *testing.T) {
	duration := 60 * time.Second
	setting := os.Getenv("AZOTE_SOAK")
	if raceDetector && setting == "" {
		// Under the detector the same traffic needs several cores: on a shared 2-core machine
		// the process falls seconds behind, and peers miss pings because of the detector, not
		// the server. .ci/run runs the soak without it.
		t.Skip("the soak runs without -race (.ci/run); set AZOTE_SOAK to run it under the race detector")
	}
	if v := setting; v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			t.Fatalf("AZOTE_SOAK=%q: %v", v, err)
		}
		duration = d
	}
	if testing.Short() {
		t.Skip("the soak runs for a minute; not in -short")
	}

	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/soakapp")); err != nil {
		t.Fatal(err)
	}
	chat, err := os.ReadFile(filepath.Join(dir, "routes", "chat.ts"))
	if err != nil {
		t.Fatal(err)
	}
	base := measureSoak()

	ts := start(t, dir, Options{
		Watch: true,
		// Many ping intervals in a run. The write timeout is shorter than the interval, so a
		// write deadline armed by one write and left to expire is met by later writes. Both are
		// above the stalls of a busy shared machine (up to 0.9 s measured, see watchStalls).
		PingInterval: soakPingInterval,
		WriteTimeout: soakWriteTimeout,
		SSEKeepAlive: time.Second,
	})
	sk := &soak{t: t, ts: ts, dir: dir, chat: string(chat), load: soakFull,
		http: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}}
	sk.version.Store(1)
	began := time.Now()
	sk.began = began
	stopWatch := sk.watchStalls()
	sk.run(duration)
	elapsed := time.Since(began)
	stopWatch()

	// Shut down: every peer must get 1001, every stream end, then nothing may be left.
	sk.closing.Store(true)
	ts.srv.Close()
	ts.http.Close()
	sk.waitGroup(&sk.cores, "core clients to see the shutdown")
	sk.http.Transport.(*http.Transport).CloseIdleConnections()
	end := settleSoak(base)

	logs := ts.logs.String()
	t.Logf("soak: %v, %d reloads; %d WebSocket connections (%d at most at once), %d event streams, %d HTTP publishes, %d peer publishes",
		elapsed.Round(time.Second), sk.version.Load()-1, sk.wsConns.Load(), sk.peak.Load(), sk.streams.Load(), sk.httpPublishes.Load(), sk.peerPublishes.Load())
	t.Logf("soak: %d deliveries received in order, %d of them required by checkpoints; %d pings answered", sk.ledger.deliveries.Load(), sk.ledger.verified.Load(), sk.pings.Load())
	t.Logf("soak: goroutines %d -> %d, open files %d -> %d, heap %.1f -> %.1f MB (server log %.1f MB)",
		base.goroutines, end.goroutines, base.fds, end.fds, mb(base.heap), mb(end.heap), mb(uint64(len(logs))))
	t.Logf("soak: the longest the test process went without running a 50 ms ticker: %v (at %.1fs)",
		time.Duration(sk.stall.Load()).Round(time.Millisecond), time.Duration(sk.stallAt.Load()).Seconds())
	if n := strings.Count(logs, "socket write stalled"); n > 0 {
		t.Logf("soak: the server logged %d stalled socket writes", n)
	}

	sk.report()
	for _, line := range strings.Split(logs, "\n") {
		if strings.Contains(line, "level=ERROR") {
			t.Errorf("server logged an error: %s", line)
			break
		}
	}
	if end.goroutines > base.goroutines+soakGoroutineSlack {
		t.Errorf("goroutines: %d before the server, %d after it closed", base.goroutines, end.goroutines)
	}
	if base.fds >= 0 && end.fds > base.fds+soakFDSlack {
		t.Errorf("open files: %d before the server, %d after it closed", base.fds, end.fds)
	}
	// The server's log is kept in memory for the test; the rest must be gone.
	if end.heap > base.heap+uint64(len(logs))+soakHeapSlack {
		t.Errorf("heap: %.1f MB before the server, %.1f MB after it closed (log %.1f MB)", mb(base.heap), mb(end.heap), mb(uint64(len(logs))))
	}
}

// soakLoad is how much traffic the soak makes.
type soakLoad struct {
	corePeers    int // WebSocket peers that stay for a whole reload window
	publishers   int // of them, those that publish
	publishEvery time.Duration
	coreStreams  int // event streams that stay for a whole window
	churnPeers   int // workers opening and closing short-lived peers
	churnStreams int // workers opening and closing short-lived event streams
	httpEvery    time.Duration
}

// soakFull keeps a few hundred connections open and churns thousands in a minute, with about
// 25,000 deliveries a second, in about half of one core without the race detector.
var soakFull = soakLoad{
	corePeers: 200, publishers: 8, publishEvery: 250 * time.Millisecond, coreStreams: 20,
	churnPeers: 40, churnStreams: 6, httpEvery: 100 * time.Millisecond,
}

const (
	soakPingInterval    = 2 * time.Second
	soakWriteTimeout    = 1500 * time.Millisecond
	soakWindow          = 8 * time.Second // traffic between two reloads
	soakSilence         = 10 * time.Second
	soakCatchUp         = 20 * time.Second // for a checkpoint's deliveries, or a reload's reconnections
	soakMaxFailures     = 40
	soakExamplesPerKind = 3
)

// Slack for what the runtime keeps after the server is gone: a few goroutines and files of
// net/http and the poller finishing, and the WebSocket queue free list (at most 6 MB) and pools.
const (
	soakGoroutineSlack = 5
	soakFDSlack        = 5
	soakHeapSlack      = 16 << 20
)

type soak struct {
	t    *testing.T
	ts   *testServer
	dir  string
	chat string // routes/chat.ts as shipped
	load soakLoad
	http *http.Client

	began    time.Time
	version  atomic.Int64 // the app version last written; a reload to it may still be under way
	closing  atomic.Bool  // the server is being closed: 1001 and ended streams are expected
	stopPubs atomic.Bool  // churn and the HTTP publisher stop
	ledger   ledger

	cores, churn sync.WaitGroup

	mu       sync.Mutex
	open     map[*soakClient]struct{} // core clients greeted and not yet ended
	failures []string                 // the first examples of each kind
	kinds    map[string]int           // failures by kind (their numbers left out)

	wsConns, streams, live, peak        atomic.Int64
	httpPublishes, peerPublishes, pings atomic.Int64
	stall, stallAt                      atomic.Int64 // the process's longest stall, and when (since began)
}

// soakClient is a core client's state the checkpoints and reloads look at.
type soakClient struct {
	rcv     *receiver
	version int
}

func (sk *soak) fail(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	kind := soakNumbers.ReplaceAllString(msg, "#")
	sk.mu.Lock()
	defer sk.mu.Unlock()
	if sk.kinds == nil {
		sk.kinds = map[string]int{}
	}
	sk.kinds[kind]++
	if sk.kinds[kind] <= soakExamplesPerKind && len(sk.failures) < soakMaxFailures {
		sk.failures = append(sk.failures, fmt.Sprintf("%.1fs: %s", time.Since(sk.began).Seconds(), msg))
	}
}

// soakNumbers finds what varies between failures of one kind: names, counts, durations.
var soakNumbers = regexp.MustCompile(`[0-9][0-9.]*`)

// report fails the test with a few examples of each kind of failure and how often each happened.
func (sk *soak) report() {
	sk.mu.Lock()
	defer sk.mu.Unlock()
	for _, f := range sk.failures {
		sk.t.Error(f)
	}
	kinds := make([]string, 0, len(sk.kinds))
	for k := range sk.kinds {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		sk.t.Errorf("%d times: %s", sk.kinds[k], k)
	}
}

// watchStalls measures how late a 50 ms ticker runs: on a busy machine the whole process (the
// server and its clients) can stall, and a stall longer than a ping interval explains peers
// dropped for not answering pings.
func (sk *soak) watchStalls() (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		const period = 50 * time.Millisecond
		ticker := time.NewTicker(period)
		defer ticker.Stop()
		last := time.Now()
		for {
			select {
			case <-done:
				return
			case <-ticker.C:
				now := time.Now()
				if late := now.Sub(last) - period; late > time.Duration(sk.stall.Load()) {
					sk.stall.Store(int64(late))
					sk.stallAt.Store(int64(now.Sub(sk.began)))
				}
				last = now
			}
		}
	}()
	return func() { close(done); <-finished }
}

// run drives the traffic for d: windows of traffic, each ended by a checkpoint and a reload.
func (sk *soak) run(d time.Duration) {
	sk.open = map[*soakClient]struct{}{}
	deadline := time.Now().Add(d)
	for i := 0; i < sk.load.corePeers; i++ {
		sk.cores.Add(1)
		go sk.corePeer(i, i < sk.load.publishers)
	}
	for i := 0; i < sk.load.coreStreams; i++ {
		sk.cores.Add(1)
		go sk.coreStream(i)
	}
	if !sk.awaitVersion(1) {
		sk.fail("the core clients did not all connect in %v", soakCatchUp)
	}
	for i := 0; i < sk.load.churnPeers; i++ {
		sk.churn.Add(1)
		go sk.churnPeer(i)
	}
	for i := 0; i < sk.load.churnStreams; i++ {
		sk.churn.Add(1)
		go sk.churnStream(i)
	}
	sk.churn.Add(1)
	go sk.httpPublisher()

	for {
		window := min(soakWindow, time.Until(deadline))
		time.Sleep(window)
		last := time.Until(deadline) < soakWindow/2
		if last {
			// The end: no more churn or server-side publishes, then a last checkpoint of
			// everything acknowledged.
			sk.stopPubs.Store(true)
			sk.waitGroup(&sk.churn, "churn to stop")
		}
		sk.checkpoint()
		if last {
			return
		}
		sk.reload()
	}
}

// checkpoint waits until every core client has every acknowledged message it is owed.
func (sk *soak) checkpoint() {
	snap := sk.ledger.snapshot()
	sk.mu.Lock()
	pending := make([]*soakClient, 0, len(sk.open))
	for c := range sk.open {
		pending = append(pending, c)
	}
	sk.mu.Unlock()
	deadline := time.Now().Add(soakCatchUp)
	for len(pending) > 0 {
		kept := pending[:0]
		for _, c := range pending {
			missing, lost, owed := c.rcv.shortfall(snap)
			sk.mu.Lock()
			_, open := sk.open[c]
			sk.mu.Unlock()
			switch {
			case lost != "":
				sk.fail("%s", lost)
			case missing == "":
				sk.ledger.verified.Add(int64(owed))
			case !open:
				// It ended before catching up; its ending was judged when it happened.
			case time.Now().After(deadline):
				sk.fail("checkpoint: %s after %v", missing, soakCatchUp)
			default:
				kept = append(kept, c)
			}
		}
		pending = kept
		if len(pending) > 0 {
			time.Sleep(20 * time.Millisecond)
		}
	}
}

// reload edits routes/chat.ts to a new version and waits for every core client to be back on it.
func (sk *soak) reload() {
	v := sk.version.Add(1)
	code := strings.Replace(sk.chat, "export const version = 1;", fmt.Sprintf("export const version = %d;", v), 1)
	writeApp(sk.t, sk.dir, map[string]string{"routes/chat.ts": code})
	if !sk.awaitVersion(int(v)) {
		sk.mu.Lock()
		behind := 0
		for c := range sk.open {
			if c.version != int(v) {
				behind++
			}
		}
		sk.mu.Unlock()
		sk.fail("reload to version %d: %d core clients not back on it after %v", v, behind, soakCatchUp)
	}
}

// awaitVersion waits until all core clients are open on version v.
func (sk *soak) awaitVersion(v int) bool {
	deadline := time.Now().Add(soakCatchUp)
	for time.Now().Before(deadline) {
		sk.mu.Lock()
		n := 0
		for c := range sk.open {
			if c.version == v {
				n++
			}
		}
		sk.mu.Unlock()
		if n == sk.load.corePeers+sk.load.coreStreams {
			return true
		}
		time.Sleep(20 * time.Millisecond)
	}
	return false
}

func (sk *soak) waitGroup(wg *sync.WaitGroup, what string) {
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(soakCatchUp):
		sk.t.Fatalf("timed out waiting for %s", what)
	}
}

func (sk *soak) addOpen(c *soakClient) {
	sk.mu.Lock()
	sk.open[c] = struct{}{}
	sk.mu.Unlock()
}

func (sk *soak) removeOpen(c *soakClient) {
	sk.mu.Lock()
	delete(sk.open, c)
	sk.mu.Unlock()
}

// expectedEnd says whether a client greeted by version v may see its connection end from the
// server's side now: a reload to a later version was started, or the server is closing.
func (sk *soak) expectedEnd(v int) bool {
	return int(sk.version.Load()) > v || sk.closing.Load()
}

// --- WebSocket clients ---

// wsPeer is one WebSocket connection to /chat with its reader.
type wsPeer struct {
	sk       *soak
	name     string
	conn     *websocket.Conn
	rcv      *receiver
	src      *source // nil unless it publishes
	version  int
	opened   time.Time
	pings    atomic.Int64
	lastPong atomic.Int64 // when it last answered a ping (Unix ns): did a dropped peer answer?

	ended     chan struct{}
	code      int
	text      string
	closeSent atomic.Bool // the client started the close handshake
}

var greeting = regexp.MustCompile(`^hello (\d+)$`)

func (sk *soak) openPeer(name string, publishes bool) (*wsPeer, error) {
	d := websocket.Dialer{HandshakeTimeout: soakSilence}
	conn, _, err := d.Dial("ws://"+sk.ts.addr+"/chat", nil)
	if err != nil {
		return nil, fmt.Errorf("%s: dial: %w", name, err)
	}
	p := &wsPeer{sk: sk, name: name, conn: conn, opened: time.Now(), ended: make(chan struct{})}
	conn.SetPingHandler(func(data string) error {
		p.pings.Add(1)
		sk.pings.Add(1)
		p.lastPong.Store(time.Now().UnixNano())
		err := conn.WriteControl(websocket.PongMessage, []byte(data), time.Now().Add(soakSilence))
		if err == websocket.ErrCloseSent {
			return nil
		}
		return err
	})
	// The greeting follows the subscriptions in the open hook, and so does everything published
	// after it on this generation's loop. During a reload another generation's loop may publish
	// between the two: such messages come before the greeting and count like the others.
	self := ""
	if publishes {
		self = name
	}
	p.rcv = newReceiver(name, self, time.Time{}, "room", "news")
	for i := 0; ; i++ {
		conn.SetReadDeadline(time.Now().Add(soakSilence))
		_, data, err := conn.ReadMessage()
		if err != nil || i == 1000 {
			conn.Close()
			return nil, fmt.Errorf("%s: no greeting: %v", name, err)
		}
		if m := greeting.FindSubmatch(data); m != nil {
			p.version, _ = strconv.Atoi(string(m[1]))
			p.rcv.hello = time.Now()
			break
		}
		p.take(data)
	}
	if publishes {
		p.src = sk.ledger.newSource(name, "room")
	}
	sk.wsConns.Add(1)
	if n := sk.live.Add(1); n > sk.peak.Load() {
		sk.peak.Store(n) // a racy maximum is close enough for a figure
	}
	go p.read()
	return p, nil
}

// read takes every message until the connection ends, noting how it ended.
func (p *wsPeer) read() {
	defer close(p.ended)
	defer p.sk.live.Add(-1)
	for {
		// The server pings every interval: silence this long means a hung connection.
		p.conn.SetReadDeadline(time.Now().Add(soakSilence))
		_, data, err := p.conn.ReadMessage()
		if err != nil {
			if ce, ok := err.(*websocket.CloseError); ok {
				p.code, p.text = ce.Code, ce.Text
			} else {
				p.code, p.text = websocket.CloseAbnormalClosure, err.Error()
			}
			return
		}
		p.take(data)
	}
}

// take checks one numbered message: an echo of the peer's own is an acknowledgement.
func (p *wsPeer) take(data []byte) {
	src, n, ok := parseNumbered(string(data))
	switch {
	case !ok:
		p.sk.fail("%s: unexpected message %q", p.name, data)
	case p.src != nil && src == p.src.name:
		if err := p.src.ack(n); err != nil {
			p.sk.fail("%s", err)
		}
	default:
		if err := p.rcv.receive(src, n); err != nil {
			p.sk.fail("%s", err)
			return
		}
		p.sk.ledger.deliveries.Add(1)
	}
}

// publish sends the peer's next numbered message.
func (p *wsPeer) publish() {
	n := p.src.next()
	if err := p.conn.WriteMessage(websocket.TextMessage, []byte(p.src.name+" "+strconv.Itoa(n))); err != nil {
		select {
		case <-p.ended: // the server closed it meanwhile; its end is judged by the caller
		case <-time.After(soakSilence):
			p.sk.fail("%s: publish %d: %v", p.name, n, err)
		}
		return
	}
	p.sk.peerPublishes.Add(1)
}

// judge checks how a connection ended: by its own close (1000 echoed), by a reload (1012) or
// by the server closing (1001); anything else, 1006 above all, is a failure.
func (p *wsPeer) judge() {
	lived := time.Since(p.opened).Round(time.Millisecond)
	switch {
	case p.closeSent.Load() && p.code == websocket.CloseNormalClosure:
	case p.code == websocket.CloseServiceRestart && p.text == "Service Restart" && p.sk.expectedEnd(p.version):
	case p.code == websocket.CloseGoingAway && p.sk.closing.Load():
	default:
		answered := "never"
		if last := p.lastPong.Load(); last != 0 {
			answered = time.Since(time.Unix(0, last)).Round(time.Millisecond).String() + " before"
		}
		p.sk.fail("%s (version %d, %v old, %d pings answered, the last %s): ended with %d %q; app version %d, closing %v",
			p.name, p.version, lived, p.pings.Load(), answered, p.code, p.text, p.sk.version.Load(), p.sk.closing.Load())
	}
}

// corePeer keeps one peer connected, reconnecting after each reload, publishing if told to.
func (sk *soak) corePeer(i int, publishes bool) {
	defer sk.cores.Done()
	var tick <-chan time.Time
	if publishes {
		ticker := time.NewTicker(sk.load.publishEvery)
		defer ticker.Stop()
		tick = ticker.C
	}
	for conn := 0; !sk.closing.Load() && conn < 10000; conn++ {
		p, err := sk.openPeer(fmt.Sprintf("core%d.%d", i, conn), publishes)
		if err != nil {
			if !sk.closing.Load() {
				sk.fail("%v", err)
				time.Sleep(100 * time.Millisecond)
			}
			continue
		}
		c := &soakClient{rcv: p.rcv, version: p.version}
		sk.addOpen(c)
	live:
		for {
			select {
			case <-p.ended:
				break live
			case <-tick:
				p.publish()
			}
		}
		sk.removeOpen(c)
		p.judge()
		// A peer that lived through several intervals was pinged.
		if lived := time.Since(p.opened); lived > 3*soakPingInterval && p.pings.Load() == 0 {
			sk.fail("%s: no ping in %v", p.name, lived.Round(time.Millisecond))
		}
		p.conn.Close()
	}
}

// churnPeer opens short-lived peers one after the other; half of them publish a little.
func (sk *soak) churnPeer(i int) {
	defer sk.churn.Done()
	for conn := 0; !sk.stopPubs.Load() && conn < 100000; conn++ {
		publishes := conn%2 == 0
		p, err := sk.openPeer(fmt.Sprintf("churn%d.%d", i, conn), publishes)
		if err != nil {
			sk.fail("%v", err)
			time.Sleep(100 * time.Millisecond)
			continue
		}
		life := time.Duration(200+rand.IntN(1300)) * time.Millisecond
		leave := time.After(life)
		var tick <-chan time.Time
		var ticker *time.Ticker
		if publishes {
			ticker = time.NewTicker(life / 4)
			tick = ticker.C
		}
	live:
		for {
			select {
			case <-p.ended:
				break live
			case <-tick:
				p.publish()
			case <-leave:
				p.closeSent.Store(true)
				p.conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, "bye"), time.Now().Add(soakSilence))
				select {
				case <-p.ended:
				case <-time.After(soakSilence):
					sk.fail("%s: no answer to its close in %v", p.name, soakSilence)
				}
				break live
			}
		}
		if ticker != nil {
			ticker.Stop()
		}
		p.judge()
		p.conn.Close()
	}
}

// --- Event streams and the HTTP publisher ---

// stream is one event stream of /feed.
type stream struct {
	sk      *soak
	name    string
	cancel  context.CancelFunc
	body    io.ReadCloser
	lines   *bufio.Reader
	rcv     *receiver
	version int
	silence *time.Timer // cancels the request when the stream goes quiet
	silent  atomic.Bool // it did
}

func (sk *soak) openStream(name string) (*stream, error) {
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", sk.ts.url("/feed"), nil)
	s := &stream{sk: sk, name: name, cancel: cancel}
	s.silence = time.AfterFunc(soakSilence, func() { s.silent.Store(true); cancel() })
	resp, err := sk.http.Do(req)
	if err != nil {
		s.close()
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	s.body, s.lines = resp.Body, bufio.NewReader(resp.Body)
	if resp.StatusCode != http.StatusOK {
		s.close()
		return nil, fmt.Errorf("%s: status %d", name, resp.StatusCode)
	}
	hello, err := s.next()
	m := greeting.FindStringSubmatch(hello)
	if err != nil || m == nil {
		s.close()
		return nil, fmt.Errorf("%s: greeting %q, %v", name, hello, err)
	}
	s.version, _ = strconv.Atoi(m[1])
	s.rcv = newReceiver(name, "", time.Now(), "news")
	sk.streams.Add(1)
	return s, nil
}

// next is the data of the next event (keep-alive comments skipped).
func (s *stream) next() (string, error) {
	var data string
	for {
		line, err := s.lines.ReadString('\n')
		if err != nil {
			return "", err
		}
		s.silence.Reset(soakSilence)
		switch {
		case line == "\n" && data != "":
			return data, nil
		case strings.HasPrefix(line, "data: "):
			data = strings.TrimSuffix(line[len("data: "):], "\n")
		}
	}
}

// follow reads events until the stream ends or stop is closed, and says why it ended.
func (s *stream) follow(stop <-chan struct{}) (stopped bool, err error) {
	events := make(chan string)
	ended := make(chan error, 1)
	go func() {
		for {
			data, err := s.next()
			if err != nil {
				ended <- err
				return
			}
			events <- data
		}
	}()
	for {
		select {
		case data := <-events:
			src, n, ok := parseNumbered(data)
			if !ok {
				s.sk.fail("%s: unexpected event %q", s.name, data)
				continue
			}
			if err := s.rcv.receive(src, n); err != nil {
				s.sk.fail("%s", err)
				continue
			}
			s.sk.ledger.deliveries.Add(1)
		case err := <-ended:
			return false, err
		case <-stop:
			s.close()
			for { // drain until the reader sees the cancellation
				select {
				case <-events:
				case <-ended:
					return true, nil
				}
			}
		}
	}
}

func (s *stream) close() {
	s.silence.Stop()
	s.cancel()
	if s.body != nil {
		s.body.Close()
	}
}

// judgeEnd: a stream ends from the server's side only on a reload or a shutdown, cleanly.
func (s *stream) judgeEnd(err error) {
	if err == io.EOF && s.sk.expectedEnd(s.version) {
		return
	}
	if s.silent.Load() {
		err = fmt.Errorf("no event or keep-alive in %v", soakSilence)
	}
	s.sk.fail("%s (version %d): stream ended: %v; app version %d, closing %v", s.name, s.version, err, s.sk.version.Load(), s.sk.closing.Load())
}

func (sk *soak) coreStream(i int) {
	defer sk.cores.Done()
	for conn := 0; !sk.closing.Load() && conn < 10000; conn++ {
		s, err := sk.openStream(fmt.Sprintf("stream%d.%d", i, conn))
		if err != nil {
			if !sk.closing.Load() {
				sk.fail("%v", err)
				time.Sleep(100 * time.Millisecond)
			}
			continue
		}
		c := &soakClient{rcv: s.rcv, version: s.version}
		sk.addOpen(c)
		_, err = s.follow(nil)
		sk.removeOpen(c)
		s.judgeEnd(err)
		s.close()
	}
}

func (sk *soak) churnStream(i int) {
	defer sk.churn.Done()
	for conn := 0; !sk.stopPubs.Load() && conn < 100000; conn++ {
		s, err := sk.openStream(fmt.Sprintf("churnstream%d.%d", i, conn))
		if err != nil {
			sk.fail("%v", err)
			time.Sleep(100 * time.Millisecond)
			continue
		}
		stop := make(chan struct{})
		leave := time.AfterFunc(time.Duration(200+rand.IntN(1300))*time.Millisecond, func() { close(stop) })
		if stopped, err := s.follow(stop); !stopped {
			leave.Stop()
			s.judgeEnd(err)
		}
		s.close()
	}
}

// httpPublisher publishes numbered news from the HTTP route, one request at a time.
func (sk *soak) httpPublisher() {
	defer sk.churn.Done()
	src := sk.ledger.newSource("http", "news")
	ticker := time.NewTicker(sk.load.httpEvery)
	defer ticker.Stop()
	for i := 0; !sk.stopPubs.Load() && i < 1000000; i++ {
		<-ticker.C
		n := src.next()
		resp, err := sk.http.Post(sk.ts.url("/publish"), "text/plain", strings.NewReader("http "+strconv.Itoa(n)))
		if err != nil {
			sk.fail("publish %d: %v", n, err)
			return
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(string(body), `{"delivered":`) {
			sk.fail("publish %d: %d %q", n, resp.StatusCode, body)
			return
		}
		if err := src.ack(n); err != nil {
			sk.fail("%v", err)
			return
		}
		sk.httpPublishes.Add(1)
	}
}

// parseNumbered splits "source n".
func parseNumbered(s string) (src string, n int, ok bool) {
	src, num, found := strings.Cut(s, " ")
	if !found {
		return "", 0, false
	}
	n, err := strconv.Atoi(num)
	return src, n, err == nil && n > 0
}

// --- Baseline ---

type soakFigures struct {
	goroutines int
	fds        int
	heap       uint64
}

func measureSoak() soakFigures {
	var ms runtime.MemStats
	for i := 0; i < 3; i++ {
		runtime.GC()
		time.Sleep(20 * time.Millisecond)
	}
	runtime.ReadMemStats(&ms)
	return soakFigures{goroutines: runtime.NumGoroutine(), fds: openFiles(nil), heap: ms.HeapAlloc}
}

// settleSoak measures until the goroutines are back to the baseline, for at most soakCatchUp:
// connections and goroutines of a closed server take a moment to finish.
func settleSoak(base soakFigures) soakFigures {
	deadline := time.Now().Add(soakCatchUp)
	for {
		f := measureSoak()
		if (f.goroutines <= base.goroutines+soakGoroutineSlack && f.fds <= base.fds+soakFDSlack) || time.Now().After(deadline) {
			return f
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func mb(b uint64) float64 { return float64(b) / (1 << 20) }
