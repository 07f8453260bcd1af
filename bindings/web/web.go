// Package web installs the web-platform globals that JavaScript route handlers expect from
// Node or Bun: Headers, Request, Response, Blob, File, FormData, TextEncoder, TextDecoder, URL
// (with URL.canParse), URLSearchParams, crypto (with crypto.subtle, SubtleCrypto and
// CryptoKey), atob, btoa, structuredClone, queueMicrotask, AbortController, AbortSignal, Event,
// EventTarget, DOMException, ReadableStream (with its reader, controller and the two queuing
// strategies) and, when goja lacks it, Symbol.asyncIterator. It also lets Go build and read
// those objects (NewRequest, AsResponse, Header, Bytes, NewUint8Array, NewBlob, ReadChunk,
// CancelStream). EnableFetch adds fetch, run on Go's HTTP client, and the WebSocket client
// (with MessageEvent and CloseEvent), run on gorilla/websocket.
//
// Most classes are written in JavaScript, one embedded .js file per object, compiled once per
// process and run once per runtime; the byte work they need (UTF-8, base64, randomness,
// cryptography, copying, multipart) is done by Go helpers handed to them on a private object.
// Headers, which every request and response uses, is Go throughout (headers.go).
//
// Concurrency: a goja.Runtime is single-threaded, and so is everything here. Call every
// function of this package on the goroutine that owns the runtime. The package keeps no state
// outside the runtimes (but for fetch's default HTTP client, which is safe for concurrent use),
// so different runtimes may be used on different goroutines at once. fetch does its I/O on
// goroutines of its own and hands every result back through the Loop given to EnableFetch; so does
// a WebSocket client socket.
package web

import (
	"embed"
	"fmt"
	"maps"
	"sync"

	"github.com/dop251/goja"
)

//go:embed *.js
var scriptFiles embed.FS

// scriptOrder is the install order: each script may use what the earlier ones put on the
// shared internal object.
var scriptOrder = []string{
	"domexception.js",
	"event.js",
	"eventtarget.js",
	"abort.js",
	"readablestream.js",
	"blob.js",
	"formdata.js",
	"body.js",
	"request.js",
	"response.js",
	"textencoder.js",
	"textdecoder.js",
	"base64.js",
	"subtle.js",
	"crypto.js",
	"structuredclone.js",
	"queuemicrotask.js",
}

type script struct {
	name    string
	program *goja.Program
}

// compiledScripts compiles the embedded scripts once per process; a goja.Program is not tied
// to a runtime and may be run by many runtimes concurrently.
var compiledScripts = sync.OnceValues(func() ([]script, error) {
	scripts := make([]script, 0, len(scriptOrder))
	for _, name := range scriptOrder {
		prog, err := compileScript(name)
		if err != nil {
			return nil, err
		}
		scripts = append(scripts, script{name: name, program: prog})
	}
	return scripts, nil
})

// compileScript compiles the embedded script name (strict code, as every script here is).
func compileScript(name string) (*goja.Program, error) {
	src, err := scriptFiles.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("web: read %s: %w", name, err)
	}
	prog, err := goja.Compile("web:"+name, string(src), true)
	if err != nil {
		return nil, fmt.Errorf("web: compile %s: %w", name, err)
	}
	return prog, nil
}

// stateKey keys the per-runtime state on the global object. Like goja_nodejs's Buffer API
// symbol, one Symbol value serves every runtime.
var stateKey = goja.NewSymbol("azote.web")

// runtimeState is what Go needs to reach inside one runtime's installed classes. Its fields are
// unexported, so the host object that carries it exposes nothing to JavaScript.
type runtimeState struct {
	vm *goja.Runtime

	// Intrinsics captured before any user code runs.
	uint8Array  *goja.Object
	typedArray  *goja.Object
	dataView    *goja.Object
	arrayValues *goja.Object // Array.prototype[Symbol.iterator]

	headersProto         *goja.Object
	headersIteratorProto *goja.Object

	internal      *goja.Object // the scripts' shared object, for scripts installed later (fetch.js)
	response      *goja.Object
	responseParts goja.Callable
	newRequest    goja.Callable
	makeBlob      goja.Callable
	hostRead      goja.Callable
	hostCancel    goja.Callable

	fetch *fetcher // nil until EnableFetch
}

