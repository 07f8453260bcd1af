package azote

import (
	"net/http"
	"strings"
	"testing"
)

// SPEC 9: nitro.config.ts keys and NITRO_ overrides of runtimeConfig.
func TestConfig(t *testing.T) {
	t.Setenv("NITRO_API_TOKEN", "from-env")
	t.Setenv("NITRO_NESTED_LEVEL", "2")
	ts := start(t, "testdata/configapp", Options{Dev: true})
	status, _, body := ts.get("/config")
	want := `{"apiToken":"from-env","nested":{"level":2,"name":"x"},"public":{"siteName":"azote"}}`
	if status != 200 || body != want {
		t.Errorf("useRuntimeConfig(): %d %s, want %s", status, body, want)
	}
	if _, _, body := ts.get("/v1/ping"); body != "pong" {
		t.Errorf("apiDir + apiBaseURL: %q", body)
	}
	// azote.maxBodyBytes from the config.
	resp, err := http.Post(ts.url("/config"), "text/plain", strings.NewReader(strings.Repeat("x", 200)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 413 {
		t.Errorf("azote.maxBodyBytes: %d", resp.StatusCode)
	}
	if !strings.Contains(ts.logs.String(), "compatibilityDate") {
		t.Errorf("ignored keys are not named in the dev log")
	}
}

func TestUpperSnake(t *testing.T) {
	for in, want := range map[string]string{"apiToken": "API_TOKEN", "api-token": "API_TOKEN", "level": "LEVEL", "siteURL": "SITE_URL", "a1B": "A1_B"} {
		if got := upperSnake(in); got != want {
			t.Errorf("upperSnake(%q) = %q, want %q", in, got, want)
		}
	}
}

// serverDir: true is Nitro 3's spelling of "server" (its example apps use it), with a server
// entry at the root next to it.
func TestConfigServerDirTrue(t *testing.T) {
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{
		"nitro.config.ts":         "export default { serverDir: true };\n",
		"server/routes/api/hi.ts": httpRoute("hi"),
		"routes/not-scanned.ts":   httpRoute("wrong folder"),
		"server.ts":               "export default { fetch: () => new Response('entry') };\n",
	})
	ts := start(t, dir, Options{})
	if status, _, body := ts.get("/api/hi"); status != 200 || body != "hi" {
		t.Errorf("GET /api/hi: %d %q", status, body)
	}
	if _, _, body := ts.get("/not-scanned"); body != "entry" {
		t.Errorf("GET /not-scanned: %q, want the entry's answer (routes/ outside server/ is not scanned)", body)
	}
}
