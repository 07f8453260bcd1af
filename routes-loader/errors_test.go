package loader

import (
	"strings"
	"testing"

	"github.com/evanw/esbuild/pkg/api"
)

func TestBuildErrorFormat(t *testing.T) {
	e := newBuildError([]api.Message{
		// esbuild columns are 0-based bytes; "é" is two bytes.
		{Text: "Unexpected \"!\"", Location: &api.Location{File: "routes/é.ts", Line: 7, Column: 10, LineText: "\tconst é = !"}},
		{Text: "no location"},
		{Text: "long", Location: &api.Location{File: "node_modules/m/min.js", Line: 1, Column: 500, LineText: strings.Repeat("a", 1000)}},
	})
	if m := e.Messages[0]; m.Line != 7 || m.Column != 10 {
		t.Errorf("first message at %d:%d, want 7:10 (characters, 1-based)", m.Line, m.Column)
	}
	lines := strings.Split(e.Error(), "\n")
	want := []string{
		`routes/é.ts:7:10: error: Unexpected "!"`,
		"    7 | \tconst é = !",
		"      | \t        ^",
		"error: no location",
		"node_modules/m/min.js:1:501: error: long",
	}
	for i, w := range want {
		if i >= len(lines) || lines[i] != w {
			t.Fatalf("line %d = %q, want %q\nfull:\n%s", i, lines[i], w, e.Error())
		}
	}
	// A huge line is cut to a window that still has the caret under column 501.
	frame, caret := lines[5], lines[6]
	if len(frame) > 120 || !strings.Contains(frame, "...") {
		t.Errorf("long frame not cut: %d chars", len(frame))
	}
	if strings.Index(caret, "^") != strings.Index(frame, "| ")+2+3+frameWidth/2 {
		t.Errorf("caret misplaced:\n%s\n%s", frame, caret)
	}
}
