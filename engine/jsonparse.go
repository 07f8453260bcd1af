package engine

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// JSON.parse is azote's own: goja's went through encoding/json's token stream (an allocation
// per token) at 11 MB/s for a flat 8 MB array of small objects, five times slower than Node, and
// recursed without limit. This one reads the text once and builds goja values as it goes, with
// the semantics of ECMAScript's JSON.parse: keys in text order (duplicates: the last value, at
// the first one's place), __proto__ an own key, numbers as float64 (1e400 is Infinity, -0 stays
// negative), \u escapes kept as UTF-16 code units (a lone surrogate stays one), and V8's
// SyntaxError messages, positions counted in UTF-16 code units like Node's.

// parseCheckpointEvery is how many values JSON.parse builds between two checks for an
// interrupt (see jsonCodec.checkpoint).
const parseCheckpointEvery = 1 << 16

// jsonParser is one JSON.parse call.
type jsonParser struct {
	j     *jsonCodec
	vm    *goja.Runtime
	s     string
	pos   int
	depth int
	built int                   // values built, for the checkpoint
	keys  map[string]objectKey  // object keys seen, copied out of the text once each
	strs  map[string]goja.Value // short string values seen (see maxSharedStrings)
	items []any                 // the elements of the arrays being parsed, innermost last
	utf16 []uint16              // scratch for strings with escapes or non-ASCII characters
}

