package azote

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

var uuidV4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

const wsApp = "testdata/wsapp"

// SPEC 3: upgrade, then open, then messages in arrival order, then close.
func TestHookOrder(t *testing.T) {
	ts := start(t, wsApp, Options{})
	c := ts.dial("/order", nil)
	for i := 1; i <= 3; i++ {
		c.send(fmt.Sprint(i))
		c.text()
	}
	c.conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(4001, "done"))
	c.closeCode()
	var state struct{ Events []string }
	eventually(t, "close hook", func() bool {
		_, _, body := ts.get("/state")
		json.Unmarshal([]byte(body), &state)
		return len(state.Events) == 6
	})
	want := []string{"upgrade", "open", "message:1", "message:2", "message:3", "close:4001"}
	if !reflect.DeepEqual(state.Events, want) {
		t.Fatalf("hook order %v, want %v", state.Events, want)
	}
}

type openInfo struct {
	ID, Str, ToString, JSON, Namespace, URL, Method, Host, Custom, RemoteAddress string
	Tag, RequestUser, RequestClient                                              string
	Context                                                                      map[string]any
	WS                                                                           struct {
		ReadyState     int
		Protocol, URL  string
		BufferedAmount int
	}
	Topics     []string
	PeersIsSet bool
}

func dialInfo(t *testing.T, ts *testServer, path string, protocols ...string) (*client, openInfo) {
	t.Helper()
	c, err := ts.tryDial(path, http.Header{"X-Custom": {"yes"}}, protocols)
	if err != nil {
		t.Fatalf("dial %s: %v", path, err)
	}
	var info openInfo
	c.json(&info)
	return c, info
}

// SPEC 4: every peer property.
func TestPeerProperties(t *testing.T) {
	ts := start(t, wsApp, Options{})
	_, info := dialInfo(t, ts, "/upgrade?x=1")
	if !uuidV4.MatchString(info.ID) {
		t.Errorf("id %q is not a UUID v4", info.ID)
	}
	if info.Str != info.ID || info.ToString != info.ID {
		t.Errorf("template literal %q / toString %q should be the id %q", info.Str, info.ToString, info.ID)
	}
	if info.JSON != fmt.Sprintf(`{"id":%q,"namespace":"/upgrade"}`, info.ID) {
		t.Errorf("JSON.stringify(peer) = %s", info.JSON)
	}
	if info.Namespace != "/upgrade" {
		t.Errorf("namespace %q, want the pathname without query", info.Namespace)
	}
	if want := "http://" + ts.addr + "/upgrade?x=1"; info.URL != want {
		t.Errorf("request.url %q, want %q", info.URL, want)
	}
	if info.Method != "GET" || info.Host != ts.addr || info.Custom != "yes" {
		t.Errorf("request method %q host %q header %q", info.Method, info.Host, info.Custom)
	}
	if info.RemoteAddress != "127.0.0.1" {
		t.Errorf("remoteAddress %q", info.RemoteAddress)
	}
	if info.WS.ReadyState != 1 || info.WS.URL != "ws://"+ts.addr+"/upgrade?x=1" || info.WS.BufferedAmount != 0 {
		t.Errorf("websocket %+v", info.WS)
	}
	if len(info.Topics) != 0 || !info.PeersIsSet {
		t.Errorf("topics %v peersIsSet %v", info.Topics, info.PeersIsSet)
	}
	if len(info.Context) != 0 {
		t.Errorf("context %v, want empty", info.Context)
	}
}

