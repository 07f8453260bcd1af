package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/dop251/goja"
)

// Header converts a HeadersInit (a Headers, an iterable of [name, value] pairs, or a plain
// object of name: value) to an http.Header with canonical keys; undefined and null give an
// empty header. Names and values are validated as the Headers constructor does, so a bad
// one is an error.
func Header(vm *goja.Runtime, v goja.Value) (http.Header, error) {
	h := http.Header{}
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return h, nil
	}
	st, err := stateOf(vm, "Header")
	if err != nil {
		return nil, err
	}
	flat, err := st.headersInitFlat(goja.Undefined(), v)
	if err != nil {
		return nil, fmt.Errorf("web: headers: %w", err)
	}
	addFlat(h, flat.ToObject(vm))
	return h, nil
}

// addFlat adds a flat [name, value, name, value, ...] list to h.
func addFlat(h http.Header, flat *goja.Object) {
	n := int(flat.Get("length").ToInteger())
	for i := 0; i+1 < n; i += 2 {
		name := http.CanonicalHeaderKey(flat.Get(strconv.Itoa(i)).String())
		h[name] = append(h[name], flat.Get(strconv.Itoa(i+1)).String())
	}
}

// flatHeader lists h as [name, value, ...] for headers.js, names lower-cased there.
func flatHeader(vm *goja.Runtime, h http.Header) *goja.Object {
	n := 0
	for _, values := range h {
		n += 2 * len(values)
	}
	flat := make([]any, 0, n)
	for name, values := range h {
		for _, v := range values {
			flat = append(flat, name, v)
		}
	}
	return vm.NewArray(flat...)
}
