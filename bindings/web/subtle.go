package web

import (
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"hash"

	"github.com/dop251/goja"
)

// secretKey holds a CryptoKey's bytes on the Go side. Its one field is unexported, so the
// object goja wraps it in shows JavaScript nothing: subtle.js keeps it in a private field
// and hands it back to the natives below, which alone read the bytes.
type secretKey struct {
	bytes []byte
}

// hashes are the digest algorithms Web Crypto names, under their canonical names (subtle.js
// has normalised the case).
var hashes = map[string]func() hash.Hash{
	"SHA-1":   sha1.New,
	"SHA-256": sha256.New,
	"SHA-384": sha512.New384,
	"SHA-512": sha512.New,
}

// subtleNatives are the Go halves of SubtleCrypto's methods. subtle.js has validated the
// algorithm parameters and the key's usages; what is left to fail is reported as the
// DOMException the spec names.
func (st *runtimeState) subtleNatives() map[string]func(goja.FunctionCall) goja.Value {
	return map[string]func(goja.FunctionCall) goja.Value{
		"subtleDigest":     st.subtleDigestNative,
		"subtleImportKey":  st.subtleImportKeyNative,
		"subtleRandomKey":  st.subtleRandomKeyNative,
		"subtleKeyBits":    st.subtleKeyBitsNative,
		"subtleExportRaw":  st.subtleExportRawNative,
		"subtleExportJWK":  st.subtleExportJWKNative,
		"subtleImportJWK":  st.subtleImportJWKNative,
		"subtleHMACSign":   st.subtleHMACSignNative,
		"subtleHMACVerify": st.subtleHMACVerifyNative,
		"subtlePBKDF2":     st.subtlePBKDF2Native,
		"subtleHKDF":       st.subtleHKDFNative,
		"subtleAESGCM":     st.subtleAESGCMNative,
		"subtleAESCBC":     st.subtleAESCBCNative,
		"subtleAESCTR":     st.subtleAESCTRNative,
		"subtlePublicSPKI": st.subtlePublicSPKINative,
		"subtlePublicJWK":  st.subtlePublicJWKNative,
		"subtlePublicRaw":  st.subtlePublicRawNative,
		"subtlePublicInfo": st.subtlePublicInfoNative,
		"subtleVerifySig":  st.subtleVerifySigNative,
	}
}

// throwDOMException throws a DOMException named name, the error type Web Crypto rejects with.
func (st *runtimeState) throwDOMException(name, message string) {
	ctor, ok := st.internal.Get("DOMException").(*goja.Object)
	if !ok {
		panic(st.vm.NewTypeError(name + ": " + message))
	}
	e, err := st.vm.New(ctor, st.vm.ToValue(message), st.vm.ToValue(name))
	if err != nil {
		panic(err)
	}
	panic(e)
}

// argBytes reads argument i as a buffer source; subtle.js has checked its type already.
func (st *runtimeState) argBytes(call goja.FunctionCall, i int) []byte {
	b, ok := st.view(call.Argument(i))
	if !ok {
		panic(st.vm.NewTypeError("expected an ArrayBuffer, a typed array or a DataView"))
	}
	return b
}

func (st *runtimeState) argKey(call goja.FunctionCall, i int) *secretKey {
	k, ok := call.Argument(i).Export().(*secretKey)
	if !ok {
		panic(st.vm.NewTypeError("expected a CryptoKey handle"))
	}
	return k
}

func (st *runtimeState) argHash(call goja.FunctionCall, i int) func() hash.Hash {
	name := call.Argument(i).String()
	h, ok := hashes[name]
	if !ok {
		st.throwDOMException("NotSupportedError", "Unrecognized hash algorithm: "+name)
	}
	return h
}

func (st *runtimeState) newArrayBuffer(b []byte) goja.Value {
	return st.vm.ToValue(st.vm.NewArrayBuffer(b))
}

// subtleDigestNative(hashName, data) returns the digest as an ArrayBuffer.
func (st *runtimeState) subtleDigestNative(call goja.FunctionCall) goja.Value {
	h := st.argHash(call, 0)()
	h.Write(st.argBytes(call, 1))
	return st.newArrayBuffer(h.Sum(nil))
}

