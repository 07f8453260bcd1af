package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	neturl "net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/dop251/goja"
)

// Loop hands work to the JS event loop: Run queues fn and reports false when the loop is gone.
// Run must not block, may be called from any goroutine (the loop's own included) and runs the
// jobs in the order they were queued.
//
// A Loop that also has a method Context() context.Context gives fetch a parent context: when
// it ends (the runtime is released), every request and response body still open is cancelled.
type Loop interface {
	Run(fn func(vm *goja.Runtime)) bool
}

// fetchRedirectLimit is undici's: the 21st redirect fails the fetch.
const fetchRedirectLimit = 20

var (
	errUnexpectedRedirect = errors.New("unexpected redirect")
	errRedirectLimit      = errors.New("redirect count exceeded")
)

// defaultFetchClient serves every runtime given no client, so that generations share one
// connection pool. No overall timeout: a streamed body may take as long as it takes. Like
// Node's fetch, it ignores HTTP_PROXY and friends.
var defaultFetchClient = sync.OnceValue(func() *http.Client {
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	return &http.Client{Transport: &http.Transport{
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 30 * time.Second,
		ExpectContinueTimeout: time.Second,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   16,
		IdleConnTimeout:       90 * time.Second,
	}}
})

var compiledFetch = sync.OnceValues(func() (*goja.Program, error) { return compileScript("fetch.js") })

// fetcher is the Go side of one runtime's fetch. start runs on the loop goroutine; each
// request then lives on a goroutine of its own and comes back through loop.Run.
type fetcher struct {
	st     *runtimeState
	loop   Loop
	client *http.Client
	parent context.Context
}

// EnableFetch installs fetch and the WebSocket client (with MessageEvent and CloseEvent) on vm,
// running Enable first if it was not. Call it on the loop
// goroutine, before user code runs; a second call is a no-op. Requests run on their own
// goroutines and their results resolve the promise through loop.Run; a response body is read
// on goroutines too, chunk by chunk as JavaScript asks for it, each chunk delivered through
// loop.Run. client nil means a shared default client with sane timeouts (dial 10 s, TLS 10 s,
// response headers 30 s, none overall). Redirects follow the init's redirect mode; a client's
// own CheckRedirect is consulted as well when following.
func EnableFetch(vm *goja.Runtime, loop Loop, client *http.Client) (err error) {
	if loop == nil {
		return errors.New("web: EnableFetch: nil loop")
	}
	if err := Enable(vm); err != nil {
		return err
	}
	st := lookupState(vm)
	if st.fetch != nil {
		return nil
	}
	prog, err := compiledFetch()
	if err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("web: enable fetch: %v", r)
		}
	}()
	if client == nil {
		client = defaultFetchClient()
	}
	f := &fetcher{st: st, loop: loop, client: client, parent: context.Background()}
	if lc, ok := loop.(interface{ Context() context.Context }); ok && lc.Context() != nil {
		f.parent = lc.Context()
	}
	if _, err := st.defineMethod(st.internal, "fetchStart", 6, f.start); err != nil {
		return fmt.Errorf("web: native fetchStart: %w", err)
	}
	v, err := vm.RunProgram(prog)
	if err != nil {
		return fmt.Errorf("web: run fetch.js: %w", err)
	}
	install, ok := goja.AssertFunction(v)
	if !ok {
		return errors.New("web: fetch.js does not evaluate to a function")
	}
	if _, err := install(goja.Undefined(), vm.GlobalObject(), st.internal); err != nil {
		return fmt.Errorf("web: install fetch.js: %w", err)
	}
	st.fetch = f
	return st.enableWebSocket(loop, f.parent)
}