// SPEC 3: what upgrade may return.
func TestUpgradeResult(t *testing.T) {
	ts := start(t, wsApp, Options{})

	c, _ := dialInfo(t, ts, "/upgrade?mode=headers")
	if got := c.resp.Header.Get("X-Hello"); got != "world" {
		t.Errorf("101 header x-hello = %q", got)
	}
	c, _ = dialInfo(t, ts, "/upgrade?mode=headers-instance")
	if got := c.resp.Header.Get("X-From"); got != "headers" {
		t.Errorf("101 header from a Headers instance = %q", got)
	}
	_, info := dialInfo(t, ts, "/upgrade?mode=namespace")
	if info.Namespace != "custom-ns" {
		t.Errorf("namespace %q", info.Namespace)
	}
	_, info = dialInfo(t, ts, "/upgrade?mode=context")
	if info.Context["userId"] != "u-1" || info.Context["role"] != "admin" {
		t.Errorf("context %v", info.Context)
	}
	_, info = dialInfo(t, ts, "/upgrade?mode=async")
	if info.Context["waited"] != true {
		t.Errorf("async upgrade context %v", info.Context)
	}
	// peer.request is the request upgrade saw: its context always, and the very object when
	// the hook gave it properties of its own.
	_, info = dialInfo(t, ts, "/upgrade?mode=tag")
	if info.Tag != "tagged" || info.RequestUser != "ada" {
		t.Errorf("peer.request after upgrade tagged it: tag %q, context.user %q", info.Tag, info.RequestUser)
	}
	_, info = dialInfo(t, ts, "/upgrade?mode=headers")
	if info.RequestClient != "127.0.0.1" || info.URL == "" || info.Custom != "yes" {
		t.Errorf("peer.request after upgrade left it alone: %+v", info)
	}
	_, info = dialInfo(t, ts, "/upgrade?mode=context-only")
	if info.Tag != "" || info.RequestUser != "grace" || info.URL == "" || info.Custom != "yes" {
		t.Errorf("peer.request after upgrade set only its context: %+v", info)
	}

	// Subprotocol: none unless upgrade names one.
	c, info = dialInfo(t, ts, "/upgrade", "chat.v1", "chat.v2")
	if c.conn.Subprotocol() != "" {
		t.Errorf("subprotocol %q accepted without upgrade naming it", c.conn.Subprotocol())
	}
	if info.WS.Protocol != "chat.v1, chat.v2" {
		t.Errorf("websocket.protocol %q, want what the client asked", info.WS.Protocol)
	}
	c, info = dialInfo(t, ts, "/upgrade?mode=protocol", "chat.v1", "chat.v2")
	if c.conn.Subprotocol() != "chat.v2" || info.WS.Protocol != "chat.v2" {
		t.Errorf("protocol: negotiated %q, peer sees %q", c.conn.Subprotocol(), info.WS.Protocol)
	}
	c, _ = dialInfo(t, ts, "/upgrade?mode=protocol-header", "chat.v1")
	if c.conn.Subprotocol() != "chat.v1" {
		t.Errorf("protocol via headers: negotiated %q", c.conn.Subprotocol())
	}
}

// rawUpgrade sends a handshake by hand so the exact status line can be read.
func rawUpgrade(t *testing.T, ts *testServer, path string) (statusLine string, header http.Header, body string) {
	t.Helper()
	conn, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", path, ts.addr)
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	return resp.Proto + " " + resp.Status, resp.Header, string(b)
}

// SPEC 3: rejection with exactly the Response's status, status text, headers and body.
func TestUpgradeRejection(t *testing.T) {
	ts := start(t, wsApp, Options{HandlerTimeout: 300 * time.Millisecond})
	cases := []struct {
		mode, status, body, header string
	}{
		{"reject", "HTTP/1.1 403 Go Away", "nope", "test"},
		{"return-response", "HTTP/1.1 402 Payment Required", "payment please", ""},
		{"throw-object", "HTTP/1.1 418 I'm a teapot", "teapot", ""},
		{"reject-promise", "HTTP/1.1 401 Unauthorized", "later no", ""},
		{"throw-error", "HTTP/1.1 500 Internal Server Error", "", ""},
		{"spin", "HTTP/1.1 500 Internal Server Error", "", ""},
	}
	for _, tc := range cases {
		line, h, body := rawUpgrade(t, ts, "/upgrade?mode="+tc.mode)
		if line != tc.status {
			t.Errorf("%s: status line %q, want %q", tc.mode, line, tc.status)
		}
		if tc.body != "" && body != tc.body {
			t.Errorf("%s: body %q, want %q", tc.mode, body, tc.body)
		}
		if tc.header != "" && h.Get("X-Why") != tc.header {
			t.Errorf("%s: header x-why %q", tc.mode, h.Get("X-Why"))
		}
		if tc.mode == "reject" && h.Get("Content-Type") != "text/plain;charset=UTF-8" {
			t.Errorf("reject: content-type %q", h.Get("Content-Type"))
		}
	}
	if !strings.Contains(ts.logs.String(), "upgrade exploded") {
		t.Errorf("the thrown error was not logged")
	}
	// The server still serves after a runaway upgrade hook.
	c := ts.dial("/echo", nil)
	c.send("still here")
	if got := c.text(); got != "still here" {
		t.Fatalf("echo %q", got)
	}
}

