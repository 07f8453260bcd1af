package engine

import "github.com/dop251/goja"

// trackRejection keeps the promises rejected with no handler during the current loop job. A
// handler attached later in the same job (a microtask, an await) takes it off the list, like
// Node's unhandledRejection which fires only once the microtask queue has drained.
func (g *Generation) trackRejection(p *goja.Promise, op goja.PromiseRejectionOperation) {
	switch op {
	case goja.PromiseRejectionReject:
		g.rejected = append(g.rejected, p)
	case goja.PromiseRejectionHandle:
		for i, q := range g.rejected {
			if q == p {
				g.rejected = append(g.rejected[:i], g.rejected[i+1:]...)
				break
			}
		}
	}
}

func (g *Generation) reportRejections() {
	if len(g.rejected) == 0 {
		return
	}
	for _, p := range g.rejected {
		g.log.Error("unhandled promise rejection", "error", DescribeValue(g.vm, p.Result()))
	}
	clear(g.rejected)
	g.rejected = g.rejected[:0]
}
