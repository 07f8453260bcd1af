package static

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// asset is a regular file found under the root for one request.
type asset struct {
	// name is the path the request asked for, relative to the root and slash-separated,
	// with index.html appended for a folder.
	name string
	// dir is the real folder (absolute, symlinks resolved) holding name's last element;
	// precompressed siblings are looked up there.
	dir string
	// path is the real file (absolute, symlinks resolved) and info what lookup saw there.
	path string
	info fs.FileInfo
}

// errChanged reports that a file was replaced between its lookup and its open.
var errChanged = errors.New("file changed during lookup")

// findAsset finds the regular file that rel (as returned by requestPath) names, or the
// index.html of the folder it names. A trailing slash (wantDir) on a file finds nothing.
func (f *Files) findAsset(rel string, wantDir bool) (asset, bool) {
	dirRel, base := path.Split(rel)
	dir, ok := f.walkDir(dirRel)
	if !ok {
		return asset{}, false
	}
	p, info := dir, fs.FileInfo(nil)
	if base != "" {
		if p, info, ok = f.entry(dir, base); !ok {
			return asset{}, false
		}
	}
	if base == "" || info.IsDir() {
		// Served in place rather than redirected to rel+"/", like Nitro's public assets.
		dir, rel = p, path.Join(rel, "index.html")
		if p, info, ok = f.entry(dir, "index.html"); !ok {
			return asset{}, false
		}
	} else if wantDir {
		return asset{}, false
	}
	if !info.Mode().IsRegular() {
		return asset{}, false
	}
	return asset{name: rel, dir: dir, path: p, info: info}, true
}

// walkDir follows the folders of dirRel ("" or ending in "/") from the root and returns the
// real folder they lead to. Its cost is one Lstat per folder unless a symlink is met.
func (f *Files) walkDir(dirRel string) (string, bool) {
	dir := f.root
	for seg := range strings.SplitSeq(strings.TrimSuffix(dirRel, "/"), "/") {
		if seg == "" {
			continue
		}
		p, info, ok := f.entry(dir, seg)
		if !ok || !info.IsDir() {
			return "", false
		}
		dir = p
	}
	return dir, true
}

// entry looks at the element name in the real folder dir, which lies inside the root. name
// comes from a checked request path (no separators, not hidden), so only a symlink can lead
// elsewhere: it is resolved with filepath.EvalSymlinks and must land inside the root, on a
// name that is not hidden (a link must not expose what a hidden path may not).
func (f *Files) entry(dir, name string) (string, fs.FileInfo, bool) {
	// requestPath already refuses these; refusing again here keeps a future caller's
	// mistake from walking up with "..".
	if name == "" || name[0] == '.' || strings.ContainsAny(name, "/\\\x00") {
		return "", nil, false
	}
	p := filepath.Join(dir, name)
	info, err := os.Lstat(p)
	if err != nil {
		return "", nil, false
	}
	if info.Mode()&fs.ModeSymlink == 0 {
		return p, info, true
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil || !f.contains(real) {
		return "", nil, false
	}
	if info, err = os.Stat(real); err != nil {
		return "", nil, false
	}
	return real, info, true
}

// contains reports whether the real path p lies inside the root and has no hidden element
// below it.
func (f *Files) contains(p string) bool {
	rel, err := filepath.Rel(f.root, p)
	if err != nil || !filepath.IsLocal(rel) {
		return false
	}
	for seg := range strings.SplitSeq(filepath.ToSlash(rel), "/") {
		if strings.HasPrefix(seg, ".") && seg != "." {
			return false
		}
	}
	return true
}

// open opens a file that findAsset or chooseVariant found and checks it is still the file
// they saw (same device and inode, still regular). Checking identity after the open, rather
// than trusting the path, means a folder swapped for a symlink between lookup and open cannot
// lead outside the root. A file replaced meanwhile (an editor's atomic save) gives errChanged.
func open(p string, seen fs.FileInfo) (*os.File, fs.FileInfo, error) {
	file, err := os.Open(p)
	if err != nil {
		return nil, nil, err
	}
	info, err := file.Stat()
	if err != nil {
		file.Close()
		return nil, nil, fmt.Errorf("stat %s: %w", p, err)
	}
	if !os.SameFile(seen, info) || !info.Mode().IsRegular() {
		file.Close()
		return nil, nil, fmt.Errorf("open %s: %w", p, errChanged)
	}
	return file, info, nil
}