// SPEC 3: plain HTTP to a WebSocket-only route is 426; the two-argument form serves both.
func TestPlainRequestsToWebSocketRoutes(t *testing.T) {
	ts := start(t, wsApp, Options{})
	if status, _, _ := ts.get("/echo"); status != http.StatusUpgradeRequired {
		t.Errorf("GET /echo = %d, want 426", status)
	}
	if status, _, _ := ts.get("/objectform"); status != http.StatusUpgradeRequired {
		t.Errorf("GET /objectform = %d, want 426", status)
	}
	if got := ts.dial("/objectform", nil).text(); got != "object form" {
		t.Errorf("ws /objectform: %q", got)
	}
	if status, _, body := ts.get("/both"); status != 200 || body != "http side" {
		t.Errorf("GET /both = %d %q", status, body)
	}
	c := ts.dial("/both", nil)
	if got := c.text(); got != "websocket side" {
		t.Errorf("ws /both: %q", got)
	}
	c = ts.dial("/dynamic", nil)
	if got := c.text(); got != "dynamic /dynamic GET" {
		t.Errorf("(event) => hooks form: %q", got)
	}
	// No WebSocket handler on the path: 404 (azote).
	if _, err := ts.tryDial("/hello", nil, nil); err == nil {
		t.Errorf("upgrade to an HTTP-only route was accepted")
	} else if c, _ := ts.tryDial("/nowhere", nil, nil); c.resp == nil || c.resp.StatusCode != 404 {
		t.Errorf("upgrade to an unknown path: %v", c.resp)
	}
}

// SPEC 4: send of every value kind.
func TestPeerSend(t *testing.T) {
	ts := start(t, wsApp, Options{})
	c := ts.dial("/peer", nil)
	c.text() // id
	cases := []struct {
		kind string
		mt   int
		want string
	}{
		{"string", websocket.TextMessage, "hello"},
		{"bytes", websocket.BinaryMessage, "\x01\x02\x03"},
		{"arraybuffer", websocket.BinaryMessage, "\x04\x05"},
		{"view", websocket.BinaryMessage, "\x08\x07"},
		{"dataview", websocket.BinaryMessage, "\x03\x04"},
		{"object", websocket.TextMessage, `{"a":1,"b":[true,null]}`},
		{"array", websocket.TextMessage, `[1,"two",{"three":3}]`},
		{"number", websocket.TextMessage, "42.5"},
		{"boolean", websocket.TextMessage, "false"},
		{"bigint", websocket.TextMessage, "12345678901234567890"},
		{"null", websocket.TextMessage, ""},
		{"undefined", websocket.TextMessage, ""},
	}
	for _, tc := range cases {
		c.sendJSON(map[string]string{"op": "send", "kind": tc.kind})
		mt, got := c.read()
		if mt != tc.mt || got != tc.want {
			t.Errorf("send(%s): frame type %d %q, want %d %q", tc.kind, mt, got, tc.mt, tc.want)
		}
		if ack := c.text(); ack != `{"queued":"number"}` {
			t.Errorf("send(%s) returned %s", tc.kind, ack)
		}
	}
}

