package loader

import (
	"errors"
	"fmt"

	"github.com/evanw/esbuild/pkg/api"
)

// Builder rebuilds one app incrementally with an esbuild build context: each Rebuild reads
// the files again but reuses the parse of every file whose contents did not change.
//
// A Builder is bound to the App it was made for, whose entry lists the route and middleware
// files: when the set of those files changes, Scan again and make a new Builder.
//
// esbuild skips re-reading a file whose inode, size, mode and modification time (to the
// nanosecond) are all unchanged and that was last modified more than 3 seconds before it was
// read; every edit by an editor or a checkout gives a new modification time, so Rebuild sees it.
//
// A Builder is not safe for concurrent use: one goroutine (the reload loop) calls Rebuild and
// Dispose. Builders of different apps, and Build, may run at the same time.
type Builder struct {
	app *App
	ctx api.BuildContext // nil once disposed
}

// errDisposed is returned by Rebuild after Dispose.
var errDisposed = errors.New("builder disposed")

// NewBuilder prepares an incremental build of app. It builds nothing yet: call Rebuild for
// the first bundle too, which returns what Build(app) would. Invalid options come back as
// *BuildError.
func NewBuilder(app *App) (*Builder, error) {
	ctx, cerr := api.Context(buildOptions(app))
	if cerr != nil {
		return nil, newBuildError(cerr.Errors) // as Build reports the same failure
	}
	return &Builder{app: app, ctx: ctx}, nil
}

// Rebuild bundles the app's current files. The result and errors are those of Build: the
// same Code and Inputs for the same files, and *BuildError when the code does not compile.
// A failed Rebuild leaves the Builder usable; fix the file and call Rebuild again.
func (b *Builder) Rebuild() (*Bundle, error) {
	if b.ctx == nil {
		return nil, fmt.Errorf("bundle %s: %w", b.app.Dir, errDisposed)
	}
	return bundleFrom(b.app, b.ctx.Rebuild())
}

// Dispose frees esbuild's caches. Calling it again does nothing; Rebuild then fails.
func (b *Builder) Dispose() {
	if b.ctx != nil {
		b.ctx.Dispose()
		b.ctx = nil
	}
}
