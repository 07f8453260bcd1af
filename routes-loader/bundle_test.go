package loader

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// buildApp writes files into a fresh app folder, scans and bundles it.
func buildApp(t *testing.T, files map[string]string) (*App, *Bundle, error) {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, files)
	app, err := Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Build(app)
	return app, b, err
}

// hostJS stands in for the engine's globals: every host module is an object naming itself,
// with identity define* helpers; registration lands in globalThis.registered.
const hostJS = `
globalThis.hostCalls = [];
globalThis.hostObjects = {};
globalThis.__azote_host = (name) => {
  hostCalls.push(name);
  const o = { name, defineHandler: (h) => h, defineWebSocketHandler: (h) => h, publish: () => "published" };
  hostObjects[name] = o;
  return o;
};
globalThis.__azote_register = (x) => { globalThis.registered = x; };
`

// evalBundle runs the bundle in a new goja runtime the way the engine will.
func evalBundle(t *testing.T, code string) *goja.Runtime {
	t.Helper()
	vm := goja.New()
	if _, err := vm.RunString(hostJS); err != nil {
		t.Fatal(err)
	}
	prg, err := goja.Compile("bundle.js", code, false)
	if err != nil {
		t.Fatalf("compile bundle: %v", err)
	}
	if _, err := vm.RunProgram(prg); err != nil {
		t.Fatalf("run bundle: %v", err)
	}
	return vm
}