// Enable installs every global listed in the package documentation on vm. Call it once per
// runtime, on the runtime's goroutine, before user code runs; a second call is a no-op.
//
// URL and URLSearchParams come from goja_nodejs's url package. When vm already has a require
// registry enabled, the globals are the registry's "url" module exports, so they are the same
// classes that require("url") returns; otherwise the module is instantiated privately.
func Enable(vm *goja.Runtime) (err error) {
	if lookupState(vm) != nil {
		return nil
	}
	scripts, err := compiledScripts()
	if err != nil {
		return err
	}
	defer func() {
		// goja reports some failures (a broken require registry, for one) by panicking.
		if r := recover(); r != nil {
			err = fmt.Errorf("web: enable: %v", r)
		}
	}()
	if err := enableURL(vm); err != nil {
		return err
	}

	st := newRuntimeState(vm)
	internal := vm.NewObject()
	for name, fn := range st.natives() {
		if _, err := st.defineMethod(internal, name, 1, fn); err != nil {
			return fmt.Errorf("web: native %s: %w", name, err)
		}
	}
	if err := st.installHeaders(internal); err != nil {
		return fmt.Errorf("web: install Headers: %w", err)
	}
	global := vm.GlobalObject()
	for _, s := range scripts {
		v, err := vm.RunProgram(s.program)
		if err != nil {
			return fmt.Errorf("web: run %s: %w", s.name, err)
		}
		install, ok := goja.AssertFunction(v)
		if !ok {
			return fmt.Errorf("web: %s does not evaluate to a function", s.name)
		}
		if _, err := install(goja.Undefined(), global, internal); err != nil {
			return fmt.Errorf("web: install %s: %w", s.name, err)
		}
	}
	if err := st.bind(internal); err != nil {
		return err
	}
	return global.DefineDataPropertySymbol(stateKey, vm.ToValue(st), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
}

func newRuntimeState(vm *goja.Runtime) *runtimeState {
	st := &runtimeState{vm: vm}
	st.uint8Array, _ = vm.Get("Uint8Array").(*goja.Object)
	st.dataView, _ = vm.Get("DataView").(*goja.Object)
	if st.uint8Array != nil {
		st.typedArray = st.uint8Array.Prototype()
	}
	st.arrayValues, _ = vm.NewArray().GetSymbol(goja.SymIterator).(*goja.Object)
	return st
}

// bind picks what Go calls into out of the scripts' shared internal object.
func (st *runtimeState) bind(internal *goja.Object) error {
	st.internal = internal
	var ok bool
	if st.response, ok = internal.Get("Response").(*goja.Object); !ok {
		return fmt.Errorf("web: bind: Response is missing")
	}
	for name, dst := range map[string]*goja.Callable{
		"responseParts": &st.responseParts,
		"newRequest":    &st.newRequest,
		"makeBlob":      &st.makeBlob,
		"hostRead":      &st.hostRead,
		"hostCancel":    &st.hostCancel,
	} {
		if *dst, ok = goja.AssertFunction(internal.Get(name)); !ok {
			return fmt.Errorf("web: bind: %s is not a function", name)
		}
	}
	return nil
}

// natives are the Go helpers the scripts find on their internal object.
func (st *runtimeState) natives() map[string]func(goja.FunctionCall) goja.Value {
	natives := map[string]func(goja.FunctionCall) goja.Value{
		"define":            st.define,
		"copyBytes":         st.copyBytesNative,
		"copyBuffer":        st.copyBufferNative,
		"concatBytes":       st.concatBytesNative,
		"utf8Encode":        st.utf8EncodeNative,
		"utf8EncodeInto":    st.utf8EncodeIntoNative,
		"utf8Decode":        st.utf8DecodeNative,
		"bodyText":          st.bodyTextNative,
		"bodyBytes":         st.bodyBytesNative,
		"bodyBuffer":        st.bodyBufferNative,
		"newUTF8Decoder":    st.newUTF8DecoderNative,
		"utf8DecoderDecode": st.utf8DecoderDecodeNative,
		"base64Encode":      st.base64EncodeNative,
		"base64Decode":      st.base64DecodeNative,
		"randomUUID":        st.randomUUIDNative,
		"fillRandom":        st.fillRandomNative,
		"parseMultipart":    st.parseMultipartNative,
		"encodeMultipart":   st.encodeMultipartNative,
	}
	maps.Copy(natives, st.subtleNatives())
	return natives
}

// defineMethod puts a Go function on obj under name, with the name and length JavaScript
// would give it (goja names a Go function after its Go symbol).
func (st *runtimeState) defineMethod(obj *goja.Object, name string, length int, fn func(goja.FunctionCall) goja.Value) (*goja.Object, error) {
	f := st.vm.ToValue(fn).(*goja.Object)
	if err := st.nameFunction(f, name, length); err != nil {
		return nil, err
	}
	return f, obj.DefineDataProperty(name, f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
}

func (st *runtimeState) nameFunction(f *goja.Object, name string, length int) error {
	if err := f.DefineDataProperty("name", st.vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		return err
	}
	return f.DefineDataProperty("length", st.vm.ToValue(length), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// define installs a global the way Node does: writable, configurable, not enumerable.
func (st *runtimeState) define(call goja.FunctionCall) goja.Value {
	name := call.Argument(0).String()
	if err := st.vm.GlobalObject().DefineDataProperty(name, call.Argument(1), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		panic(st.vm.NewGoError(fmt.Errorf("web: define %s: %w", name, err)))
	}
	return goja.Undefined()
}

// lookupState returns vm's state, or nil before Enable.
func lookupState(vm *goja.Runtime) *runtimeState {
	v := vm.GlobalObject().GetSymbol(stateKey)
	if v == nil {
		return nil
	}
	st, _ := v.Export().(*runtimeState)
	return st
}

// stateOf returns vm's state or an error naming what needed it.
func stateOf(vm *goja.Runtime, what string) (*runtimeState, error) {
	if st := lookupState(vm); st != nil {
		return st, nil
	}
	return nil, fmt.Errorf("web: %s: Enable was not called on this runtime", what)
}