// SPEC 4: subscribe, unsubscribe, topics, publish to others only, peers in connect order, context.
func TestPeerPubSubAndPeers(t *testing.T) {
	ts := start(t, wsApp, Options{})
	var ids []string
	var clients []*client
	for i := 0; i < 3; i++ {
		c := ts.dial("/peer", nil)
		var hello struct{ ID string }
		c.json(&hello)
		ids = append(ids, hello.ID)
		clients = append(clients, c)
	}
	a, b, c := clients[0], clients[1], clients[2]
	a.sendJSON(map[string]string{"op": "peers"})
	var peers []string
	a.json(&peers)
	if !reflect.DeepEqual(peers, ids) {
		t.Errorf("peer.peers %v, want connect order %v", peers, ids)
	}
	for _, cl := range []*client{a, b} {
		cl.sendJSON(map[string]string{"op": "subscribe", "topic": "news"})
		var topics []string
		cl.json(&topics)
		if !reflect.DeepEqual(topics, []string{"news"}) {
			t.Errorf("topics after subscribe: %v", topics)
		}
	}
	// c is not subscribed and publishes: a and b receive; c does not.
	c.sendJSON(map[string]any{"op": "publish", "topic": "news", "data": map[string]int{"n": 1}})
	if got := a.text(); got != `{"n":1}` {
		t.Errorf("a got %q", got)
	}
	if got := b.text(); got != `{"n":1}` {
		t.Errorf("b got %q", got)
	}
	// a publishes: b receives, a (the publisher) does not.
	a.sendJSON(map[string]any{"op": "publish", "topic": "news", "data": "from a"})
	if got := b.text(); got != "from a" {
		t.Errorf("b got %q", got)
	}
	b.sendJSON(map[string]string{"op": "unsubscribe", "topic": "news"})
	var topics []string
	b.json(&topics)
	if len(topics) != 0 {
		t.Errorf("topics after unsubscribe: %v", topics)
	}
	c.sendJSON(map[string]any{"op": "publish", "topic": "news", "data": "second"})
	if got := a.text(); got != "second" {
		t.Errorf("a got %q", got)
	}
	// context persists across hooks.
	a.sendJSON(map[string]string{"op": "context"})
	a.text()
	a.sendJSON(map[string]string{"op": "context"})
	if got := a.text(); got != `{"count":2}` {
		t.Errorf("context %s", got)
	}
	a.sendJSON(map[string]string{"op": "buffered"})
	var buffered struct{ BufferedAmount *int }
	if a.json(&buffered); buffered.BufferedAmount == nil || *buffered.BufferedAmount < 0 {
		t.Errorf("bufferedAmount missing")
	}
	a.sendJSON(map[string]string{"op": "drain"})
	if got := a.text(); got != "drained:0" {
		t.Errorf("waitForDrain: %s", got)
	}
	a.sendJSON(map[string]string{"op": "drain-abort"})
	if got := a.text(); got != "aborted:changed my mind" {
		t.Errorf("waitForDrain with an aborted signal: %s", got)
	}
	if got := a.text(); got != "pre-aborted:already" {
		t.Errorf("waitForDrain with a signal aborted before: %s", got)
	}
	b.quiet(200 * time.Millisecond) // the publish after unsubscribe never reached b
}

