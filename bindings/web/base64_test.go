package web

import (
	"testing"
)

func TestBase64JS(t *testing.T) {
	runCases(t, []jsCase{
		{"round trip", `return [btoa("hello"), atob("aGVsbG8="), atob(btoa("\u00ff\u0000\u0080")) === "\u00ff\u0000\u0080", btoa("")];`,
			`["aGVsbG8=","hello",true,""]`},
		{"forgiving decode", `return [atob("aGVsbG8"), atob(" aG Vs\nbG8=\t"), atob("YQ"), atob("YR==")];`,
			`["hello","hello","a","a"]`},
		{"Latin-1 output", `return [...atob("/w==")].map((c) => c.charCodeAt(0));`, `[255]`},
		{"atob rejects bad length", `atob("a");`,
			`throws InvalidCharacterError: The string to be decoded is not correctly encoded.`},
		{"atob rejects bad characters", `atob("ab$d");`,
			`throws InvalidCharacterError: The string to be decoded is not correctly encoded.`},
		{"atob rejects misplaced padding", `atob("a=bc");`,
			`throws InvalidCharacterError: The string to be decoded is not correctly encoded.`},
		{"btoa rejects characters above U+00FF", `btoa("€");`, `throws InvalidCharacterError: Invalid character`},
		{"error is a DOMException with code 5", `
			try { btoa("\u0100"); } catch (e) { return [e instanceof DOMException, e instanceof Error, e.code, e.name]; }`,
			`[true,true,5,"InvalidCharacterError"]`},
		{"argument required", `atob();`, `throws TypeError: The "data" argument must be specified`},
	})
}
