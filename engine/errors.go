package engine

import (
	"errors"
	"strings"

	"github.com/dop251/goja"
)

// Describe renders a JavaScript error for a log line: the message, then the stack with
// source-mapped positions ("at open (routes/chat.ts:12:5)").
func Describe(err error) string {
	if err == nil {
		return ""
	}
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		return strings.TrimRight(ie.String(), "\n")
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
			return strings.TrimRight(stack.String(), "\n")
		}
	}
	return strings.TrimRight(ex.String(), "\n")
}

// DescribeValue renders a thrown or rejected JavaScript value: an Error's stack, else the value.
func DescribeValue(vm *goja.Runtime, v goja.Value) string {
	if v == nil {
		return "undefined"
	}
	if obj, ok := v.(*goja.Object); ok {
		if stack := obj.Get("stack"); stack != nil && !goja.IsUndefined(stack) && !goja.IsNull(stack) {
			return strings.TrimRight(stack.String(), "\n")
		}
	}
	return inspect(vm, v, 2)
}
