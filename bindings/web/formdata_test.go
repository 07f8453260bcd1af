package web

import (
	"net/http"
	"testing"
)

func TestFormDataJS(t *testing.T) {
	runCases(t, []jsCase{
		{"entries", `
			const f = new FormData();
			f.append("a", "1"); f.append("b", "2"); f.append("a", "3");
			f.set("b", "4");
			const before = f.getAll("a");
			f.delete("a");
			return [before, f.get("b"), f.has("a"), f.get("missing"), [...f]];`,
			`[["1","3"],"4",false,null,[["b","4"]]]`},
		{"Blob values become Files", `
			const f = new FormData();
			f.append("file", new Blob(["x"], {type: "text/plain"}), "x.txt");
			f.append("anon", new Blob(["y"]));
			const file = f.get("file");
			return [file instanceof File, file.name, file.type, f.get("anon").name, await file.text()];`,
			`[true,"x.txt","text/plain","blob","x"]`},
		{"multipart round trip", `
			const f = new FormData();
			f.append("text", "line1\nline2");
			f.append("upload", new File([new Uint8Array([0, 255])], "a\"b.bin", {type: "application/x-bin"}));
			const r = new Response(f);
			const ct = r.headers.get("content-type");
			const back = await r.formData();
			const up = back.get("upload");
			return [ct.startsWith("multipart/form-data; boundary="), back.get("text"), up.name, up.type, [...await up.bytes()]];`,
			`[true,"line1\r\nline2","a\"b.bin","application/x-bin",[0,255]]`},
		{"urlencoded", `
			const r = new Request("http://x.test", {method: "POST", body: new URLSearchParams("a=1&b=x+y&a=2")});
			const f = await r.formData();
			return [f.getAll("a"), f.get("b")];`,
			`[["1","2"],"x y"]`},
		{"other content types reject", `return new Response("x").formData().then(() => "ok", (e) => e.message);`,
			`"Response.formData: Could not parse content as FormData."`},
	})
}

func TestFormDataFromGoRequest(t *testing.T) {
	vm := newVM(t)
	body := "--XyZ\r\nContent-Disposition: form-data; name=\"field\"\r\n\r\nvalue\r\n" +
		"--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"n.txt\"\r\n\r\nfile body\r\n--XyZ--\r\n"
	req, err := NewRequest(vm, "POST", "http://h/upload", http.Header{"Content-Type": {"multipart/form-data; boundary=XyZ"}}, []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if err := vm.Set("req", req); err != nil {
		t.Fatal(err)
	}
	got := settle(t, vm, `
		const f = await req.formData();
		const file = f.get("f");
		return [f.get("field"), file.name, file.type, await file.text()];`)
	if want := `["value","n.txt","text/plain","file body"]`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
