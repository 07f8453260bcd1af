package engine

import (
	"sync"
	"time"

	"github.com/dlclark/regexp2/v2"
)

// goja runs a regular expression on Go's regexp package (linear time) when it can, and on
// regexp2, a backtracking matcher, when the pattern needs what RE2 lacks (lookaround,
// backreferences) or a match starts past index 0 (a global or sticky regexp's lastIndex).
// regexp2 never looks at the runtime's interrupt, so a catastrophic pattern such as
// /^(a+)+(?=b)$/ on "aaaa…a!" held the loop for minutes with the watchdog's interrupt waiting,
// and every other request of the app with it.
//
// regexp2 can give up a match after a timeout, which goja reports as "no match". The timeout
// is longer than the handler timeout, so by then the watchdog has raised its interrupt and
// the handler stops at its next instruction with the usual handler-timeout error (HTTP 500,
// WebSocket 1011): the shorter "no match" is never what the handler goes on with.

// regexpMatch is the process's regular expression match timeout, set once.
var regexpMatch struct {
	once    sync.Once
	timeout time.Duration
}

// boundRegexps sets the match timeout of every regexp2 pattern compiled from now on from the
// handler timeout, and returns the timeout in force. It is process-wide
// (regexp2.DefaultMatchTimeout, read as each pattern is compiled: by goja.Compile for a
// literal, by new RegExp at run time), so the first generation sets it, before its loop
// starts, and it never changes: writing it while another generation compiles would race.
// Every generation of a server has the same handler timeout.
func boundRegexps(handlerTimeout time.Duration) time.Duration {
	regexpMatch.once.Do(func() {
		regexpMatch.timeout = regexpTimeoutFor(handlerTimeout)
		regexp2.DefaultMatchTimeout = regexpMatch.timeout
	})
	return regexpMatch.timeout
}

// regexpTimeoutFor is the handler timeout plus the slack the watchdog needs to raise its
// interrupt first: it looks every watchPeriod, on a goroutine that a loaded machine may run a
// little late (a second covers that with room to spare).
func regexpTimeoutFor(handlerTimeout time.Duration) time.Duration {
	return handlerTimeout + watchPeriod(handlerTimeout) + time.Second
}

// BoundRegexps fixes the process's regexp match timeout from handlerTimeout (0: the default)
// as the first New would, and returns the timeout in force. Call it before JavaScript is
// compiled on another goroutine (a Program shared by every generation): a regexp literal is
// compiled with the Program, under the timeout set then, and setting it during a compile races.
func BoundRegexps(handlerTimeout time.Duration) time.Duration {
	if handlerTimeout <= 0 {
		handlerTimeout = DefaultHandlerTimeout
	}
	return boundRegexps(handlerTimeout)
}
