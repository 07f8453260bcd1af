package web

import (
	"fmt"
	"net/http"

	"github.com/dop251/goja"
)

// NewRequest builds a JS Request for an incoming request. url must be absolute and is used
// verbatim as request.url (build it as "http://" + host + requestURI). Standard methods are
// upper-cased like the Request constructor does; header values are taken as net/http parsed
// them. body may be nil (no body); otherwise the Request adopts it without copying, so the
// caller must not change it afterwards. JavaScript never sees the slice itself: its readers
// get copies.
func NewRequest(vm *goja.Runtime, method, url string, header http.Header, body []byte) (*goja.Object, error) {
	st, err := stateOf(vm, "NewRequest")
	if err != nil {
		return nil, err
	}
	bytes := goja.Null()
	if body != nil {
		bytes = st.newUint8Array(body)
	}
	v, err := st.newRequest(goja.Undefined(), vm.ToValue(method), vm.ToValue(url), st.newHeaders(headersFromHTTP(header)), bytes)
	if err != nil {
		return nil, fmt.Errorf("web: new request %s %s: %w", method, url, err)
	}
	return v.ToObject(vm), nil
}