func mustRun(t *testing.T, vm *goja.Runtime, js string) goja.Value {
	t.Helper()
	v, err := vm.RunString(js)
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

func TestBuildSharedModuleOnce(t *testing.T) {
	app, b, err := buildApp(t, map[string]string{
		"lib/counter.ts":  "export const counter = { n: 0 };\nconsole.log('counter module evaluated');\n",
		"routes/a.ts":     "import { counter } from '../lib/counter';\nexport default () => { counter.n++; return counter; };\n",
		"routes/b.ts":     "import { counter } from '../lib/counter.ts';\nexport default () => { counter.n++; return counter; };\n",
		"middleware/m.js": "import { counter } from '../lib/counter';\nexport default () => counter;\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.Code, "counter module evaluated"); n != 1 {
		t.Errorf("shared module appears %d times in the bundle", n)
	}
	vm := evalBundle(t, strings.Replace(b.Code, "console.log(", "(() => {})(", 1))
	if got := mustRun(t, vm, "registered.routes.length + ',' + registered.middleware.length").String(); got != "2,1" {
		t.Fatalf("registered routes,middleware = %s (app routes %v)", got, app.Routes)
	}
	got := mustRun(t, vm, `
		const a = registered.routes[0](), b = registered.routes[1]();
		[a === b, a === registered.middleware[0](), a.n].join()`).String()
	if got != "true,true,2" {
		t.Errorf("shared state: %s, want true,true,2", got)
	}
}

func TestBuildTypeScript(t *testing.T) {
	_, b, err := buildApp(t, map[string]string{
		"routes/ts.ts": `import type { Peer } from "crossws";
import { type Message } from "crossws";
enum Color { Red = 1, Green }
interface Box<T> { value: T }
type Id = string | number;
abstract class Base { abstract name(): string }
class Impl extends Base {
  private readonly n: number;
  constructor(public tag: Id) { super(); this.n = 3; }
  name(): string { return ` + "`${this.tag}:${this.n}`" + `; }
}
const box = { value: 41 } satisfies Box<number>;
function first<T>(xs: T[]): T | undefined { return xs[0]; }
export default (p?: Peer, m?: Message): string => {
  const o = { a: { b: box.value as number } };
  return [Color.Green, new Impl("x").name(), first<number>([o?.a?.b ?? 0]) + 1, { ...o }.a.b].join("|");
};
`,
	})
	if err != nil {
		t.Fatal(err)
	}
	vm := evalBundle(t, b.Code)
	if got := mustRun(t, vm, "registered.routes[0]()").String(); got != "2|x:3|42|41" {
		t.Errorf("TS route returned %q", got)
	}
	// Type-only imports must not reach the host.
	if got := mustRun(t, vm, "hostCalls.join()").String(); got != "" {
		t.Errorf("host modules loaded for type-only imports: %q", got)
	}
}

func TestBuildNodeModules(t *testing.T) {
	_, b, err := buildApp(t, map[string]string{
		"node_modules/tiny/package.json":     `{"name":"tiny","main":"./index.cjs","module":"./index.mjs"}`,
		"node_modules/tiny/index.mjs":        "export const who = 'module';\nexport default function hi() { return 'hi'; }\n",
		"node_modules/tiny/index.cjs":        "exports.who = 'main';\n",
		"node_modules/cjs-only/package.json": `{"name":"cjs-only","main":"lib.js"}`,
		"node_modules/cjs-only/lib.js":       "module.exports = function add(a, b) { return a + b; };\n",
		"node_modules/cond/package.json":     `{"name":"cond","exports":{".":{"browser":"./browser.js","import":"./esm.mjs","default":"./cjs.js"},"./sub":"./sub.js"}}`,
		"node_modules/cond/esm.mjs":          "export const kind = 'import';\n",
		"node_modules/cond/cjs.js":           "exports.kind = 'default';\n",
		"node_modules/cond/browser.js":       "exports.kind = 'browser';\n",
		"node_modules/cond/sub.js":           "export const sub = 'sub';\n",
		"routes/npm.ts": `import hi, { who } from "tiny";
import add from "cjs-only";
import { kind } from "cond";
import { sub } from "cond/sub";
export default () => [hi(), who, add(1, 2), kind, sub].join();
`,
	})
	if err != nil {
		t.Fatal(err)
	}
	vm := evalBundle(t, b.Code)
	if got := mustRun(t, vm, "registered.routes[0]()").String(); got != "hi,module,3,import,sub" {
		t.Errorf("npm route returned %q", got)
	}
	var names []string
	for _, p := range b.Inputs {
		if !filepath.IsAbs(p) {
			t.Errorf("input %q is not absolute", p)
		}
		if _, err := os.Stat(p); err != nil {
			t.Errorf("input %q: %v", p, err)
		}
		names = append(names, filepath.Base(filepath.Dir(p))+"/"+filepath.Base(p))
	}
	want := "cjs-only/lib.js,cond/esm.mjs,cond/sub.js,tiny/index.mjs,routes/npm.ts"
	if got := strings.Join(names, ","); got != want {
		t.Errorf("Inputs = %s, want %s", got, want)
	}
}

func TestBuildHostModules(t *testing.T) {
	var imports, names []string
	for i, m := range HostModules {
		imports = append(imports, fmt.Sprintf("import * as h%d from %q;", i, m))
		names = append(names, fmt.Sprintf("h%d.name", i))
	}
	_, b, err := buildApp(t, map[string]string{
		"routes/all.ts": strings.Join(imports, "\n") + "\nexport default () => [" + strings.Join(names, ", ") + "].join();\n",
		"routes/ws.ts": `import { defineWebSocketHandler } from "nitro";
export default defineWebSocketHandler({ open() {} });
`,
	})
	if err != nil {
		t.Fatal(err)
	}
	vm := evalBundle(t, b.Code)
	if got := mustRun(t, vm, "registered.routes[0]()").String(); got != strings.Join(HostModules, ",") {
		t.Errorf("host module names = %q", got)
	}
	// The hooks object comes back untouched through the host's identity define function.
	if got := mustRun(t, vm, "typeof registered.routes[1].open").String(); got != "function" {
		t.Errorf("default export of ws.ts: open is %s", got)
	}
	// Each host module is requested once per evaluation, however many files import it.
	want := slices.Sorted(slices.Values(HostModules))
	if got := mustRun(t, vm, "hostCalls.slice().sort().join()").String(); got != strings.Join(want, ",") {
		t.Errorf("__azote_host calls = %q, want %q", got, want)
	}
	for _, in := range b.Inputs {
		if strings.Contains(in, "azote-host") || strings.HasSuffix(in, entryName) {
			t.Errorf("non-file input %q", in)
		}
	}
}

func TestBuildHostNamedImportCheck(t *testing.T) {
	_, b, err := buildApp(t, map[string]string{
		"routes/ws.ts": `import { defineWebSocketHandler, defineHandler } from "nitro";
import nitro from "nitro";
import * as h3 from "h3";
import { publish } from "azote";
export default () => [
  defineWebSocketHandler === hostObjects["nitro"].defineWebSocketHandler,
  defineHandler === hostObjects["nitro"].defineHandler,
  nitro === hostObjects["nitro"],
  h3.name === "h3",
  publish() === "published",
].join();
`,
	})
	if err != nil {
		t.Fatal(err)
	}
	vm := evalBundle(t, b.Code)
	if got := mustRun(t, vm, "registered.routes[0]()").String(); got != "true,true,true,true,true" {
		t.Errorf("host imports: %s", got)
	}
}

// With HostExports, a host module is an ES module with those names: named, default and
// namespace imports see the host's object, it is asked for once however many files import it,
// and a name it lacks fails the build, naming the module and the name.
func TestBuildHostExports(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"routes/a.ts": `import { defineHandler, publish } from "nitro";
import nitro from "nitro";
import * as ns from "nitro";
export default () => [defineHandler === hostObjects["nitro"].defineHandler, nitro === hostObjects["nitro"],
  ns.publish === publish, Object.keys(ns).sort().join("+")].join();
`,
		"routes/b.ts": `import { defineHandler } from "nitro";
export default defineHandler(() => "b");
`,
	})
	app, err := Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	app.HostExports = map[string][]string{"nitro": {"defineHandler", "publish"}}
	b, err := Build(app)
	if err != nil {
		t.Fatal(err)
	}
	vm := evalBundle(t, b.Code)
	if got := mustRun(t, vm, "registered.routes[0]()").String(); got != "true,true,true,default+defineHandler+publish" {
		t.Errorf("host imports: %s", got)
	}
	if got := mustRun(t, vm, "hostCalls.join()").String(); got != "nitro" {
		t.Errorf("__azote_host calls = %q", got)
	}

	writeFiles(t, dir, map[string]string{"routes/c.ts": `import { readValidatedBodyy } from "nitro";
export default () => readValidatedBodyy;
`})
	if app, err = Scan(dir); err != nil {
		t.Fatal(err)
	}
	app.HostExports = map[string][]string{"nitro": {"defineHandler", "publish"}}
	// The route importing a missing name is broken on its own; the others still build.
	b, err = Build(app)
	if err != nil {
		t.Fatal(err)
	}
	be := b.Broken["routes/c.ts"]
	if be == nil || !strings.Contains(be.Error(), "readValidatedBodyy") || !strings.Contains(be.Error(), "routes/c.ts") {
		t.Errorf("importing a missing name: Broken = %v", b.Broken)
	}
	if len(b.Broken) != 1 {
		t.Errorf("Broken = %v, want only routes/c.ts", b.Broken)
	}
}

