// Package loader turns an app folder into what one azote generation needs: the routes and
// middleware found by Nitro's file-name rules (Scan), a matcher for request paths (Table), and
// one bundled script of all the app's code (Build).
//
// Nothing here holds shared mutable state: Scan and Build may run concurrently with anything,
// and a Table is immutable once NewTable returns, so Match may be called from any goroutine.
package loader
