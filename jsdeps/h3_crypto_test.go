package jsdeps_test

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/azote-dev/azote/bindings/jsdeps"
)

// TestH3BundleCryptoHelpers: the real h3's helpers that stand on crypto.subtle and
// URL.canParse run on azote's globals: a session sealed into a cookie (PBKDF2, AES, HMAC)
// unseals on the next request, a tampered cookie starts a new session, the request
// fingerprint is the SHA-256 of its parts, and redirectBack keeps a same-origin referer.
func TestH3BundleCryptoHelpers(t *testing.T) {
	vm := newWebRuntime(t)
	loadAs(t, vm, jsdeps.H3, "h3")
	_, err := vm.RunString(`
		globalThis.result = "pending";
		const password = "a password of at least thirty-two characters";
		const app = new h3.H3()
			.get("/count", async (event) => {
				const session = await h3.useSession(event, { password });
				await session.update({ count: (session.data.count ?? 0) + 1 });
				return { count: session.data.count };
			})
			.get("/fingerprint", (event) => h3.getRequestFingerprint(event, { ip: false, method: true, userAgent: true }))
			.get("/back", (event) => h3.redirectBack(event, { allowQuery: true }));
		const get = (path, headers = {}) => Promise.resolve(app.fetch(new Request("http://localhost" + path, { headers })));
		(async () => {
			const first = await get("/count");
			const cookie = first.headers.get("set-cookie").split(";")[0];
			const second = await get("/count", { cookie });
			const tampered = await get("/count", { cookie: cookie.slice(0, -4) + "AAAA" });
			const fingerprint = await get("/fingerprint", { "user-agent": "test-agent" });
			const back = await get("/back", { referer: "http://localhost/came/from?x=1" });
			const foreign = await get("/back", { referer: "http://elsewhere.test/" });
			result = JSON.stringify([await first.json(), await second.json(), await tampered.json(),
				await fingerprint.text(), back.headers.get("location"), foreign.headers.get("location")]);
		})().catch((e) => { result = "error: " + e + "\n" + e.stack; });
	`)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte("GET|test-agent"))
	want := `[{"count":1},{"count":2},{"count":1},"` + hex.EncodeToString(sum[:]) + `","/came/from?x=1","/"]`
	if got := vm.Get("result").String(); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}
