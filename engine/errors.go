package engine

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// programCounter is the bytecode offset goja appends to stack positions ("file.ts:3:1(43)");
// Node prints none, and it means nothing to the reader.
var programCounter = regexp.MustCompile(`(:\d+:\d+)\(\d+\)`)

// A logged stack keeps its first maxStackFrames frames (Node keeps 10) and says how many it
// left out, and a description is cut at maxDescription bytes: an interrupted recursion
// otherwise logs one line per frame, megabytes of them.
const (
	maxStackFrames = 20
	maxDescription = 16 << 10
)

func tidyStack(s string) string {
	return programCounter.ReplaceAllString(truncateStack(strings.TrimRight(s, "\n")), "$1")
}

// truncateStack keeps the message lines and the first maxStackFrames "at" lines of s.
func truncateStack(s string) string {
	var b strings.Builder
	frames, omitted := 0, 0
	for line := range strings.Lines(s) {
		if strings.HasPrefix(strings.TrimLeft(line, " \t"), "at ") {
			if frames++; frames > maxStackFrames {
				omitted++
				continue
			}
		}
		if b.Len() < maxDescription {
			b.WriteString(line)
		}
	}
	out := strings.TrimRight(b.String(), "\n")
	if len(out) > maxDescription {
		cut := maxDescription
		for cut > 0 && !utf8.RuneStart(out[cut]) {
			cut--
		}
		out = out[:cut] + " … (truncated)"
	}
	if omitted > 0 {
		out += fmt.Sprintf("\n    ... %d more frames", omitted)
	}
	return out
}

// writeFrames writes the first maxStackFrames frames of stack the way goja prints them, and
// counts the rest: a deep stack is never rendered whole.
func writeFrames(b *bytes.Buffer, stack []goja.StackFrame) {
	for i := range stack {
		if i == maxStackFrames {
			fmt.Fprintf(b, "    ... %d more frames\n", len(stack)-i)
			return
		}
		b.WriteString("\tat ")
		stack[i].Write(b)
		b.WriteByte('\n')
	}
}

// IsStackOverflow reports whether err is a call that went past MaxCallStackSize.
func IsStackOverflow(err error) bool {
	var so *goja.StackOverflowError
	return errors.As(err, &so)
}

// stackOverflowMessage is Node's message for the same error.
const stackOverflowMessage = "Maximum call stack size exceeded"

// StackOverflowValue is the JavaScript value a stack overflow stands for in error answers and
// logs: a RangeError as in Node, whose stack is the overflowing call's. goja does not let
// JavaScript catch it, so only Go code sees this value.
func StackOverflowValue(vm *goja.Runtime, err error) goja.Value {
	ctor, ok := goja.AssertConstructor(vm.Get("RangeError"))
	if !ok {
		return vm.NewGoError(err)
	}
	obj, cerr := ctor(nil, vm.ToValue(stackOverflowMessage))
	if cerr != nil {
		return vm.NewGoError(err)
	}
	obj.DefineDataProperty("stack", vm.ToValue(Describe(err)), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	return obj
}

// Describe renders a JavaScript error for a log line: the message, then the stack with
// source-mapped positions ("at open (routes/chat.ts:12:5)"), at most maxStackFrames of it.
func Describe(err error) string {
	if err == nil {
		return ""
	}
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		var b bytes.Buffer
		fmt.Fprintln(&b, ie.Value())
		writeFrames(&b, ie.Stack())
		return tidyStack(b.String())
	}
	var so *goja.StackOverflowError
	if errors.As(err, &so) {
		var b bytes.Buffer
		b.WriteString("RangeError: " + stackOverflowMessage + "\n")
		writeFrames(&b, so.Stack())
		return tidyStack(b.String())
	}
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return describeException(ex)
	}
	return truncateStack(err.Error())
}

func describeException(ex *goja.Exception) string {
	if obj, ok := ex.Value().(*goja.Object); ok {
		if stack := obj.Get("stack"); stack != nil && !goja.IsUndefined(stack) && !goja.IsNull(stack) {
			return tidyStack(stack.String())
		}
	}
	return tidyStack(ex.String())
}

// DescribeError is Describe for an error from a call on vm's loop: a thrown value whose
// reading throws (a Proxy, a stack getter) is described by DescribeValue instead of panicking
// out of the log call. Loop goroutine only.
func DescribeError(vm *goja.Runtime, err error) string {
	var desc string
	if Guard(vm, func() error { desc = Describe(err); return nil }) == nil {
		return desc
	}
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return DescribeValue(vm, ex.Value())
	}
	return "an error that throws when read"
}

// DescribeValue renders a thrown or rejected JavaScript value: an Error's stack, else the value.
// A value whose reading throws (a getter, a Proxy trap) is described by what that read threw,
// so the log line is written instead of the read's panic ending the job.
func DescribeValue(vm *goja.Runtime, v goja.Value) string {
	var desc string
	err := Guard(vm, func() error { desc = describeValue(vm, v); return nil })
	if err == nil {
		return desc
	}
	inner := "another value that throws when read"
	if ex, ok := err.(*goja.Exception); ok {
		_ = Guard(vm, func() error { inner = describeValue(vm, ex.Value()); return nil })
	}
	return "a value that throws when read: " + inner
}

func describeValue(vm *goja.Runtime, v goja.Value) string {
	if v == nil {
		return "undefined"
	}
	if obj, ok := v.(*goja.Object); ok {
		if stack := obj.Get("stack"); stack != nil && !goja.IsUndefined(stack) && !goja.IsNull(stack) {
			return tidyStack(stack.String())
		}
	}
	return truncateStack(inspect(vm, v, 2))
}
