package compat

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"time"
)

// compatCase is one request sent to both servers.
type compatCase struct {
	Name   string
	Uses   []string // the h3 exports this case exercises (TestCompatCoversEveryExport reads it)
	Method string   // default GET
	Path   string
	Header map[string]string
	Body   string
	// Compare names headers to compare besides comparedHeaders.
	Compare []string
	// Volatile rewrites parts of the body and the compared headers that differ from run to run
	// (random ids, sealed values, durations) before comparing, on both sides alike.
	Volatile []rewrite
}

type rewrite struct {
	re   *regexp.Regexp
	with string
}

func volatile(pattern, with string) rewrite { return rewrite{regexp.MustCompile(pattern), with} }

// comparedHeaders are the headers whose values every case compares (absent on one side and
// present on the other is a difference too).
var comparedHeaders = []string{
	"content-type", "location", "set-cookie", "cache-control", "allow", "www-authenticate",
	"vary", "etag", "last-modified",
	"access-control-allow-origin", "access-control-allow-methods", "access-control-allow-headers",
	"access-control-allow-credentials", "access-control-expose-headers", "access-control-max-age",
}

// answer is what one server said, reduced to what the suite compares.
type answer struct {
	Status  int
	Headers map[string]string
	Body    string
	Err     string
}

// host is the Host header of every request, so URLs a handler builds do not hold either
// server's port.
const host = "compat.test"

var client = &http.Client{
	Timeout:       10 * time.Second,
	Transport:     &http.Transport{DisableCompression: true, DisableKeepAlives: true},
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

func ask(addr string, c compatCase, extra map[string]string) answer {
	method := c.Method
	if method == "" {
		method = http.MethodGet
	}
	req, err := http.NewRequest(method, "http://"+addr+c.Path, strings.NewReader(c.Body))
	if err != nil {
		return answer{Err: err.Error()}
	}
	if c.Body == "" {
		req.Body, req.ContentLength = http.NoBody, 0
	}
	req.Host = host
	for k, v := range c.Header {
		req.Header.Set(k, v)
	}
	for k, v := range extra {
		req.Header.Set(k, v)
	}
	resp, err := client.Do(req)
	if err != nil {
		return answer{Err: err.Error()}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return answer{Err: "reading body: " + err.Error()}
	}
	a := answer{Status: resp.StatusCode, Headers: map[string]string{}, Body: string(body)}
	for _, name := range append(append([]string{}, comparedHeaders...), c.Compare...) {
		vals := resp.Header.Values(name)
		if len(vals) == 0 {
			continue
		}
		if strings.EqualFold(name, "set-cookie") {
			vals = append([]string{}, vals...)
			sort.Strings(vals)
		}
		a.Headers[strings.ToLower(name)] = strings.Join(vals, "\n")
	}
	c.normalise(&a)
	return a
}

// normalise applies the case's volatile rewrites to the body and every compared header.
func (c compatCase) normalise(a *answer) {
	for _, rw := range c.Volatile {
		a.Body = rw.re.ReplaceAllString(a.Body, rw.with)
		for k, v := range a.Headers {
			a.Headers[k] = rw.re.ReplaceAllString(v, rw.with)
		}
	}
}

// differences lists how got (azote) differs from want (Node), one line each; none means a match.
func differences(want, got answer) []string {
	var out []string
	if want.Err != "" || got.Err != "" {
		if want.Err != got.Err {
			out = append(out, fmt.Sprintf("request error: node %q, azote %q", want.Err, got.Err))
		}
		return out
	}
	if want.Status != got.Status {
		out = append(out, fmt.Sprintf("status: node %d, azote %d", want.Status, got.Status))
	}
	names := map[string]bool{}
	for k := range want.Headers {
		names[k] = true
	}
	for k := range got.Headers {
		names[k] = true
	}
	sorted := make([]string, 0, len(names))
	for k := range names {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		w, wok := want.Headers[k]
		g, gok := got.Headers[k]
		if w != g || wok != gok {
			out = append(out, fmt.Sprintf("header %s: node %s, azote %s", k, show(w, wok), show(g, gok)))
		}
	}
	if !sameBody(want, got) {
		out = append(out, fmt.Sprintf("body: node %s, azote %s", clip(want.Body), clip(got.Body)))
	}
	return out
}

// sameBody compares JSON bodies structurally (key order and spacing do not matter), others
// byte for byte.
func sameBody(want, got answer) bool {
	if want.Body == got.Body {
		return true
	}
	if !isJSON(want.Headers["content-type"]) || !isJSON(got.Headers["content-type"]) {
		return false
	}
	var w, g any
	if json.Unmarshal([]byte(want.Body), &w) != nil || json.Unmarshal([]byte(got.Body), &g) != nil {
		return false
	}
	return reflect.DeepEqual(w, g)
}

func isJSON(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && (mt == "application/json" || strings.HasSuffix(mt, "+json"))
}

func show(v string, ok bool) string {
	if !ok {
		return "(absent)"
	}
	return fmt.Sprintf("%q", v)
}

func clip(s string) string {
	const max = 300
	if len(s) > max {
		return fmt.Sprintf("%q...(%d bytes)", s[:max], len(s))
	}
	if s == "" {
		return "(empty)"
	}
	return fmt.Sprintf("%q", bytes.TrimSpace([]byte(s)))
}