func (j *jsonCodec) parse(call goja.FunctionCall) goja.Value {
	// ToString once, as the spec says.
	if _, isSymbol := call.Argument(0).(*goja.Symbol); isSymbol {
		panic(j.newError(j.typeError, "Cannot convert a Symbol value to a string"))
	}
	p := &jsonParser{j: j, vm: j.vm, s: call.Argument(0).String(), keys: map[string]objectKey{}, strs: map[string]goja.Value{}}
	p.space()
	v := p.value()
	p.space()
	if p.pos < len(p.s) {
		p.fail("Unexpected non-whitespace character after JSON at position %d", p.position(p.pos))
	}
	if _, ok := goja.AssertFunction(call.Argument(1)); !ok {
		return v
	}
	root := j.vm.NewObject()
	root.DefineDataProperty("", v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	res, err := j.revive(goja.Undefined(), root, j.vm.ToValue(""), call.Argument(1))
	if err != nil {
		panic(err) // the reviver's exception, or an interrupt, goes on as it came
	}
	return res
}

// fail throws a SyntaxError.
func (p *jsonParser) fail(format string, args ...any) {
	panic(p.j.newError(p.j.syntaxError, fmt.Sprintf(format, args...)))
}

// position is byte offset i of the text in UTF-16 code units, as JavaScript counts.
func (p *jsonParser) position(i int) int {
	n := 0
	for _, r := range p.s[:i] {
		n += utf16.RuneLen(r)
	}
	return n
}

// unexpected throws V8's SyntaxError for the character at i (or the end of the text): the
// text, or 10 characters either side of i when it is longer than 20.
func (p *jsonParser) unexpected(i int) {
	if i >= len(p.s) {
		p.fail("Unexpected end of JSON input")
	}
	r, _ := utf8.DecodeRuneInString(p.s[i:])
	if r >= '0' && r <= '9' || r == '-' {
		p.fail("Unexpected number in JSON at position %d", p.position(i))
	}
	switch p.s {
	case "NaN", "Infinity", "undefined", "[object Object]": // what JSON.parse(x) gets by mistake
		p.fail("%q is not valid JSON", p.s)
	}
	const context = 10
	units := utf16.Encode([]rune(p.s))
	at := p.position(i)
	var snippet string
	if len(units) <= 2*context {
		snippet = `"` + p.s + `"`
	} else {
		start, end := max(at-context, 0), min(at+context, len(units))
		snippet = `"` + string(utf16.Decode(units[start:end])) + `"`
		if start > 0 {
			snippet = "..." + snippet
		}
		if end < len(units) {
			snippet += "..."
		}
	}
	p.fail("Unexpected token '%c', %s is not valid JSON", r, snippet)
}

func (p *jsonParser) space() {
	for p.pos < len(p.s) {
		switch p.s[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// value parses the value at pos (after white space).
func (p *jsonParser) value() goja.Value {
	if p.built++; p.built%parseCheckpointEvery == 0 {
		if _, err := p.j.checkpoint(goja.Undefined()); err != nil {
			panic(err)
		}
	}
	if p.pos >= len(p.s) {
		p.unexpected(p.pos)
	}
	switch c := p.s[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		return p.stringValue()
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	case c == 't':
		return p.literal("true", goja.Value(p.vm.ToValue(true)))
	case c == 'f':
		return p.literal("false", p.vm.ToValue(false))
	case c == 'n':
		return p.literal("null", goja.Null())
	}
	p.unexpected(p.pos)
	return nil
}

func (p *jsonParser) literal(word string, v goja.Value) goja.Value {
	for i := 0; i < len(word); i++ {
		if p.pos+i >= len(p.s) || p.s[p.pos+i] != word[i] {
			p.unexpected(p.pos + i)
		}
	}
	p.pos += len(word)
	return v
}

// enter counts one more level of nesting: past MaxJSONDepth a SyntaxError the bindings answer
// as the client's fault (goja's parser overflowed the Go stack on 8 MB of "[").
func (p *jsonParser) enter() {
	if p.depth++; p.depth > MaxJSONDepth {
		e := p.j.newError(p.j.syntaxError, fmt.Sprintf("JSON nested deeper than %d levels at position %d", MaxJSONDepth, p.position(p.pos)))
		e.DefineDataPropertySymbol(jsonTooDeep, p.vm.ToValue(true), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		panic(e)
	}
}

// peek skips white space and returns the next character; the end of the text is a SyntaxError.
func (p *jsonParser) peek() byte {
	p.space()
	if p.pos >= len(p.s) {
		p.unexpected(p.pos)
	}
	return p.s[p.pos]
}

// after reads what follows a member of an array or object: a comma (false), or the closing
// bracket (true); anything else is the SyntaxError expected.
func (p *jsonParser) after(closing byte, expected string) (closed bool) {
	switch p.peek() {
	case closing:
		p.pos++
		return true
	case ',':
		p.pos++
		return false
	}
	p.fail("%s in JSON at position %d", expected, p.position(p.pos))
	return false
}

func (p *jsonParser) array() goja.Value {
	p.enter()
	p.pos++ // [
	mark := len(p.items)
	p.space()
	if p.pos < len(p.s) && p.s[p.pos] == ']' {
		p.pos++
	} else {
		for done := false; !done; {
			p.space()
			p.items = append(p.items, p.value())
			done = p.after(']', "Expected ',' or ']' after array element")
		}
	}
	arr := p.vm.NewArray(p.items[mark:]...)
	clear(p.items[mark:])
	p.items = p.items[:mark]
	p.depth--
	return arr
}

func (p *jsonParser) object() goja.Value {
	p.enter()
	p.pos++ // {
	obj := p.vm.NewObject()
	p.space()
	if p.pos < len(p.s) && p.s[p.pos] == '}' {
		p.pos++
		p.depth--
		return obj
	}
	for first, done := true, false; !done; first = false {
		if p.peek() != '"' {
			if first {
				p.fail("Expected property name or '}' in JSON at position %d", p.position(p.pos))
			}
			p.fail("Expected double-quoted property name in JSON at position %d", p.position(p.pos))
		}
		ascii, key := p.str()
		if p.peek() != ':' {
			p.fail("Expected ':' after property name in JSON at position %d", p.position(p.pos))
		}
		p.pos++
		p.space()
		v := p.value()
		p.define(obj, ascii, key, v)
		done = p.after('}', "Expected ',' or '}' after property value")
	}
	p.depth--
	return obj
}

// objectKey is an object key of the text, and whether Object.prototype has a property of
// that name (__proto__, toString, ...: a plain assignment would reach it).
type objectKey struct {
	name      string
	inherited bool
}

// define is the spec's CreateDataProperty: an own property whatever the prototypes hold
// (a "__proto__" key does not set the prototype, a setter on Object.prototype is not called).
// The key is ascii, or key when it has escapes or other characters.
func (p *jsonParser) define(obj *goja.Object, ascii string, key goja.String, v goja.Value) {
	name := ascii
	if key != nil {
		name = key.String()
		if strings.ContainsRune(name, utf8.RuneError) && !sameUnits(name, key) {
			// A lone surrogate has no Go string: defined through JavaScript.
			if _, err := p.j.defineKey(goja.Undefined(), obj, key, v); err != nil {
				panic(err)
			}
			return
		}
	}
	k, ok := p.keys[name]
	if !ok {
		k = objectKey{name: strings.Clone(name)}
		has, err := p.j.hasOwn(goja.Undefined(), p.j.objectProto, p.vm.ToValue(k.name))
		if err != nil {
			panic(err)
		}
		k.inherited = has.ToBoolean()
		p.keys[k.name] = k
	}
	var err error
	if k.inherited {
		err = obj.DefineDataProperty(k.name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	} else {
		// A plain assignment is the same when no prototype has the key (the object's is
		// Object.prototype, whose is null), and much quicker.
		err = obj.Set(k.name, v)
	}
	if err != nil {
		panic(err)
	}
}

// sameUnits reports whether Go string name is JavaScript string key: false when key holds a
// lone surrogate, which became U+FFFD in name.
func sameUnits(name string, key goja.String) bool {
	return goja.StringFromUTF16(utf16.Encode([]rune(name))).SameAs(key)
}

// Short strings that repeat (tags, enum values) are built once per parse and shared, as
// strings are immutable: up to maxSharedStrings of them, each up to maxSharedString bytes.
const (
	maxSharedString  = 32
	maxSharedStrings = 4096
)

// stringValue parses the string at pos into a value. An ASCII string is copied out of the
// text: a slice of it would keep the whole text alive.
func (p *jsonParser) stringValue() goja.Value {
	ascii, s := p.str()
	if s != nil {
		return s
	}
	if len(ascii) > maxSharedString {
		return p.vm.ToValue(strings.Clone(ascii))
	}
	if v, ok := p.strs[ascii]; ok {
		return v
	}
	v := p.vm.ToValue(strings.Clone(ascii))
	if len(p.strs) < maxSharedStrings {
		p.strs[ascii] = v
	}
	return v
}

// str parses the string at pos: a string of ASCII characters without escapes is returned as
// the slice of the text between its quotes (s nil), any other decoded to UTF-16.
func (p *jsonParser) str() (ascii string, s goja.String) {
	start := p.pos + 1
	i := start
	for i < len(p.s) {
		c := p.s[i]
		if c == '"' {
			p.pos = i + 1
			return p.s[start:i], nil
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
		i++
	}
	buf := p.utf16[:0]
	for j := start; j < i; j++ {
		buf = append(buf, uint16(p.s[j]))
	}
	for {
		if i >= len(p.s) {
			p.fail("Unterminated string in JSON at position %d", p.position(i))
		}
		c := p.s[i]
		switch {
		case c == '"':
			p.pos = i + 1
			p.utf16 = buf
			return "", goja.StringFromUTF16(buf)
		case c < 0x20:
			p.fail("Bad control character in string literal in JSON at position %d", p.position(i))
		case c == '\\':
			if i+1 >= len(p.s) {
				p.fail("Unterminated string in JSON at position %d", p.position(i+1))
			}
			switch e := p.s[i+1]; e {
			case '"', '\\', '/':
				buf = append(buf, uint16(e))
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				var u uint16
				for k := i + 2; k < i+6; k++ {
					if k >= len(p.s) {
						p.fail("Bad Unicode escape in JSON at position %d", p.position(min(k, len(p.s))))
					}
					d, ok := hexDigit(p.s[k])
					if !ok {
						p.fail("Bad Unicode escape in JSON at position %d", p.position(k))
					}
					u = u<<4 | d
				}
				buf = append(buf, u)
				i += 4
			default:
				p.fail("Bad escaped character in JSON at position %d", p.position(i+1))
			}
			i += 2
		case c < utf8.RuneSelf:
			buf = append(buf, uint16(c))
			i++
		default:
			r, size := utf8.DecodeRuneInString(p.s[i:])
			buf = utf16.AppendRune(buf, r)
			i += size
		}
	}
}

func hexDigit(c byte) (uint16, bool) {
	switch {
	case c >= '0' && c <= '9':
		return uint16(c - '0'), true
	case c >= 'a' && c <= 'f':
		return uint16(c - 'a' + 10), true
	case c >= 'A' && c <= 'F':
		return uint16(c - 'A' + 10), true
	}
	return 0, false
}

// number parses the number at pos: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *jsonParser) number() goja.Value {
	start := p.pos
	i := p.pos
	neg := p.s[i] == '-'
	if neg {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(p.s) && p.s[i] >= '0' && p.s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	intStart := i
	switch {
	case i < len(p.s) && p.s[i] == '0':
		if i++; i < len(p.s) && p.s[i] >= '0' && p.s[i] <= '9' {
			p.fail("Unexpected number in JSON at position %d", p.position(i))
		}
	case digits() == 0:
		p.fail("No number after minus sign in JSON at position %d", p.position(i))
	}
	intEnd := i
	simple := true
	if i < len(p.s) && p.s[i] == '.' {
		simple = false
		i++
		if digits() == 0 {
			p.fail("Unterminated fractional number in JSON at position %d", p.position(i))
		}
	}
	if i < len(p.s) && (p.s[i] == 'e' || p.s[i] == 'E') {
		simple = false
		i++
		if i < len(p.s) && (p.s[i] == '+' || p.s[i] == '-') {
			i++
		}
		if digits() == 0 {
			p.fail("Exponent part is missing a number in JSON at position %d", p.position(i))
		}
	}
	p.pos = i
	if simple && intEnd-intStart <= 15 { // exact in a float64: no rounding to do
		var n int64
		for k := intStart; k < intEnd; k++ {
			n = n*10 + int64(p.s[k]-'0')
		}
		if neg {
			if n == 0 {
				return p.vm.ToValue(math.Copysign(0, -1))
			}
			n = -n
		}
		return p.vm.ToValue(n)
	}
	// A number too large for a float64 is ±Infinity, as in JavaScript (ParseFloat says so
	// with ErrRange, the value already right).
	f, _ := strconv.ParseFloat(p.s[start:i], 64)
	return p.vm.ToValue(f)
}
