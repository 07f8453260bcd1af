// Package loader turns an app folder into what one azote generation needs: the routes and
// middleware found by Nitro's file-name rules (Scan), a matcher for request paths (Table), and
// one bundled script of all the app's code (Build). For `azote dev` it also watches the folder
// (Watch) and rebuilds incrementally (Builder).
//
// Scan and Build hold no shared mutable state and may run concurrently with anything, and a
// Table is immutable once NewTable returns, so Match may be called from any goroutine. Watch
// runs one goroutine of its own and calls back from it; a Builder belongs to one goroutine.
package loader
