package engine

import (
	"errors"
	"regexp"
	"strings"

	"github.com/dop251/goja"
)

// programCounter is the bytecode offset goja appends to stack positions ("file.ts:3:1(43)");
// Node prints none, and it means nothing to the reader.
var programCounter = regexp.MustCompile(`(:\d+:\d+)\(\d+\)`)

func tidyStack(s string) string {
	return programCounter.ReplaceAllString(strings.TrimRight(s, "\n"), "$1")
}

// Describe renders a JavaScript error for a log line: the message, then the stack with
// source-mapped positions ("at open (routes/chat.ts:12:5)").
func Describe(err error) string {
	if err == nil {
		return ""
	}
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		return tidyStack(ie.String())
	}
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return describeException(ex)
	}
	return err.Error()
}

func describeException(ex *goja.Exception) string {
	if obj, ok := ex.Value().(*goja.Object); ok {
		if stack := obj.Get("stack"); stack != nil && !goja.IsUndefined(stack) && !goja.IsNull(stack) {
			return tidyStack(stack.String())
		}
	}
	return tidyStack(ex.String())
}

// DescribeValue renders a thrown or rejected JavaScript value: an Error's stack, else the value.
func DescribeValue(vm *goja.Runtime, v goja.Value) string {
	if v == nil {
		return "undefined"
	}
	if obj, ok := v.(*goja.Object); ok {
		if stack := obj.Get("stack"); stack != nil && !goja.IsUndefined(stack) && !goja.IsNull(stack) {
			return tidyStack(stack.String())
		}
	}
	return inspect(vm, v, 2)
}