// subtleImportKeyNative(data) returns a handle on a copy of the bytes of data.
func (st *runtimeState) subtleImportKeyNative(call goja.FunctionCall) goja.Value {
	return st.vm.ToValue(&secretKey{bytes: append([]byte{}, st.argBytes(call, 0)...)})
}

// subtleRandomKeyNative(bits) returns a handle on bits/8 random bytes.
func (st *runtimeState) subtleRandomKeyNative(call goja.FunctionCall) goja.Value {
	b := make([]byte, call.Argument(0).ToInteger()/8)
	_, _ = rand.Read(b) // crypto/rand.Read never fails; it crashes the program instead.
	return st.vm.ToValue(&secretKey{bytes: b})
}

// subtleKeyBitsNative(handle) is the key's length in bits.
func (st *runtimeState) subtleKeyBitsNative(call goja.FunctionCall) goja.Value {
	return st.vm.ToValue(len(st.argKey(call, 0).bytes) * 8)
}

// subtleExportRawNative(handle) returns a copy of the key's bytes as an ArrayBuffer.
func (st *runtimeState) subtleExportRawNative(call goja.FunctionCall) goja.Value {
	return st.newArrayBuffer(append([]byte{}, st.argKey(call, 0).bytes...))
}

// subtleExportJWKNative(handle) returns the key's bytes in base64url without padding, a JWK's "k".
func (st *runtimeState) subtleExportJWKNative(call goja.FunctionCall) goja.Value {
	return st.vm.ToValue(base64.RawURLEncoding.EncodeToString(st.argKey(call, 0).bytes))
}

// subtleImportJWKNative(k) decodes a JWK's "k" into a key handle; a DataError when k is not
// base64url.
func (st *runtimeState) subtleImportJWKNative(call goja.FunctionCall) goja.Value {
	b, err := base64.RawURLEncoding.DecodeString(call.Argument(0).String())
	if err != nil {
		st.throwDOMException("DataError", "The JWK member \"k\" is not base64url: "+err.Error())
	}
	return st.vm.ToValue(&secretKey{bytes: b})
}

// hmacOf is the MAC of argument dataArg under the hash named by argument 0 and the key of
// argument 1.
func (st *runtimeState) hmacOf(call goja.FunctionCall, dataArg int) []byte {
	mac := hmac.New(st.argHash(call, 0), st.argKey(call, 1).bytes)
	mac.Write(st.argBytes(call, dataArg))
	return mac.Sum(nil)
}

// subtleHMACSignNative(hashName, handle, data) returns the MAC as an ArrayBuffer.
func (st *runtimeState) subtleHMACSignNative(call goja.FunctionCall) goja.Value {
	return st.newArrayBuffer(st.hmacOf(call, 2))
}

// subtleHMACVerifyNative(hashName, handle, signature, data) compares in constant time.
func (st *runtimeState) subtleHMACVerifyNative(call goja.FunctionCall) goja.Value {
	return st.vm.ToValue(hmac.Equal(st.hmacOf(call, 3), st.argBytes(call, 2)))
}

// subtlePBKDF2Native(hashName, handle, salt, iterations, bits) returns bits/8 derived bytes.
func (st *runtimeState) subtlePBKDF2Native(call goja.FunctionCall) goja.Value {
	out, err := pbkdf2.Key(st.argHash(call, 0), string(st.argKey(call, 1).bytes), st.argBytes(call, 2),
		int(call.Argument(3).ToInteger()), int(call.Argument(4).ToInteger()/8))
	if err != nil {
		st.throwDOMException("OperationError", "PBKDF2: "+err.Error())
	}
	return st.newArrayBuffer(out)
}

// subtleHKDFNative(hashName, handle, salt, info, bits) returns bits/8 derived bytes.
func (st *runtimeState) subtleHKDFNative(call goja.FunctionCall) goja.Value {
	out, err := hkdf.Key(st.argHash(call, 0), st.argKey(call, 1).bytes, st.argBytes(call, 2),
		string(st.argBytes(call, 3)), int(call.Argument(4).ToInteger()/8))
	if err != nil {
		st.throwDOMException("OperationError", "HKDF: "+err.Error())
	}
	return st.newArrayBuffer(out)
}
