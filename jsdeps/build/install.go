package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
)

// install runs `npm ci` for jsdeps/package.json and its lock file in a folder of cacheRoot named
// after the hash of both, and returns that folder. A folder whose install finished before (it
// has the marker file) is reused as it is.
func install(srcDir, cacheRoot string) (string, error) {
	manifest, err := os.ReadFile(filepath.Join(srcDir, "package.json"))
	if err != nil {
		return "", err
	}
	lock, err := os.ReadFile(filepath.Join(srcDir, "package-lock.json"))
	if err != nil {
		return "", err
	}
	sum := sha256.New()
	sum.Write(manifest)
	sum.Write([]byte{0})
	sum.Write(lock)
	workDir := filepath.Join(cacheRoot, hex.EncodeToString(sum.Sum(nil))[:16])
	marker := filepath.Join(workDir, ".installed")
	if _, err := os.Stat(marker); err == nil {
		return workDir, nil
	}

	// A half-finished install from an earlier, interrupted run is thrown away.
	if err := os.RemoveAll(workDir); err != nil {
		return "", err
	}
	if err := os.MkdirAll(workDir, 0o755); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(workDir, "package.json"), manifest, 0o644); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(workDir, "package-lock.json"), lock, 0o644); err != nil {
		return "", err
	}
	slog.Info("installing pinned npm packages", "dir", workDir)
	// --ignore-scripts: a package's install script is code we do not bundle and need not run.
	cmd := exec.Command("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error")
	cmd.Dir = workDir
	cmd.Stdout = os.Stderr
	cmd.Stderr = os.Stderr
	cmd.Env = append(os.Environ(), "npm_config_update_notifier=false")
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("npm ci in %s: %w", workDir, err)
	}
	if err := os.WriteFile(marker, nil, 0o644); err != nil {
		return "", err
	}
	return workDir, nil
}
