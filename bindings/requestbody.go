package bindings

import (
	"errors"
	"io"
	"net"
	"net/http"

	"github.com/azote-dev/azote/bindings/web"
)

// readBody reads r's body for a handler, bounded by MaxBodyBytes. When it cannot, it answers
// and reports false: 413 when the body is over the limit (at once when Content-Length says so,
// before a byte of it is read), 408 when it did not arrive within the server's read timeout,
// 400 when it is malformed (a broken chunked encoding) or cut short. A handler never runs on
// a body it did not get whole.
func (a *App) readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	if r.Body == nil || r.Method == http.MethodGet || r.Method == http.MethodHead {
		return nil, true
	}
	if r.ContentLength > a.opts.MaxBodyBytes {
		// The body stays unread, so the connection cannot carry another request.
		w.Header().Set("Connection", "close")
		a.writeError(w, &web.ResponseParts{Status: http.StatusRequestEntityTooLarge, StatusText: "Payload Too Large"}, "request body over the limit")
		return nil, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, a.opts.MaxBodyBytes))
	if err == nil {
		return body, true
	}
	var tooBig *http.MaxBytesError
	var netErr net.Error
	switch {
	case errors.As(err, &tooBig):
		a.writeError(w, &web.ResponseParts{Status: http.StatusRequestEntityTooLarge, StatusText: "Payload Too Large"}, "request body over the limit")
	case errors.As(err, &netErr) && netErr.Timeout():
		w.Header().Set("Connection", "close")
		a.writeError(w, &web.ResponseParts{Status: http.StatusRequestTimeout, StatusText: "Request Timeout"}, "request body did not arrive in time")
	default:
		// A client that left gets nothing either way; one that sent a broken body learns why.
		w.Header().Set("Connection", "close")
		a.writeError(w, &web.ResponseParts{Status: http.StatusBadRequest, StatusText: "Bad Request"}, "request body unreadable: "+err.Error())
	}
	a.log.Debug("request body refused", "path", r.URL.Path, "error", err)
	return nil, false
}
