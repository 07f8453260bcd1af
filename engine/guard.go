package engine

import "github.com/dop251/goja"

// Guard runs fn, Go code that reads values JavaScript produced (Get, Export, String, ToInteger,
// JSON), so that a read which runs JavaScript and throws there (a getter, a Proxy trap, a
// toJSON, a toString) comes back as an error instead of a goja panic. Unguarded, that panic
// unwinds the loop job past whatever was meant to answer its request or peer, which then waits
// forever. The error is fn's own, or the *goja.Exception thrown while it ran (its Value is what
// JavaScript threw; read it only inside another Guard, it may be hostile too). Go panics and
// interrupts are not caught: they stay the job's to contain. Loop goroutine only.
func Guard(vm *goja.Runtime, fn func() error) error {
	var err error
	if ex := vm.Try(func() { err = fn() }); ex != nil {
		return ex
	}
	return err
}
