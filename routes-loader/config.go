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
	source := fmt.Sprintf("import * as config from %s;\nglobalThis.__azote_config(config.default);\n", quoteJS("./"+name))
	result := api.Build(appOptions(dir, configEntryName, source))
	if len(result.Errors) > 0 {
		return "", newBuildError(result.Errors)
	}
	if len(result.OutputFiles) != 1 {
		return "", fmt.Errorf("bundle %s: esbuild wrote %d files, want 1", name, len(result.OutputFiles))
	}
	return string(result.OutputFiles[0].Contents), nil
}
