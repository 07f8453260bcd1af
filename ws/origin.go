package ws

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Browsers send cookies with a WebSocket handshake to any site, and the handshake is exempt
// from CORS: without an Origin check, a page on another site can open a socket as the user of
// a cookie-authenticated app (cross-site WebSocket hijacking). Node's ws and crossws check
// nothing by default, and neither does azote; Options.AllowedOrigins turns the check on.

// NormalizeOrigin returns origin as browsers send it in the Origin header: lower-case
// scheme://host[:port], without a path. It fails on anything else.
func NormalizeOrigin(origin string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(origin))
	if err != nil || u.Scheme == "" || u.Host == "" || u.User != nil ||
		(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("origin %q: want scheme://host[:port], such as https://app.example.com", origin)
	}
	return strings.ToLower(u.Scheme + "://" + u.Host), nil
}

// originPolicy is the set of allowed origins, normalized; nil allows every origin.
type originPolicy map[string]bool

func newOriginPolicy(origins []string) (originPolicy, error) {
	if len(origins) == 0 {
		return nil, nil
	}
	p := originPolicy{}
	for _, o := range origins {
		n, err := NormalizeOrigin(o)
		if err != nil {
			return nil, err
		}
		p[n] = true
	}
	return p, nil
}

// AllowOrigin reports whether an upgrade request may go on under Options.AllowedOrigins. A
// request without an Origin header is not a browser's, so not a cross-site page's: it is
// allowed. A refused request has been answered 403, and logged.
func (s *Server) AllowOrigin(w http.ResponseWriter, r *http.Request) bool {
	if s.origins == nil {
		return true
	}
	origin := r.Header.Get("Origin")
	if origin == "" || s.origins[strings.ToLower(origin)] {
		return true
	}
	s.log.Warn("ws: upgrade refused with 403: origin not in the allowed origins",
		"origin", origin, "path", r.URL.Path, "remote", hostOnly(r.RemoteAddr))
	http.Error(w, "Forbidden: origin not allowed", http.StatusForbidden)
	return false
}
