package engine

import (
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/dop251/goja"
)

func TestDefaultMaxMemoryIsHalfTheMachineAtMost(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc and /sys/fs/cgroup")
	}
	if got, total := DefaultMaxMemory(), memTotal(); got <= 0 || got > total/2 {
		t.Errorf("DefaultMaxMemory() = %d with MemTotal %d", got, total)
	}
}

// Issue 11, defect 5: past MaxMemory the generation's running JavaScript is interrupted with
// ErrMemoryLimit, the loop goes on, and Go's soft limit is put back once the generation is
// released.
func TestMemoryLimitInterruptsTheRunningJob(t *testing.T) {
	var logs syncBuffer
	before := debugMemoryLimit()
	g, err := New(Options{HandlerTimeout: time.Minute, MaxMemory: 256 << 20, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	if got := debugMemoryLimit(); got != 256<<20 && !envMemLimit() {
		t.Errorf("Go's soft limit while watched: %d", got)
	}
	err = g.Sync(func(vm *goja.Runtime) error {
		_, err := vm.RunString(`let s = "x"; while (true) s += s;`)
		return err
	})
	if reason, ok := Interruption(err); !ok || reason != "memory limit" {
		t.Errorf("doubling loop: %v", err)
	}
	err = g.Sync(func(vm *goja.Runtime) error {
		v, err := vm.RunString(`1 + 1`)
		if err == nil && v.ToInteger() != 2 {
			t.Errorf("after the interrupt: %v", v)
		}
		return err
	})
	if err != nil {
		t.Errorf("the next job: %v", err)
	}
	g.Release()
	if got := debugMemoryLimit(); got != before {
		t.Errorf("Go's soft limit after release: %d, want %d back", got, before)
	}
}

func debugMemoryLimit() int64 { return debug.SetMemoryLimit(-1) }

func envMemLimit() bool { _, set := os.LookupEnv("GOMEMLIMIT"); return set }
