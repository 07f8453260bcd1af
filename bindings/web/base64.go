package web

import (
	"encoding/base64"
	"strings"

	"github.com/dop251/goja"
)

// base64EncodeNative(string) is btoa's core: null when a character is above U+00FF.
func (st *runtimeState) base64EncodeNative(call goja.FunctionCall) goja.Value {
	s := call.Argument(0).String()
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0xFF {
			return goja.Null()
		}
		b = append(b, byte(r))
	}
	return st.vm.ToValue(base64.StdEncoding.EncodeToString(b))
}

// base64DecodeNative(string) is atob's core, the WHATWG forgiving-base64 decode: ASCII
// whitespace is ignored, padding is optional, and the result is a binary string. It returns
// null for input that is not base64.
func (st *runtimeState) base64DecodeNative(call goja.FunctionCall) goja.Value {
	b, ok := forgivingBase64Decode(call.Argument(0).String())
	if !ok {
		return goja.Null()
	}
	return st.vm.ToValue(binaryString(b))
}

func forgivingBase64Decode(s string) ([]byte, bool) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\f', '\r', ' ':
			return -1
		}
		return r
	}, s)
	if len(s)%4 == 0 {
		s = strings.TrimSuffix(s, "=")
		s = strings.TrimSuffix(s, "=")
	}
	if len(s)%4 == 1 {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
			return nil, false
		}
	}
	// RawStdEncoding ignores non-zero trailing bits, as the standard asks.
	b, err := base64.RawStdEncoding.DecodeString(s)
	if err != nil {
		return nil, false
	}
	return b, true
}

// binaryString maps each byte to the character with that code (Latin-1).
func binaryString(b []byte) string {
	ascii := true
	for _, c := range b {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) * 2)
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}
