package web

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"math/big"

	"github.com/dop251/goja"
)

// publicKey holds a CryptoKey's public key on the Go side, hidden from JavaScript like
// secretKey. Only verification is implemented: it is what token libraries need of the keys
// an identity provider publishes.
type publicKey struct {
	key crypto.PublicKey
}

var cryptoHashes = map[string]crypto.Hash{
	"SHA-1": crypto.SHA1, "SHA-256": crypto.SHA256, "SHA-384": crypto.SHA384, "SHA-512": crypto.SHA512,
}

var curvesByName = map[string]elliptic.Curve{"P-256": elliptic.P256(), "P-384": elliptic.P384(), "P-521": elliptic.P521()}

func (st *runtimeState) newPublicKey(k crypto.PublicKey) goja.Value {
	switch k := k.(type) {
	case *rsa.PublicKey, ed25519.PublicKey:
	case *ecdsa.PublicKey:
		if _, ok := curvesByName[k.Curve.Params().Name]; !ok {
			st.throwDOMException("NotSupportedError", "Unsupported elliptic curve "+k.Curve.Params().Name)
		}
	default:
		st.throwDOMException("NotSupportedError", "Unsupported public key type")
	}
	return st.vm.ToValue(&publicKey{key: k})
}

// subtlePublicSPKINative(der) parses a SubjectPublicKeyInfo; DataError when it is not one.
func (st *runtimeState) subtlePublicSPKINative(call goja.FunctionCall) goja.Value {
	k, err := x509.ParsePKIXPublicKey(st.argBytes(call, 0))
	if err != nil {
		st.throwDOMException("DataError", "Invalid SubjectPublicKeyInfo: "+err.Error())
	}
	return st.newPublicKey(k)
}

// subtlePublicRawNative(curve, bytes) reads a raw public key: an uncompressed EC point for
// "P-256", "P-384" or "P-521", or the 32 bytes of an Ed25519 key for "Ed25519".
func (st *runtimeState) subtlePublicRawNative(call goja.FunctionCall) goja.Value {
	curve, b := call.Argument(0).String(), st.argBytes(call, 1)
	if curve == "Ed25519" {
		if len(b) != ed25519.PublicKeySize {
			st.throwDOMException("DataError", "An Ed25519 public key is 32 bytes")
		}
		return st.newPublicKey(ed25519.PublicKey(append([]byte{}, b...)))
	}
	c, ok := curvesByName[curve]
	if !ok {
		st.throwDOMException("NotSupportedError", "Unsupported elliptic curve "+curve)
	}
	k, err := ecdsa.ParseUncompressedPublicKey(c, b)
	if err != nil {
		st.throwDOMException("DataError", "Invalid "+curve+" public key: "+err.Error())
	}
	return st.newPublicKey(k)
}

// subtlePublicJWKNative(kty, n, e, crv, x, y) builds a public key from a JWK's members
// (base64url strings, unused ones empty); DataError for one that is malformed.
func (st *runtimeState) subtlePublicJWKNative(call goja.FunctionCall) goja.Value {
	member := func(i int, name string) []byte {
		b, err := base64.RawURLEncoding.DecodeString(call.Argument(i).String())
		if err != nil || len(b) == 0 {
			st.throwDOMException("DataError", "The JWK member \""+name+"\" is missing or not base64url")
		}
		return b
	}
	switch kty, crv := call.Argument(0).String(), call.Argument(3).String(); kty {
	case "RSA":
		n, e := new(big.Int).SetBytes(member(1, "n")), new(big.Int).SetBytes(member(2, "e"))
		if !e.IsInt64() || e.Int64() < 3 || e.Int64() > 1<<31-1 || n.BitLen() < 512 {
			st.throwDOMException("DataError", "Invalid RSA public key")
		}
		return st.newPublicKey(&rsa.PublicKey{N: n, E: int(e.Int64())})
	case "EC":
		c, ok := curvesByName[crv]
		if !ok {
			st.throwDOMException("NotSupportedError", "Unsupported elliptic curve "+crv)
		}
		size := (c.Params().BitSize + 7) / 8
		x, y := member(4, "x"), member(5, "y")
		if len(x) != size || len(y) != size {
			st.throwDOMException("DataError", "The JWK members \"x\" and \"y\" do not fit "+crv)
		}
		point := append(append([]byte{4}, x...), y...)
		k, err := ecdsa.ParseUncompressedPublicKey(c, point)
		if err != nil {
			st.throwDOMException("DataError", "Invalid "+crv+" public key: "+err.Error())
		}
		return st.newPublicKey(k)
	case "OKP":
		if crv != "Ed25519" {
			st.throwDOMException("NotSupportedError", "Unsupported OKP curve "+crv)
		}
		x := member(4, "x")
		if len(x) != ed25519.PublicKeySize {
			st.throwDOMException("DataError", "An Ed25519 public key is 32 bytes")
		}
		return st.newPublicKey(ed25519.PublicKey(x))
	default:
		st.throwDOMException("DataError", "Unsupported JWK key type "+kty)
	}
	return goja.Undefined()
}

