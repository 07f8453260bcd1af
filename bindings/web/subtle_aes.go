package web

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/subtle"

	"github.com/dop251/goja"
)

const gcmFullTag = 16

func (st *runtimeState) aesBlock(k *secretKey) cipher.Block {
	block, err := aes.NewCipher(k.bytes)
	if err != nil {
		st.throwDOMException("OperationError", "AES: "+err.Error())
	}
	return block
}

// subtleAESGCMNative(encrypt, handle, iv, additionalData, tagBytes, data) seals or opens data.
// Web Crypto allows tags of 4 and 8 bytes, which Go's GCM does not make; a short tag is the
// full tag truncated, so sealing truncates and opening recomputes the full tag from the
// plaintext (the keystream is the sealing of zeros under the same IV) and compares its prefix.
func (st *runtimeState) subtleAESGCMNative(call goja.FunctionCall) goja.Value {
	encrypt := call.Argument(0).ToBoolean()
	iv, aad, data := st.argBytes(call, 2), st.argBytes(call, 3), st.argBytes(call, 5)
	tag := int(call.Argument(4).ToInteger())
	if len(iv) == 0 {
		st.throwDOMException("OperationError", "AES-GCM: the iv is empty")
	}
	gcm, err := cipher.NewGCMWithNonceSize(st.aesBlock(st.argKey(call, 1)), len(iv))
	if err != nil {
		st.throwDOMException("OperationError", "AES-GCM: "+err.Error())
	}
	if encrypt {
		sealed := gcm.Seal(nil, iv, data, aad)
		return st.newArrayBuffer(sealed[:len(data)+tag])
	}
	if len(data) < tag {
		st.throwDOMException("OperationError", "AES-GCM: the data is shorter than the tag")
	}
	body, got := data[:len(data)-tag], data[len(data)-tag:]
	if tag == gcmFullTag {
		plain, err := gcm.Open(nil, iv, data, aad)
		if err != nil {
			st.throwDOMException("OperationError", "AES-GCM: the data or its tag is not authentic")
		}
		return st.newArrayBuffer(plain)
	}
	keystream := gcm.Seal(nil, iv, make([]byte, len(body)), nil)[:len(body)]
	plain := make([]byte, len(body))
	subtle.XORBytes(plain, body, keystream)
	want := gcm.Seal(nil, iv, plain, aad)[len(body):][:tag]
	if subtle.ConstantTimeCompare(want, got) != 1 {
		st.throwDOMException("OperationError", "AES-GCM: the data or its tag is not authentic")
	}
	return st.newArrayBuffer(plain)
}

// subtleAESCBCNative(encrypt, handle, iv, data) encrypts with PKCS#7 padding, or decrypts and
// removes it.
func (st *runtimeState) subtleAESCBCNative(call goja.FunctionCall) goja.Value {
	encrypt := call.Argument(0).ToBoolean()
	block := st.aesBlock(st.argKey(call, 1))
	iv, data := st.argBytes(call, 2), st.argBytes(call, 3)
	if len(iv) != aes.BlockSize {
		st.throwDOMException("OperationError", "AES-CBC: the iv must be 16 bytes")
	}
	if encrypt {
		pad := aes.BlockSize - len(data)%aes.BlockSize
		out := append(append([]byte{}, data...), make([]byte, pad)...)
		for i := len(data); i < len(out); i++ {
			out[i] = byte(pad)
		}
		cipher.NewCBCEncrypter(block, iv).CryptBlocks(out, out)
		return st.newArrayBuffer(out)
	}
	if len(data) == 0 || len(data)%aes.BlockSize != 0 {
		st.throwDOMException("OperationError", "AES-CBC: the data is not a whole number of blocks")
	}
	out := make([]byte, len(data))
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(out, data)
	pad := int(out[len(out)-1])
	if pad == 0 || pad > aes.BlockSize || subtle.ConstantTimeCompare(out[len(out)-pad:], bytes.Repeat([]byte{byte(pad)}, pad)) != 1 {
		st.throwDOMException("OperationError", "AES-CBC: the padding is not PKCS#7")
	}
	return st.newArrayBuffer(out[:len(out)-pad])
}

// subtleAESCTRNative(handle, counter, lengthBits, data) encrypts or decrypts (the same thing).
// Only the counter block's rightmost lengthBits bits count, wrapping to zero, so Go's CTR
// (which carries into the whole block) cannot be used as is.
func (st *runtimeState) subtleAESCTRNative(call goja.FunctionCall) goja.Value {
	block := st.aesBlock(st.argKey(call, 0))
	counter, data := append([]byte{}, st.argBytes(call, 1)...), st.argBytes(call, 3)
	bits := int(call.Argument(2).ToInteger())
	if len(counter) != aes.BlockSize || bits < 1 || bits > 128 {
		st.throwDOMException("OperationError", "AES-CTR: the counter must be 16 bytes and the length 1 to 128")
	}
	blocks := (len(data) + aes.BlockSize - 1) / aes.BlockSize
	if bits < 64 && uint64(blocks) > uint64(1)<<bits {
		st.throwDOMException("OperationError", "AES-CTR: the data would reuse a counter value")
	}
	out := make([]byte, len(data))
	keystream := make([]byte, aes.BlockSize)
	for off := 0; off < len(data); off += aes.BlockSize {
		block.Encrypt(keystream, counter)
		subtle.XORBytes(out[off:], data[off:], keystream)
		incrementCounter(counter, bits)
	}
	return st.newArrayBuffer(out)
}

// incrementCounter adds one to the rightmost bits bits of counter, leaving the rest alone.
func incrementCounter(counter []byte, bits int) {
	for i := len(counter) - 1; bits > 0; i-- {
		width := min(bits, 8)
		mask := byte(0xFF >> (8 - width))
		low := (counter[i] + 1) & mask
		counter[i] = counter[i]&^mask | low
		if low != 0 {
			return
		}
		bits -= width
	}
}