func TestBuildLowersAsyncGenerators(t *testing.T) {
	_, b, err := buildApp(t, map[string]string{
		"routes/gen.ts": `async function* ticks(n: number) {
  for (let i = 0; i < n; i++) { await null; yield i; }
}
export default async () => {
  const out: number[] = [];
  for await (const x of ticks(3)) out.push(x);
  for await (const y of [Promise.resolve(10), 11]) out.push(y);
  return out.join() + "|" + 10n * 2n;
};
`,
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.Code, "async function*") || strings.Contains(b.Code, "for await") {
		t.Error("bundle still has async generators or for-await")
	}
	vm := evalBundle(t, b.Code)
	mustRun(t, vm, "registered.routes[0]().then((v) => { globalThis.result = v; }, (e) => { globalThis.result = 'rejected: ' + e; })")
	// goja runs promise jobs before RunString returns.
	if got := mustRun(t, vm, "globalThis.result").String(); got != "0,1,2,10,11|20" {
		t.Errorf("async generator route resolved to %q", got)
	}
}

func TestBuildMissingDefaultExport(t *testing.T) {
	app, b, err := buildApp(t, map[string]string{
		"routes/none.ts":               "export const x = 1;\n",
		"routes/side.js":               "globalThis.sideEffect = true;\n",
		"routes/legacy.cjs":            "module.exports = () => 'cjs';\n",
		"routes/[weird (name)]/x y.ts": "export default () => 'weird';\n",
		`routes/(g)/q"uote's.ts`:       "export default () => 'quote';\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	vm := evalBundle(t, b.Code)
	// A file with neither import nor export is CommonJS to esbuild: its default is module.exports.
	got := mustRun(t, vm, `registered.routes.map((r) => typeof r === "function" ? r() : r === undefined ? "undefined" : JSON.stringify(r)).join()`).String()
	if want := "quote,weird,cjs,undefined,{}"; got != want {
		t.Errorf("routes = %s, want %s (files %v)", got, want, app.Routes)
	}
	if !mustRun(t, vm, "globalThis.sideEffect === true").ToBoolean() {
		t.Error("side-effect-only route was not evaluated")
	}
}

func TestBuildSyntaxError(t *testing.T) {
	const badLine = "  const x = 1 2;"
	_, b, err := buildApp(t, map[string]string{
		"routes/ok.ts":  "export default () => 1;\n",
		"routes/bad.ts": "// comment\nexport default () => {\n" + badLine + "\n};\n",
	})
	if err != nil {
		t.Fatalf("err = %v, want the good route built and routes/bad.ts in Broken", err)
	}
	be := b.Broken["routes/bad.ts"]
	if be == nil || len(b.Broken) != 1 {
		t.Fatalf("Broken = %v, want routes/bad.ts only", b.Broken)
	}
	err = be
	col := strings.Index(badLine, "2") + 1
	m := be.Messages[0]
	if m.File != "routes/bad.ts" || m.Line != 3 || m.Column != col || m.LineText != badLine {
		t.Errorf("message = %+v, want routes/bad.ts:3:%d", m, col)
	}
	want := fmt.Sprintf("routes/bad.ts:3:%d: error: %s\n    3 | %s\n      | %s^", col, m.Text, badLine, strings.Repeat(" ", col-1))
	if got := err.Error(); got != want {
		t.Errorf("Error() =\n%s\nwant\n%s", got, want)
	}
	t.Logf("syntax error:\n%s", err)
}

// Top-level await in a route and in a library it imports: the modules evaluate in order,
// each awaiting, and registration comes once they have settled; a rejection breaks only the
// routes whose modules awaited it.
func TestBuildTopLevelAwait(t *testing.T) {
	app, b, err := buildApp(t, map[string]string{
		"lib/data.ts":    "export const data = await Promise.resolve(42);\n",
		"routes/a.ts":    "import { defineHandler } from 'nitro';\nimport { data } from '../lib/data';\nconst mine = await Promise.resolve('a');\nexport default defineHandler(() => mine + data);\n",
		"routes/b.ts":    "import { data } from '../lib/data';\nexport default () => 'b' + data;\n",
		"routes/bad.ts":  "await Promise.reject(new Error('tla boom'));\nexport default () => 'never';\n",
		"routes/sync.ts": "export default () => 'sync';\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	vm := evalBundle(t, b.Code)
	got := mustRun(t, vm, `registered.routes.map((r) => r()).join() + " " + registered.errors.map((e) => e && e.message).join()`).String()
	if want := "a42,b42,,sync ,,tla boom"; got != want {
		t.Errorf("routes and errors = %q, want %q (files %v)", got, want, app.Routes)
	}
}

// nitro.config is still one synchronous script: a top-level await there is a clear error.
func TestConfigTopLevelAwait(t *testing.T) {
	dir := t.TempDir()
	const line = "const v = await Promise.resolve(1);"
	writeFiles(t, dir, map[string]string{"nitro.config.ts": line + "\nexport default { v };\n"})
	_, err := BuildConfig(dir, "nitro.config.ts")
	want := fmt.Sprintf("nitro.config.ts:1:%d: error: Top-level await is not supported in nitro.config", strings.Index(line, "await")+1)
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("err = %v, want prefix %q", err, want)
	}
}

func TestBuildUnresolvedImport(t *testing.T) {
	_, _, err := buildApp(t, map[string]string{
		"routes/x.ts": "import { a } from 'not-installed';\nimport fs from 'fs';\nexport default () => [a, fs];\n",
	})
	var be *BuildError
	if !errors.As(err, &be) || len(be.Messages) != 2 {
		t.Fatalf("err = %v, want 2 messages", err)
	}
	if !strings.HasPrefix(err.Error(), "routes/x.ts:1:19: error: Could not resolve \"not-installed\"") {
		t.Errorf("Error() = %q", err)
	}
}

func TestBuildStackTraceIsSourceMapped(t *testing.T) {
	const throwLine = "    throw new Error(\"boom \" + n);"
	_, b, err := buildApp(t, map[string]string{
		"routes/x.ts": `import { defineHandler } from "nitro";
interface Ctx { n: number }
function explode(c: Ctx): never {
  const n: number = c.n;
` + throwLine + `
}
export default defineHandler((event: Ctx) => {
  return explode(event);
});
`,
	})
	if err != nil {
		t.Fatal(err)
	}
	const mapPrefix = "//# sourceMappingURL=data:application/json;base64,"
	i := strings.LastIndex(b.Code, mapPrefix)
	if i < 0 {
		t.Fatal("no inline source map")
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(b.Code[i+len(mapPrefix):]))
	if err != nil {
		t.Fatal(err)
	}
	var sm struct{ Sources, SourcesContent []string }
	if err := json.Unmarshal(raw, &sm); err != nil {
		t.Fatal(err)
	}
	if k := slices.Index(sm.Sources, "routes/x.ts"); k < 0 || !strings.Contains(sm.SourcesContent[k], throwLine) {
		t.Errorf("source map sources %q lack routes/x.ts with its content", sm.Sources)
	}

	vm := evalBundle(t, b.Code)
	_, err = vm.RunString("registered.routes[0]({ n: 7 })")
	var ex *goja.Exception
	if !errors.As(err, &ex) {
		t.Fatalf("err = %v (%T), want *goja.Exception", err, err)
	}
	stack := ex.String()
	t.Logf("goja stack:\n%s", stack)
	// goja prints source-mapped columns 0-based (the raw source map column): "new" here.
	col0 := strings.Index(throwLine, "new")
	for _, want := range []string{
		"Error: boom 7\n",
		fmt.Sprintf("\tat explode (routes/x.ts:5:%d(", col0),
		"\tat routes/x.ts:8:", // the anonymous handler
	} {
		if !strings.Contains(stack, want) {
			t.Errorf("stack lacks %q:\n%s", want, stack)
		}
	}
	if got := mustRun(t, vm, `(() => { try { registered.routes[0]({ n: 1 }) } catch (e) { return e.stack } })()`).String(); !strings.Contains(got, "at explode (routes/x.ts:5:") {
		t.Errorf("e.stack = %q", got)
	}
}
