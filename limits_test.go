package azote

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

const limitsApp = "testdata/limitsapp"

// rawRequest writes req on a fresh connection and reads one response, within 5 s.
func rawRequest(t *testing.T, addr, req string) (*http.Response, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(conn, req); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer to %q: %v", strings.SplitN(req, "\r\n", 2)[0], err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(body)
}

// Issue 11, defect 6: clients that trickle their headers or their body are cut at the read
// timeout, and a normal request is served meanwhile. AZOTE_SLOW_CLIENTS sets how many (200).
func TestSlowClientsAreCut(t *testing.T) {
	ts := start(t, limitsApp, Options{ReadTimeout: time.Second})
	n := 200
	if v, err := strconv.Atoi(os.Getenv("AZOTE_SLOW_CLIENTS")); err == nil && v > 0 {
		n = v
	}
	type result struct {
		cut  time.Duration // from the first byte sent to the server ending the connection
		err  error
		body bool // trickled the body (else the headers)
	}
	results := make(chan result, n)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body := i%2 == 1
			conn, err := net.Dial("tcp", ts.addr)
			if err != nil {
				results <- result{err: err, body: body}
				return
			}
			defer conn.Close()
			head := "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n"
			if !body {
				head = "GET /rooms/x HTTP/1.1\r\nHost: x\r\n"
			}
			t0 := time.Now()
			if _, err := io.WriteString(conn, head); err != nil {
				results <- result{err: err, body: body}
				return
			}
			// One byte every 300 ms, 1 byte / 3 s scaled to the test's 1 s read timeout.
			go func() {
				tick := time.NewTicker(300 * time.Millisecond)
				defer tick.Stop()
				for {
					select {
					case <-stop:
						return
					case <-tick.C:
						if _, err := conn.Write([]byte("x")); err != nil {
							return
						}
					}
				}
			}()
			conn.SetReadDeadline(time.Now().Add(15 * time.Second))
			answer, err := io.ReadAll(conn) // a 408 for a body, nothing for headers; then the close
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				results <- result{err: fmt.Errorf("still connected after 15 s"), body: body}
				return
			}
			if body && !strings.HasPrefix(string(answer), "HTTP/1.1 408") {
				results <- result{err: fmt.Errorf("cut without a 408: %.40q", answer), body: body}
				return
			}
			results <- result{cut: time.Since(t0), body: body}
		}()
	}
	// While they trickle, a normal request is answered.
	time.Sleep(300 * time.Millisecond)
	t0 := time.Now()
	if code, _, body := ts.get("/rooms/lobby"); code != 200 || !strings.Contains(body, "lobby") {
		t.Errorf("normal request among slow clients: %d %s", code, body)
	}
	t.Logf("a normal request among them answered in %v", time.Since(t0))
	wg.Wait()
	close(stop)
	close(results)
	var slowest time.Duration
	for r := range results {
		if r.err != nil {
			t.Errorf("slow client (body %v): %v", r.body, r.err)
			continue
		}
		slowest = max(slowest, r.cut)
	}
	t.Logf("%d slow clients, the last cut after %v", n, slowest)
}

// Issue 11, defect 6: a handler whose promise never settles gets 504 at the handler timeout.
func TestPendingHandlerTimesOut(t *testing.T) {
	ts := start(t, limitsApp, Options{HandlerTimeout: 300 * time.Millisecond})
	resp, body := rawRequest(t, ts.addr, "GET /never HTTP/1.1\r\nHost: x\r\n\r\n")
	if resp.StatusCode != http.StatusGatewayTimeout || !strings.Contains(body, "Handler timeout") {
		t.Errorf("pending handler: %d %s, want 504", resp.StatusCode, body)
	}
	if !strings.Contains(ts.logs.String(), "handler timed out") {
		t.Errorf("not logged:\n%s", ts.logs.String())
	}
	// The runtime is fine afterwards.
	if code, _, body := ts.get("/rooms/a"); code != 200 || !strings.Contains(body, `"room":"a"`) {
		t.Errorf("after the timeout: %d %s", code, body)
	}
}

// Issue 11, defect 6: an upgrade hook whose promise never settles gets 500 at the timeout.
func TestPendingUpgradeTimesOut(t *testing.T) {
	ts := start(t, limitsApp, Options{HandlerTimeout: 300 * time.Millisecond})
	c, err := ts.tryDial("/hang", nil, nil)
	if err == nil {
		t.Fatal("upgrade accepted")
	}
	if c.resp == nil || c.resp.StatusCode != http.StatusInternalServerError {
		t.Fatalf("pending upgrade: %v %v, want 500", c.resp, err)
	}
	if !strings.Contains(ts.logs.String(), "websocket upgrade timed out") {
		t.Errorf("not logged:\n%s", ts.logs.String())
	}
}

// Issue 11, defect 6: a Content-Length over the limit is refused before the body is read.
func TestBodyOverLimitRefusedBeforeReading(t *testing.T) {
	ts := start(t, limitsApp, Options{MaxBodyBytes: 1024})
	// The body is never sent: the answer must not wait for it.
	resp, _ := rawRequest(t, ts.addr, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n")
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("Content-Length over the limit: %d, want 413", resp.StatusCode)
	}
}

