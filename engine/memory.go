package engine

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// ErrMemoryLimit is the interrupt value of JavaScript stopped because the process passed its
// memory limit (--max-memory).
var ErrMemoryLimit = errors.New("memory limit: the process passed --max-memory and the running JavaScript was interrupted")

// Interruption says why a JavaScript call was interrupted: "handler timeout" (it ran past the
// handler timeout) or "memory limit" (the process passed --max-memory while it ran). ok is
// false when err is not an interrupt. Both are answered alike: HTTP 500, WebSocket 1011.
func Interruption(err error) (reason string, ok bool) {
	var ie *goja.InterruptedError
	if !errors.As(err, &ie) {
		return "", false
	}
	switch ie.Value() {
	case ErrTimeout:
		return "handler timeout", true
	case ErrMemoryLimit:
		return "memory limit", true
	}
	return "", false
}

// DefaultMaxMemory is the memory limit a server gets when none is set: half of the
// container's limit (the process's cgroup and its parents: v2 memory.max, v1
// memory.limit_in_bytes) or of the machine's memory, whichever is smaller. Half leaves room
// for what the limit does not count (the kernel's buffers, memory outside Go) and for the
// allocation that crosses it. 0 when neither can be read (not Linux): no limit.
func DefaultMaxMemory() int64 {
	limit := cgroupMemoryLimit()
	if total := memTotal(); total > 0 && (limit == 0 || total < limit) {
		limit = total
	}
	return limit / 2
}

// cgroupMemoryLimit is the smallest memory limit of the process's cgroup and its ancestors,
// 0 for none. /proc/self/cgroup names the cgroup: "0::/path" (v2) or "4:memory:/path" (v1).
func cgroupMemoryLimit() int64 {
	b, err := os.ReadFile("/proc/self/cgroup")
	if err != nil {
		return 0
	}
	var limit int64
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		parts := strings.SplitN(line, ":", 3)
		if len(parts) != 3 {
			continue
		}
		var root, file string
		switch {
		case parts[0] == "0" && parts[1] == "":
			root, file = "/sys/fs/cgroup", "memory.max"
		case slices.Contains(strings.Split(parts[1], ","), "memory"):
			root, file = "/sys/fs/cgroup/memory", "memory.limit_in_bytes"
		default:
			continue
		}
		// Inside a container the path may not exist under the mount, which is then the
		// container's own cgroup: the walk ends at the mount's root either way.
		for dir := path.Clean("/" + parts[2]); ; dir = path.Dir(dir) {
			if n := readLimit(filepath.Join(root, dir, file)); n > 0 && (limit == 0 || n < limit) {
				limit = n
			}
			if dir == "/" {
				break
			}
		}
	}
	return limit
}

// readLimit reads a cgroup limit file: bytes, or "max" (v2) for none, read as 0. v1 writes
// no limit as a number near 2^63, which the machine's memory then undercuts.
func readLimit(file string) int64 {
	b, err := os.ReadFile(file)
	if err != nil {
		return 0
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil || n <= 0 {
		return 0
	}
	return n
}

// memTotal is MemTotal of /proc/meminfo in bytes, 0 when unknown.
func memTotal() int64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "MemTotal:"); ok {
			fields := strings.Fields(rest)
			if len(fields) == 2 && fields[1] == "kB" {
				n, _ := strconv.ParseInt(fields[0], 10, 64)
				return n << 10
			}
		}
	}
	return 0
}

// The memory watch samples how much memory the Go runtime holds (what debug.SetMemoryLimit
// counts: all of goja's JavaScript values live on the Go heap) every memoryPeriod. When that
// passes a generation's limit, or the live heap the last collection left passes liveShare of
// it, the watch interrupts the JavaScript that generation is running; once that job has
// unwound, its garbage is collected and returned to the system.
//
// Go's soft limit is set to the smallest limit being watched, so the collector works harder
// as memory nears it and garbage not yet collected is not what crosses the limit. The second
// test is for a heap of many small live objects: near the soft limit the collector runs back
// to back and the program crawls (an array-push loop took more than 5 s to go from 90% to
// 100% of 256 MiB), so the watch does not wait for the last 10%.
//
// goja checks for interrupts between instructions, so one instruction that allocates a lot
// ("s += s" on a 200 MB string) completes first: the process can pass the limit by that one
// allocation.
const (
	memoryPeriod = 10 * time.Millisecond
	liveShare    = 0.9
)

var memWatch = memoryWatch{gens: make(map[*Generation]*watched)}

type memoryWatch struct {
	mu       sync.Mutex
	gens     map[*Generation]*watched
	running  bool
	stop     chan struct{}
	prevSoft int64 // Go's soft limit before the watch set it
	ownSoft  bool  // the watch set the soft limit (GOMEMLIMIT in the environment wins)
}