func (st *runtimeState) argPublicKey(call goja.FunctionCall, i int) *publicKey {
	k, ok := call.Argument(i).Export().(*publicKey)
	if !ok {
		panic(st.vm.NewTypeError("expected a public CryptoKey handle"))
	}
	return k
}

// subtlePublicInfoNative(handle) describes the key for its CryptoKey's algorithm:
// {kind: "RSA", modulusLength, publicExponent}, {kind: "EC", namedCurve} or {kind: "Ed25519"}.
func (st *runtimeState) subtlePublicInfoNative(call goja.FunctionCall) goja.Value {
	info := st.vm.NewObject()
	switch k := st.argPublicKey(call, 0).key.(type) {
	case *rsa.PublicKey:
		_ = info.Set("kind", "RSA")
		_ = info.Set("modulusLength", k.N.BitLen())
		_ = info.Set("publicExponent", st.newUint8Array(big.NewInt(int64(k.E)).Bytes()))
	case *ecdsa.PublicKey:
		_ = info.Set("kind", "EC")
		_ = info.Set("namedCurve", k.Curve.Params().Name)
	case ed25519.PublicKey:
		_ = info.Set("kind", "Ed25519")
	}
	return info
}

// subtleVerifySigNative(hashName, handle, signature, data) checks a signature with the key's
// scheme: RSASSA-PKCS1-v1_5, ECDSA (r and s concatenated, as Web Crypto has them) or Ed25519
// (hashName unused).
func (st *runtimeState) subtleVerifySigNative(call goja.FunctionCall) goja.Value {
	sig, data := st.argBytes(call, 2), st.argBytes(call, 3)
	switch k := st.argPublicKey(call, 1).key.(type) {
	case ed25519.PublicKey:
		return st.vm.ToValue(ed25519.Verify(k, data, sig))
	case *rsa.PublicKey:
		h := cryptoHashes[call.Argument(0).String()]
		return st.vm.ToValue(rsa.VerifyPKCS1v15(k, h, st.hashOf(h, data), sig) == nil)
	case *ecdsa.PublicKey:
		h := cryptoHashes[call.Argument(0).String()]
		size := (k.Curve.Params().BitSize + 7) / 8
		if len(sig) != 2*size {
			return st.vm.ToValue(false)
		}
		r, s := new(big.Int).SetBytes(sig[:size]), new(big.Int).SetBytes(sig[size:])
		return st.vm.ToValue(ecdsa.Verify(k, st.hashOf(h, data), r, s))
	}
	return st.vm.ToValue(false)
}

func (st *runtimeState) hashOf(h crypto.Hash, data []byte) []byte {
	if !h.Available() {
		st.throwDOMException("NotSupportedError", "Unrecognized hash algorithm")
	}
	d := h.New()
	d.Write(data)
	return d.Sum(nil)
}
