// Command build turns the npm packages pinned in jsdeps/package-lock.json into the generated
// folder bindings/jsdeps: one bundle per entry file in jsdeps/entries, the licence texts of
// every package a bundle holds, versions.json, and a Go file that embeds the bundles and
// compiles each into one goja Program per process.
//
// Run it from anywhere inside the module:
//
//	go run ./jsdeps/build
//
// It installs the pinned packages with `npm ci` into a cache folder keyed by the lock file's
// hash (nothing global, nothing under the work tree), so a second run with the same lock
// skips npm. The output depends only on the lock file, the entries and the esbuild version in
// go.mod: CI rebuilds it and fails when `git diff` finds a change.
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
)

func main() {
	cacheRoot := flag.String("cache", "", "folder for installed packages (default: the user cache folder's azote-jsdeps)")
	flag.Parse()
	if err := run(*cacheRoot); err != nil {
		slog.Error("jsdeps build failed", "err", err)
		os.Exit(1)
	}
}

func run(cacheRoot string) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	srcDir := filepath.Join(root, "jsdeps")
	outDir := filepath.Join(root, "bindings", "jsdeps")
	if cacheRoot == "" {
		userCache, err := os.UserCacheDir()
		if err != nil {
			return fmt.Errorf("find a cache folder (pass -cache): %w", err)
		}
		cacheRoot = filepath.Join(userCache, "azote-jsdeps")
	}

	workDir, err := install(srcDir, cacheRoot)
	if err != nil {
		return err
	}
	entries, err := listEntries(srcDir)
	if err != nil {
		return err
	}
	bundles, err := buildBundles(workDir, srcDir, entries)
	if err != nil {
		return err
	}
	return writeOutput(outDir, workDir, bundles)
}

// moduleRoot walks up from the working directory to the folder holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}
