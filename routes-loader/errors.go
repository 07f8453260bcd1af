package loader

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/evanw/esbuild/pkg/api"
)

// BuildError is returned by Build when the app's code does not compile or resolve.
type BuildError struct {
	Messages []Message
}

// Message is one compile error. File is relative to the app dir ("routes/chat.ts"), or
// "azote-entry.js" for the generated entry; Line and Column are 1-based, Column counts
// characters. File is "" for an error without a location.
type Message struct {
	File         string
	Line, Column int
	LineText     string
	Text         string
}

func newBuildError(msgs []api.Message) *BuildError {
	e := &BuildError{Messages: make([]Message, 0, len(msgs))}
	for _, m := range msgs {
		out := Message{Text: m.Text}
		if strings.HasPrefix(m.Text, "Top-level await is not available") {
			// esbuild blames its target setting; say what the user can do instead.
			// Routes, middleware and what they import may await at top level; only
			// nitro.config, evaluated synchronously for the server's settings, may not.
			out.Text = "Top-level await is not supported in nitro.config: azote reads it synchronously at startup"
		}
		if loc := m.Location; loc != nil {
			col := min(max(loc.Column, 0), len(loc.LineText))
			out.File = loc.File
			out.Line = loc.Line
			out.Column = utf8.RuneCountInString(loc.LineText[:col]) + 1
			out.LineText = loc.LineText
		}
		e.Messages = append(e.Messages, out)
	}
	return e
}

// Error prints each message as
//
//	routes/chat.ts:12:5: error: Expected ";" but found "}"
//	   12 |   foo bar }
//	      |     ^
func (e *BuildError) Error() string {
	var b strings.Builder
	for i, m := range e.Messages {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(m.String())
	}
	return b.String()
}

// frameWidth bounds the code frame so a minified line does not flood the log.
const frameWidth = 100

// String formats one message with its code frame.
func (m Message) String() string {
	if m.File == "" {
		return "error: " + m.Text
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: error: %s", m.File, m.Line, m.Column, m.Text)
	if m.LineText == "" {
		return b.String()
	}
	line := []rune(m.LineText)
	caret := min(max(m.Column-1, 0), len(line))
	lead := ""
	if len(line) > frameWidth {
		start := max(0, min(caret-frameWidth/2, len(line)-frameWidth))
		end := min(len(line), start+frameWidth)
		if start > 0 {
			lead = "..."
		}
		line, caret = line[start:end], caret-start
	}
	num := fmt.Sprintf("%5d", m.Line)
	fmt.Fprintf(&b, "\n%s | %s%s", num, lead, string(line))
	// Keep tabs under tabs so the caret lines up however the terminal expands them.
	pad := []rune(strings.Repeat(" ", len(lead)))
	for _, r := range line[:caret] {
		if r == '\t' {
			pad = append(pad, '\t')
		} else {
			pad = append(pad, ' ')
		}
	}
	fmt.Fprintf(&b, "\n%s | %s^", strings.Repeat(" ", len(num)), string(pad))
	return b.String()
}