// SPEC 4 and 3: close codes both ways, terminate, ping, send after close.
func TestCloseDetails(t *testing.T) {
	ts := start(t, wsApp, Options{})
	closeOf := func(id string) (map[string]any, bool) {
		_, _, body := ts.get("/state")
		var state struct{ Closes map[string]map[string]any }
		json.Unmarshal([]byte(body), &state)
		c, ok := state.Closes[id]
		return c, ok && c["code"] != float64(-1)
	}
	waitClose := func(id string) map[string]any {
		t.Helper()
		var got map[string]any
		eventually(t, "close hook of "+id, func() bool {
			var ok bool
			got, ok = closeOf(id)
			return ok
		})
		return got
	}
	open := func() (*client, string) {
		c := ts.dial("/peer", nil)
		var hello struct{ ID string }
		c.json(&hello)
		return c, hello.ID
	}

	// Client closes with a code and reason.
	c, id := open()
	c.conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(4000, "see you"))
	c.closeCode()
	if got := waitClose(id); got["code"] != float64(4000) || got["reason"] != "see you" {
		t.Errorf("client close: %v", got)
	}
	// Client closes without a code: 1005.
	c, id = open()
	c.conn.WriteMessage(websocket.CloseMessage, nil)
	c.closeCode()
	if got := waitClose(id); got["code"] != float64(1005) {
		t.Errorf("close without code: %v", got)
	}
	// Client drops the TCP connection: 1006.
	c, id = open()
	c.conn.UnderlyingConn().Close()
	if got := waitClose(id); got["code"] != float64(1006) {
		t.Errorf("dropped connection: %v", got)
	}
	// Server closes with a code and reason.
	c, id = open()
	c.sendJSON(map[string]any{"op": "close", "code": 4002, "reason": "server says bye"})
	if code, reason := c.closeCode(); code != 4002 || reason != "server says bye" {
		t.Errorf("peer.close: client saw %d %q", code, reason)
	}
	if got := waitClose(id); got["code"] != float64(4002) {
		t.Errorf("peer.close: close hook %v", got)
	}
	// send after close is a silent no-op.
	c, id = open()
	c.sendJSON(map[string]string{"op": "close-then-send"})
	if code, _ := c.closeCode(); code != 1000 {
		t.Errorf("close-then-send: code %d", code)
	}
	waitClose(id)
	// terminate drops the TCP connection without a close frame.
	c, id = open()
	c.sendJSON(map[string]string{"op": "terminate"})
	if code, _ := c.closeCode(); code != websocket.CloseAbnormalClosure {
		t.Errorf("terminate: client saw %d", code)
	}
	if got := waitClose(id); got["code"] != float64(1006) {
		t.Errorf("terminate: close hook %v", got)
	}
	// ping reaches the client's ping handler.
	c, _ = open()
	pinged := make(chan string, 1)
	c.conn.SetPingHandler(func(data string) error { pinged <- data; return nil })
	c.sendJSON(map[string]string{"op": "ping", "data": "are you there"})
	if got := c.text(); got != "pinged" {
		t.Errorf("ping ack %q", got)
	}
	select {
	case data := <-pinged:
		if data != "are you there" {
			t.Errorf("ping payload %q", data)
		}
	case <-time.After(2 * time.Second):
		t.Errorf("no ping arrived")
	}
	if strings.Contains(ts.logs.String(), "level=ERROR") {
		t.Errorf("errors logged:\n%s", ts.logs)
	}
}

type messageInfo struct {
	Text, Str, ToString, RawType, DataType, ID  string
	JSON                                        any
	U8                                          []int
	U8IsUint8Array, AbIsArrayBuffer, BlobIsBlob bool
	AbLength, BlobSize                          int
	SameID, PeerIsPeer                          bool
}

