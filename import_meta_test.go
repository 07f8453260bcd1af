package azote

import "testing"

// Nitro's import.meta flags and build-suffixed route files follow the mode: `azote dev`
// (Dev) has import.meta.dev true and serves x.dev.ts, `azote serve` the other way round.
func TestImportMetaAndBuildSuffixes(t *testing.T) {
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{
		"routes/meta.ts": `import { defineHandler } from "nitro";
export default defineHandler(() => [import.meta.dev, import.meta.server, import.meta.client, import.meta.preset].join());
`,
		"routes/debug.get.dev.ts":  httpRoute("dev only"),
		"routes/debug.get.prod.ts": httpRoute("prod only"),
	})
	for _, dev := range []bool{true, false} {
		ts := start(t, dir, Options{Dev: dev})
		wantMeta, wantDebug := "false,true,false,node-server", "prod only"
		if dev {
			wantMeta, wantDebug = "true,true,false,node-server", "dev only"
		}
		if status, _, body := ts.get("/meta"); status != 200 || body != wantMeta {
			t.Errorf("dev=%v /meta: %d %q, want %q", dev, status, body, wantMeta)
		}
		if status, _, body := ts.get("/debug"); status != 200 || body != wantDebug {
			t.Errorf("dev=%v /debug: %d %q, want %q", dev, status, body, wantDebug)
		}
	}
}