// Issue 11, defect 7: a malformed chunked body is a 400 and the handler does not run.
func TestMalformedChunkedBody(t *testing.T) {
	ts := start(t, limitsApp, Options{})
	for _, chunks := range []string{
		"zz\r\nhello\r\n0\r\n\r\n",   // chunk size not hex
		"5\r\nhelloXX0\r\n\r\n",      // chunk without its CRLF
		"ffffffffffffffffff\r\n\r\n", // size overflows
	} {
		resp, body := rawRequest(t, ts.addr, "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"+chunks)
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("chunks %q: %d %s, want 400", chunks, resp.StatusCode, body)
		}
	}
	_, body := ts.post("/echo", "hello")
	var got struct{ Length, Calls int }
	if err := json.Unmarshal([]byte(body), &got); err != nil || got.Length != 5 || got.Calls != 1 {
		t.Errorf("good body after bad ones: %s (the handler must have run once)", body)
	}
}

// Issue 11, defect 6: the read timeout bounds receiving a request, not answering it.
func TestReadTimeoutSparesSlowAnswers(t *testing.T) {
	ts := start(t, limitsApp, Options{ReadTimeout: time.Second}) // /slow answers after 1.5 s
	if code, _, body := ts.get("/slow"); code != 200 || body != "done" {
		t.Errorf("answer after the read timeout: %d %q", code, body)
	}
}

// Issue 11, defect 5: headers over MaxHeaderBytes get 431, plain requests and upgrades alike,
// also when the embedder's http.Server allows more (so peer.request is bounded too).
func TestOversizedHeaders(t *testing.T) {
	ts := start(t, limitsApp, Options{})
	big := strings.Repeat("a", DefaultMaxHeaderBytes)
	small := strings.Repeat("a", DefaultMaxHeaderBytes/2)

	embedded := &http.Server{Handler: ts.srv} // net/http's own limit: 1 MB
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go embedded.Serve(ln)
	t.Cleanup(func() { embedded.Close() })

	for _, addr := range []string{ts.addr, ln.Addr().String()} {
		resp, _ := rawRequest(t, addr, "GET /rooms/a HTTP/1.1\r\nHost: x\r\nX-Big: "+big+"\r\n\r\n")
		if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
			t.Errorf("%s: plain request with big headers: %d, want 431", addr, resp.StatusCode)
		}
		resp, _ = rawRequest(t, addr, "GET /rooms/a HTTP/1.1\r\nHost: x\r\nX-Big: "+small+"\r\n\r\n")
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: plain request under the limit: %d", addr, resp.StatusCode)
		}
		d := websocket.Dialer{HandshakeTimeout: 5 * time.Second}
		_, resp, err := d.Dial("ws://"+addr+"/ws", http.Header{"X-Big": {big}})
		if err == nil || resp == nil || resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
			t.Errorf("%s: upgrade with big headers: %v %v, want 431", addr, resp, err)
		}
		conn, _, err := d.Dial("ws://"+addr+"/ws", http.Header{"X-Big": {small}})
		if err != nil {
			t.Fatalf("%s: upgrade under the limit: %v", addr, err)
		}
		conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		if _, msg, err := conn.ReadMessage(); err != nil || string(msg) != "big" {
			t.Errorf("%s: peer.request under the limit: %q %v", addr, msg, err)
		}
		conn.Close()
	}
}

// Issue 11, defect 7: route params keep their percent-encoding, as h3 v2 gives them:
// "%2f.." never becomes "/..", and { decode: true } keeps encoded separators encoded.
func TestParamsKeepEncoding(t *testing.T) {
	ts := start(t, limitsApp, Options{})
	for _, tc := range []struct{ path, want string }{
		{"/files/a%2f..%2f..%2fetc%2fpasswd", `{"path":"a%2f..%2f..%2fetc%2fpasswd","decoded":"a%2f..%2f..%2fetc%2fpasswd"}`},
		{"/files/a%20b/caf%C3%A9", `{"path":"a%20b/caf%C3%A9","decoded":"a b/café"}`},
		{"/files/x/%2e%2e/y", `{"path":"y","decoded":"y"}`},
		{"/files/%252f", `{"path":"%252f","decoded":"%252f"}`},
		{"/rooms/caf%C3%A9", `{"room":"caf%C3%A9","decoded":"café"}`},
	} {
		resp, body := rawRequest(t, ts.addr, "GET "+tc.path+" HTTP/1.1\r\nHost: x\r\n\r\n")
		if resp.StatusCode != 200 || body != tc.want {
			t.Errorf("%s: %d %s, want %s", tc.path, resp.StatusCode, body, tc.want)
		}
	}
}

// Issue 11, defect 9: azote.subscribe's unsubscribe function forgets its listener.
func TestUnsubscribeForgetsListener(t *testing.T) {
	ts := start(t, limitsApp, Options{})
	code, _, body := ts.get("/churn?n=20000")
	if code != 200 || body != `{"called":0}` {
		t.Fatalf("churn: %d %s", code, body)
	}
	if n := ts.srv.cur.Load().js.SubscriptionCount(); n != 0 {
		t.Errorf("%d subscriptions kept after 20,000 subscribe/unsubscribe pairs, want 0", n)
	}
}
