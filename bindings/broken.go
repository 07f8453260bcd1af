package bindings

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/dop251/goja"

	"github.com/azote-dev/azote/engine"
)

// A broken route is one whose file did not compile (Route.Broken, from the build) or whose
// module threw while the bundle evaluated. It answers every request 500 with its error, while
// the other routes serve, until a reload brings a version that loads (Nitro's dev server
// likewise keeps serving and shows the error on the failing route).

// brokenRoute records route file as broken with its error: message (one line naming the
// file, for the response) and detail (the full error, logged once here).
func (a *App) brokenRoute(file, message, detail string) *route {
	a.log.Error("route broken: it answers 500 until its file is fixed", "route", file, "error", detail)
	return &route{file: file, broken: message}
}

// thrownAtLoad is brokenRoute for an exception e thrown by route file's module evaluation.
func (a *App) thrownAtLoad(vm *goja.Runtime, file string, e goja.Value) *route {
	desc := engine.DescribeValue(vm, e)
	first, _, _ := strings.Cut(desc, "\n")
	return a.brokenRoute(file, fmt.Sprintf("%s failed to load: %s", file, first), desc)
}

// Broken reports whether route i is broken (it answers 500, and no WebSocket upgrade).
func (a *App) Broken(i int) bool { return a.routes[i].broken != "" }

// serveBroken answers a request to a broken route: h3's JSON error body with the error.
func serveBroken(w http.ResponseWriter, rt *route) {
	h := w.Header()
	h.Set("Content-Type", "application/json;charset=UTF-8")
	w.WriteHeader(http.StatusInternalServerError)
	fmt.Fprintf(w, `{"status":500,"message":%s}`, jsonString(rt.broken))
}

// BrokenRoutes are the files of the broken routes, in route order.
func (a *App) BrokenRoutes() []string {
	var files []string
	for _, rt := range a.routes {
		if rt.broken != "" {
			files = append(files, rt.file)
		}
	}
	return files
}