// SPEC 5: every message method on text and binary frames.
func TestMessageMethods(t *testing.T) {
	ts := start(t, wsApp, Options{})
	c := ts.dial("/message", nil)

	c.send(`{"a":[1,2]}`)
	var m messageInfo
	c.json(&m)
	if m.Text != `{"a":[1,2]}` || m.Str != m.Text || m.ToString != m.Text {
		t.Errorf("text frame: text %q str %q toString %q", m.Text, m.Str, m.ToString)
	}
	if !reflect.DeepEqual(m.JSON, map[string]any{"a": []any{1.0, 2.0}}) {
		t.Errorf("json() %v", m.JSON)
	}
	if len(m.U8) != 11 || !m.U8IsUint8Array || m.AbLength != 11 || !m.AbIsArrayBuffer || m.BlobSize != 11 || !m.BlobIsBlob {
		t.Errorf("bytes views of a text frame: %+v", m)
	}
	if m.RawType != "string" || m.DataType != "string" {
		t.Errorf("rawData of a text frame is %s / data %s", m.RawType, m.DataType)
	}
	if !uuidV4.MatchString(m.ID) || !m.SameID || !m.PeerIsPeer {
		t.Errorf("id %q same %v peer %v", m.ID, m.SameID, m.PeerIsPeer)
	}

	c.conn.WriteMessage(websocket.BinaryMessage, []byte{'h', 'i', 0xff, '!'})
	m = messageInfo{}
	c.json(&m)
	if m.Text != "hi\uFFFD!" {
		t.Errorf("binary text() %q, want invalid bytes as U+FFFD", m.Text)
	}
	if m.JSON != "error:SyntaxError" {
		t.Errorf("json() of bad JSON: %v", m.JSON)
	}
	if !reflect.DeepEqual(m.U8, []int{'h', 'i', 0xff, '!'}) || m.AbLength != 4 || m.BlobSize != 4 {
		t.Errorf("binary views: %+v", m)
	}
	if m.RawType != "Uint8Array" || m.DataType != "Uint8Array" {
		t.Errorf("rawData of a binary frame is %s", m.RawType)
	}

	// rawData echoes with the frame type.
	e := ts.dial("/echo", nil)
	e.conn.WriteMessage(websocket.BinaryMessage, []byte{0, 1, 2})
	if mt, got := e.read(); mt != websocket.BinaryMessage || got != "\x00\x01\x02" {
		t.Errorf("binary echo: %d %q", mt, got)
	}
	e.send("text back")
	if mt, got := e.read(); mt != websocket.TextMessage || got != "text back" {
		t.Errorf("text echo: %d %q", mt, got)
	}
}

// SPEC 6: namespaces isolate topics; server-side publish; peers() from the azote module.
func TestNamespacesAndServerPublish(t *testing.T) {
	ts := start(t, wsApp, Options{})
	game1, lobby, game2 := ts.dial("/ns/game", nil), ts.dial("/ns/lobby", nil), ts.dial("/ns/game", nil)
	if p, ip := lobby.resp.Header.Get("X-Param"), lobby.resp.Header.Get("X-Client"); p != "lobby" || ip != "127.0.0.1" {
		t.Errorf("upgrade hook saw request.context params.name %q, clientAddress %q", p, ip)
	}
	for _, c := range []*client{game1, lobby, game2} {
		if got := c.text(); got != "ready" {
			t.Fatalf("ready: %q", got)
		}
	}
	game2.send("move")
	if got := game1.text(); got != "/ns/game:move" {
		t.Errorf("same namespace got %q", got)
	}
	// Server-side publish: one namespace, then all.
	if status, body := ts.post("/publish?topic=room&ns=/ns/lobby", "lobby only"); status != 200 || body != `{"delivered":1}` {
		t.Errorf("publish to one namespace: %d %s", status, body)
	}
	if got := lobby.text(); got != "lobby only" {
		t.Errorf("lobby got %q", got)
	}
	if status, body := ts.post("/publish?topic=room", "everyone"); status != 200 || body != `{"delivered":3}` {
		t.Errorf("publish to all: %d %s", status, body)
	}
	for _, c := range []*client{game1, lobby, game2} {
		if got := c.text(); got != "everyone" {
			t.Errorf("got %q", got)
		}
	}
	_, _, body := ts.get("/peers")
	var all map[string][]string
	json.Unmarshal([]byte(body), &all)
	if len(all["/ns/game"]) != 2 || len(all["/ns/lobby"]) != 1 {
		t.Errorf("peers(): %s", body)
	}
	_, _, body = ts.get("/peers?ns=/ns/game")
	var game []string
	json.Unmarshal([]byte(body), &game)
	if !reflect.DeepEqual(game, all["/ns/game"]) {
		t.Errorf("peers(ns) %v vs %v", game, all["/ns/game"])
	}
	lobby.quiet(200 * time.Millisecond) // game's traffic never reached the lobby
	game2.quiet(50 * time.Millisecond)  // the publisher did not get its own message
}