type watched struct {
	limit       int64
	interrupted uint64 // the job number interrupted and not yet seen to end; 0 for none
	idleWarned  bool   // over the limit with no JavaScript running was logged
}

// watchMemory puts g under the memory watch with limit bytes; limit <= 0 leaves it out.
func (g *Generation) watchMemory(limit int64) {
	if limit <= 0 {
		return
	}
	m := &memWatch
	m.mu.Lock()
	defer m.mu.Unlock()
	m.gens[g] = &watched{limit: limit}
	m.setSoftLimit()
	if !m.running {
		m.running = true
		m.stop = make(chan struct{})
		go m.run(m.stop)
	}
}

// unwatchMemory takes g out of the memory watch; the last one out stops it and puts Go's soft
// limit back.
func (g *Generation) unwatchMemory() {
	m := &memWatch
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.gens[g]; !ok {
		return
	}
	delete(m.gens, g)
	m.setSoftLimit()
	if len(m.gens) == 0 && m.running {
		close(m.stop)
		m.running = false
	}
}

// setSoftLimit sets Go's soft memory limit from the smallest watched limit, or puts back the
// one from before. Under m.mu.
func (m *memoryWatch) setSoftLimit() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return
	}
	smallest := int64(0)
	for _, w := range m.gens {
		if smallest == 0 || w.limit < smallest {
			smallest = w.limit
		}
	}
	switch {
	case smallest > 0 && !m.ownSoft:
		m.prevSoft = debug.SetMemoryLimit(smallest)
		m.ownSoft = true
	case smallest > 0:
		debug.SetMemoryLimit(smallest)
	case m.ownSoft:
		debug.SetMemoryLimit(m.prevSoft)
		m.ownSoft = false
	}
}

// memoryUse is what the memory watch reads.
type memoryUse struct {
	inUse int64 // what the Go runtime holds from the system and has not returned: what its soft limit counts
	live  int64 // the heap the last collection found live
}

func (u memoryUse) over(limit int64) bool {
	return u.inUse > limit || float64(u.live) > liveShare*float64(limit)
}

func readMemory(samples []metrics.Sample) memoryUse {
	metrics.Read(samples)
	total, released := samples[0].Value.Uint64(), samples[1].Value.Uint64()
	u := memoryUse{live: int64(samples[2].Value.Uint64())}
	if total > released {
		u.inUse = int64(total - released)
	}
	return u
}

func memorySamples() []metrics.Sample {
	return []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}, {Name: "/gc/heap/live:bytes"}}
}

func (m *memoryWatch) run(stop chan struct{}) {
	t := time.NewTicker(memoryPeriod)
	defer t.Stop()
	samples := memorySamples()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		use := readMemory(samples)
		release := false
		var idle []*Generation // over the limit with no job to interrupt
		m.mu.Lock()
		for g, w := range m.gens {
			if w.interrupted != 0 {
				if !g.watchdog.running(w.interrupted) {
					// The interrupted job has unwound: collect its garbage before judging again.
					w.interrupted = 0
					release = true
				}
				continue
			}
			if !use.over(w.limit) {
				w.idleWarned = false
				continue
			}
			if seq, ok := g.watchdog.interruptJob(ErrMemoryLimit); ok {
				w.interrupted = seq
				g.log.Error("JavaScript interrupted: the process passed its memory limit (--max-memory)",
					"in_use", mib(use.inUse), "live", mib(use.live), "limit", mib(w.limit))
			} else if !w.idleWarned {
				w.idleWarned = true
				idle = append(idle, g)
			}
		}
		m.mu.Unlock()
		if !release && len(idle) == 0 {
			continue
		}
		debug.FreeOSMemory()
		after := readMemory(samples)
		m.mu.Lock()
		for _, g := range idle {
			if w, ok := m.gens[g]; ok && after.over(w.limit) {
				g.log.Warn("memory stays over the limit (--max-memory) with no JavaScript running: the app's state holds it",
					"in_use", mib(after.inUse), "live", mib(after.live), "limit", mib(w.limit))
			}
		}
		m.mu.Unlock()
	}
}

// interruptJob interrupts the loop job running now with v and returns its number; false when
// the loop is between jobs. Like the timeout, the interrupt is cleared when the job ends, so it
// never lands on the next one.
func (w *watchdog) interruptJob(v any) (uint64, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.active || w.vm == nil {
		return 0, false
	}
	w.fire(v) // the job queue is probed after it, as after a timeout
	return w.seq, true
}

// running reports whether job number seq is still the one running.
func (w *watchdog) running(seq uint64) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.active && w.seq == seq
}

func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }
