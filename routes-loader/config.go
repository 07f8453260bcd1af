package loader

import (
	"fmt"

	"github.com/evanw/esbuild/pkg/api"
)

const configEntryName = "azote-config.js"

// BuildConfig bundles the app's nitro.config file (name relative to dir) like a route: TS,
// imports from node_modules and the host modules. Evaluating the script calls
// globalThis.__azote_config(config) once with the file's default export.
func BuildConfig(dir, name string) (string, error) {
	result := api.Build(api.BuildOptions{
		Stdin: &api.StdinOptions{
			Contents:   fmt.Sprintf("import * as config from %s;\nglobalThis.__azote_config(config.default);\n", quoteJS("./"+name)),
			ResolveDir: dir,
			Sourcefile: configEntryName,
			Loader:     api.LoaderJS,
		},
		Bundle:         true,
		Format:         api.FormatIIFE,
		Target:         api.ES2017,
		Supported:      map[string]bool{"bigint": true},
		Platform:       api.PlatformNeutral,
		MainFields:     []string{"module", "main"},
		Conditions:     []string{"node", "import", "default"},
		Sourcemap:      api.SourceMapInline,
		SourcesContent: api.SourcesContentInclude,
		AbsWorkingDir:  dir,
		LogLevel:       api.LogLevelSilent,
		Charset:        api.CharsetUTF8,
		Plugins:        []api.Plugin{hostPlugin()},
	})
	if len(result.Errors) > 0 {
		return "", newBuildError(result.Errors)
	}
	if len(result.OutputFiles) != 1 {
		return "", fmt.Errorf("bundle %s: esbuild wrote %d files, want 1", name, len(result.OutputFiles))
	}
	return string(result.OutputFiles[0].Contents), nil
}