// start is fetchStart(method, url, headers, body, redirect, answer) for fetch.js: it sends the
// request from a goroutine and returns a function that aborts it. answer is called once, from
// a later loop job: answer(message, code) for a network error, else answer(null, null, status,
// statusText, headers, url, redirected, body) where body is null, a Uint8Array or a source
// object (fetchbody.go). answer returns false when the fetch was aborted meanwhile; the
// response is then dropped.
func (f *fetcher) start(call goja.FunctionCall) goja.Value {
	vm := f.st.vm
	method := call.Argument(0).String()
	target := call.Argument(1).String()
	header := http.Header{}
	if h := headersOf(call.Argument(2)); h != nil {
		header = h.httpHeader()
	}
	var body io.Reader
	if b := call.Argument(3); !goja.IsNull(b) && !goja.IsUndefined(b) {
		// A body record's bytes never change (body.js), so the goroutine may read them.
		body = bytes.NewReader(f.st.sourceBytes(b))
	}
	redirect := call.Argument(4).String()
	answer, ok := goja.AssertFunction(call.Argument(5))
	if !ok {
		panic(vm.NewTypeError("fetchStart: answer is not a function"))
	}

	ctx, cancel := context.WithCancel(f.parent)
	abort := vm.ToValue(func(goja.FunctionCall) goja.Value {
		cancel()
		return goja.Undefined()
	})
	u, err := neturl.Parse(target)
	if err != nil {
		f.fail(answer, cancel, err.Error(), "")
		return abort
	}
	switch u.Scheme {
	case "http", "https":
	case "data":
		cancel()
		f.answerData(answer, target)
		return abort
	default:
		f.fail(answer, cancel, `URL scheme "`+u.Scheme+`" is not supported.`, "")
		return abort
	}
	req, err := http.NewRequestWithContext(ctx, method, target, body)
	if err != nil {
		f.fail(answer, cancel, err.Error(), "")
		return abort
	}
	if host := header.Get("Host"); host != "" {
		req.Host = host
		header.Del("Host")
	}
	// undici's defaults; Go adds Accept-Encoding: gzip and decodes the body itself.
	for _, d := range [...][2]string{{"Accept", "*/*"}, {"Accept-Language", "*"}, {"Sec-Fetch-Mode", "cors"}, {"User-Agent", "node"}} {
		if _, ok := header[d[0]]; !ok {
			header.Set(d[0], d[1])
		}
	}
	req.Header = header
	go f.roundTrip(req, cancel, redirect, answer)
	return abort
}

// fail answers a fetch that never left with a network error.
func (f *fetcher) fail(answer goja.Callable, cancel context.CancelFunc, message, code string) {
	cancel()
	f.loop.Run(func(vm *goja.Runtime) {
		_, _ = answer(goja.Undefined(), vm.ToValue(message), vm.ToValue(code))
	})
}

// roundTrip sends req and hands the response, or the error, to the loop. It runs on its own
// goroutine and ends when the response headers are in; the body is read later (fetchbody.go).
func (f *fetcher) roundTrip(req *http.Request, cancel context.CancelFunc, redirect string, answer goja.Callable) {
	redirects := 0
	client := *f.client
	follow := f.client.CheckRedirect
	client.CheckRedirect = func(next *http.Request, via []*http.Request) error {
		switch redirect {
		case "manual":
			return http.ErrUseLastResponse
		case "error":
			return errUnexpectedRedirect
		}
		if len(via) > fetchRedirectLimit {
			return errRedirectLimit
		}
		if follow != nil {
			if err := follow(next, via); err != nil {
				return err
			}
		}
		redirects++
		return nil
	}
	resp, err := client.Do(req)
	if err != nil {
		message, code := fetchErrorText(err)
		f.fail(answer, cancel, message, code)
		return
	}
	statusText := strings.TrimPrefix(strings.TrimPrefix(resp.Status, strconv.Itoa(resp.StatusCode)), " ")
	final := *resp.Request.URL
	final.Fragment, final.RawFragment = "", ""
	finalURL := final.String()
	var body *fetchBody
	if req.Method == http.MethodHead || nullBodyStatus(resp.StatusCode) {
		resp.Body.Close()
		cancel()
	} else {
		body = newFetchBody(f.loop, resp.Body, resp.ContentLength, cancel)
	}
	header := resp.Header
	status := resp.StatusCode
	queued := f.loop.Run(func(vm *goja.Runtime) {
		var source goja.Value = goja.Null()
		if body != nil {
			source = f.st.fetchBodySource(body)
		}
		accepted, err := answer(goja.Undefined(), goja.Null(), goja.Null(), vm.ToValue(status), vm.ToValue(statusText),
			f.st.newHeaders(headersFromHTTP(header)), vm.ToValue(finalURL), vm.ToValue(redirects > 0), source)
		if (err != nil || !accepted.ToBoolean()) && body != nil {
			body.shut()
		}
	})
	if !queued && body != nil {
		body.shut()
	}
}

func nullBodyStatus(status int) bool {
	switch status {
	case 101, 103, 204, 205, 304:
		return true
	}
	return false
}

// fetchErrorText is the message and code of the Error that becomes a failed fetch's cause,
// with undici's codes for the usual network failures.
func fetchErrorText(err error) (message, code string) {
	var urlErr *neturl.Error
	if errors.As(err, &urlErr) {
		err = urlErr.Err
	}
	message = err.Error()
	var dnsErr *net.DNSError
	var netErr net.Error
	var opErr *net.OpError
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		code = "ECONNREFUSED"
	case errors.Is(err, syscall.ECONNRESET):
		code = "ECONNRESET"
	case errors.As(err, &dnsErr):
		code = "ENOTFOUND"
	case errors.As(err, &netErr) && netErr.Timeout():
		code = "UND_ERR_HEADERS_TIMEOUT"
		if errors.As(err, &opErr) && opErr.Op == "dial" || strings.Contains(message, "TLS handshake") {
			code = "UND_ERR_CONNECT_TIMEOUT"
		}
	}
	return message, code
}