// SPEC 3: an exception in a hook is logged with its source-mapped line and the connection
// stays; a runaway hook is interrupted, its peer closed with 1011, and others keep going.
func TestHookErrorsAndRunawayCode(t *testing.T) {
	ts := start(t, wsApp, Options{HandlerTimeout: 300 * time.Millisecond})
	a := ts.dial("/peer", nil)
	a.text()
	a.sendJSON(map[string]string{"op": "throw"})
	a.sendJSON(map[string]string{"op": "reject"})
	a.sendJSON(map[string]string{"op": "context"})
	if got := a.text(); got != `{"count":1}` {
		t.Fatalf("connection after a throwing hook: %q", got)
	}
	eventually(t, "source-mapped errors in the log", func() bool {
		logs := ts.logs.String()
		return strings.Contains(logs, "hook exploded on purpose") && strings.Contains(logs, "routes/peer.ts:72:15") &&
			strings.Contains(logs, "async hook rejected on purpose") && strings.Contains(logs, "routes/peer.ts:75:15")
	})

	b := ts.dial("/peer", nil)
	b.text()
	b.sendJSON(map[string]string{"op": "spin"})
	if code, _ := b.closeCode(); code != 1011 {
		t.Errorf("runaway hook: close code %d, want 1011", code)
	}
	a.sendJSON(map[string]string{"op": "context"})
	if got := a.text(); got != `{"count":2}` {
		t.Fatalf("other peer after an interrupt: %q", got)
	}
	if !strings.Contains(ts.logs.String(), "interrupted") {
		t.Errorf("interrupt not logged")
	}
}

// SPEC 4: remoteAddress honours X-Forwarded-For only when configured.
func TestRemoteAddressBehindProxy(t *testing.T) {
	xff := http.Header{"X-Forwarded-For": {"203.0.113.7, 10.0.0.1"}}
	plain := start(t, wsApp, Options{})
	c, _ := plain.tryDial("/upgrade", xff, nil)
	var info openInfo
	c.json(&info)
	if info.RemoteAddress != "127.0.0.1" {
		t.Errorf("without trust: %q", info.RemoteAddress)
	}
	proxied := start(t, wsApp, Options{TrustForwardedFor: true})
	c, _ = proxied.tryDial("/upgrade", xff, nil)
	c.json(&info)
	if info.RemoteAddress != "203.0.113.7" {
		t.Errorf("with trust: %q", info.RemoteAddress)
	}
}

// Hooks queued while the loop is busy run as one batch: a throwing hook and a runaway hook in
// it do not stop the others, and only the runaway peer is closed.
func TestBatchedHooksAreIsolated(t *testing.T) {
	ts := start(t, wsApp, Options{HandlerTimeout: 300 * time.Millisecond})
	open := func() *client {
		c := ts.dial("/peer", nil)
		c.text()
		return c
	}
	busy, b, spin, d := open(), open(), open(), open()
	busy.sendJSON(map[string]string{"op": "busy"})
	time.Sleep(30 * time.Millisecond) // the loop is now busy for 150 ms
	b.sendJSON(map[string]string{"op": "throw"})
	b.sendJSON(map[string]string{"op": "context"})
	spin.sendJSON(map[string]string{"op": "spin"})
	d.sendJSON(map[string]string{"op": "context"})
	if got := busy.text(); got != "done busy" {
		t.Fatalf("busy: %q", got)
	}
	if got := b.text(); got != `{"count":1}` {
		t.Errorf("after a throwing hook in the batch: %q", got)
	}
	if code, _ := spin.closeCode(); code != 1011 {
		t.Errorf("runaway peer: close %d, want 1011", code)
	}
	if got := d.text(); got != `{"count":1}` {
		t.Errorf("peer after the runaway one in the batch: %q", got)
	}
}
