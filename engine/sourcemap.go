package engine

import (
	"encoding/base64"
	"encoding/json"
	"strings"
)

const inlineMapPrefix = "//# sourceMappingURL=data:application/json;base64,"

// shiftSourceMapColumns rewrites a script's inline source map so that goja reports 1-based
// original columns like Node does. goja looks a 1-based generated column up in the map as if
// it were 0-based, and prints the 0-based original column it finds: shifting every generated
// and every original column of the map by one makes both sides come out right. Only the first
// segment of each line (generated columns restart per line) and the first segment with a
// source position (original columns are deltas across the whole map) carry absolute values,
// so only those change. A script without an inline map is returned as is.
func shiftSourceMapColumns(code string) string {
	i := strings.LastIndex(code, inlineMapPrefix)
	if i < 0 {
		return code
	}
	end := i + len(inlineMapPrefix)
	stop := strings.IndexAny(code[end:], "\r\n")
	if stop < 0 {
		stop = len(code) - end
	}
	raw, err := base64.StdEncoding.DecodeString(code[end : end+stop])
	if err != nil {
		return code
	}
	var sm map[string]json.RawMessage
	if json.Unmarshal(raw, &sm) != nil {
		return code
	}
	var mappings string
	if json.Unmarshal(sm["mappings"], &mappings) != nil {
		return code
	}
	shifted, ok := shiftMappings(mappings)
	if !ok {
		return code
	}
	sm["mappings"], _ = json.Marshal(shifted)
	out, err := json.Marshal(sm)
	if err != nil {
		return code
	}
	return code[:end] + base64.StdEncoding.EncodeToString(out) + code[end+stop:]
}

func shiftMappings(mappings string) (string, bool) {
	lines := strings.Split(mappings, ";")
	originalDone := false
	for li, line := range lines {
		if line == "" {
			continue
		}
		first, rest, _ := strings.Cut(line, ",")
		fields, ok := decodeVLQ(first)
		if !ok || len(fields) == 0 {
			return "", false
		}
		fields[0]++
		if !originalDone && len(fields) >= 4 {
			fields[3]++
			originalDone = true
		}
		segs := []string{encodeVLQ(fields)}
		if rest != "" {
			segs = append(segs, rest)
		}
		if !originalDone && rest != "" {
			// The first segment with a source position may come later in this line.
			parts := strings.Split(rest, ",")
			for pi, p := range parts {
				f, ok := decodeVLQ(p)
				if !ok {
					return "", false
				}
				if len(f) >= 4 {
					f[3]++
					parts[pi] = encodeVLQ(f)
					originalDone = true
					break
				}
			}
			segs = []string{segs[0], strings.Join(parts, ",")}
		}
		lines[li] = strings.Join(segs, ",")
	}
	return strings.Join(lines, ";"), true
}

const vlqChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

func decodeVLQ(s string) ([]int, bool) {
	var out []int
	value, shift := 0, 0
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(vlqChars, s[i])
		if d < 0 {
			return nil, false
		}
		value |= (d & 31) << shift
		if d&32 != 0 {
			shift += 5
			continue
		}
		if value&1 != 0 {
			out = append(out, -(value >> 1))
		} else {
			out = append(out, value>>1)
		}
		value, shift = 0, 0
	}
	return out, shift == 0
}

func encodeVLQ(fields []int) string {
	var b strings.Builder
	for _, v := range fields {
		u := v << 1
		if v < 0 {
			u = (-v << 1) | 1
		}
		for {
			d := u & 31
			u >>= 5
			if u > 0 {
				d |= 32
			}
			b.WriteByte(vlqChars[d])
			if u == 0 {
				break
			}
		}
	}
	return b.String()
}
