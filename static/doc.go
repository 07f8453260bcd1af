// Package static serves the files of an app's public/ folder: content types, validators
// (ETag, Last-Modified) and conditional requests, HEAD, byte ranges, index.html for folders,
// and precompressed .br/.gz siblings.
//
// A request that names nothing servable (a missing file, a folder without index.html, a
// hidden file, a path that tries to leave the folder, a method other than GET or HEAD) is
// reported back to the caller untouched, so routes can answer it instead.
package static
