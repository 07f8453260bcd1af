package static

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// maxRangeParts is the most parts a multipart/byteranges answer may have, Apache's MaxRanges
// default. A request for more (after merging) gets the whole file, 200, as Apache answers.
const maxRangeParts = 200

// byteRange is an inclusive range of byte offsets within a file.
type byteRange struct{ first, last int64 }

// tameRanges returns r with its Range header rewritten so the answer costs no more than the
// file itself: overlapping and adjacent ranges are merged (RFC 9110 14.2 lets a server
// coalesce them), ranges past the end are dropped, and a request for more than maxRangeParts
// parts loses its Range header (200 with the whole file). http.ServeContent alone would send
// 10,000 copies of one overlapping range, each with its part headers, so a header of a few
// hundred kilobytes bought an answer many times the file's size. A Range header it cannot
// read, or with nothing satisfiable, is left for http.ServeContent to refuse (416).
func tameRanges(r *http.Request, size int64) *http.Request {
	header := r.Header.Get("Range")
	if !strings.Contains(header, ",") {
		return r // a single range cannot be inflated
	}
	ranges, ok := parseRanges(header, size)
	if !ok || len(ranges) == 0 {
		return r
	}
	merged := mergeRanges(ranges)
	out := r.Clone(r.Context())
	if len(merged) > maxRangeParts {
		out.Header.Del("Range")
		return out
	}
	b := make([]byte, 0, len("bytes=")+len(merged)*12)
	b = append(b, "bytes="...)
	for i, br := range merged {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, br.first, 10)
		b = append(b, '-')
		b = strconv.AppendInt(b, br.last, 10)
	}
	out.Header.Set("Range", string(b))
	return out
}

// parseRanges reads a "bytes=" Range header against a file of size bytes, dropping the ranges
// that start past its end. ok is false when the header is not a valid byte-range set.
func parseRanges(header string, size int64) (ranges []byteRange, ok bool) {
	spec, found := strings.CutPrefix(header, "bytes=")
	if !found {
		return nil, false
	}
	for part := range strings.SplitSeq(spec, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue // RFC 9110 allows empty list elements
		}
		firstText, lastText, dash := strings.Cut(part, "-")
		if !dash {
			return nil, false
		}
		firstText, lastText = strings.TrimSpace(firstText), strings.TrimSpace(lastText)
		if firstText == "" { // suffix range: the last N bytes
			n, err := strconv.ParseInt(lastText, 10, 64)
			if err != nil || n < 0 {
				return nil, false
			}
			if n == 0 || size == 0 {
				continue
			}
			ranges = append(ranges, byteRange{max(size-n, 0), size - 1})
			continue
		}
		first, err := strconv.ParseInt(firstText, 10, 64)
		if err != nil || first < 0 {
			return nil, false
		}
		last := size - 1
		if lastText != "" {
			if last, err = strconv.ParseInt(lastText, 10, 64); err != nil || last < first {
				return nil, false
			}
			last = min(last, size-1)
		}
		if first >= size {
			continue
		}
		ranges = append(ranges, byteRange{first, last})
	}
	return ranges, true
}

// mergeRanges sorts ranges by start and joins those that overlap or touch.
func mergeRanges(ranges []byteRange) []byteRange {
	slices.SortFunc(ranges, func(a, b byteRange) int {
		switch {
		case a.first < b.first:
			return -1
		case a.first > b.first:
			return 1
		}
		return 0
	})
	out := ranges[:1]
	for _, br := range ranges[1:] {
		cur := &out[len(out)-1]
		if br.first <= cur.last+1 {
			cur.last = max(cur.last, br.last)
			continue
		}
		out = append(out, br)
	}
	return out
}
