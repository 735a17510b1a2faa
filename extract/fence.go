package extract

import "strings"

// codeFence follows the fenced code blocks of Markdown read line by line.
// A block opens with a run of three or more backticks or tildes and closes
// only with a line of the same character at least as long and nothing
// else: a block that shows a shorter fence (a "````" block quoting a
// "```" example) holds it as code, so a toggle on every "```" line would
// read the rest of that block as text and the text after it as code.
type codeFence struct{ fence string }

// line reports whether line (one line, no newline) belongs to a fenced
// code block: its opening or closing fence or a line between them.
func (f *codeFence) line(line string) bool {
	t := strings.TrimLeft(line, " ")
	if f.fence != "" {
		if strings.HasPrefix(t, f.fence) && strings.TrimSpace(strings.TrimLeft(t, f.fence[:1])) == "" {
			f.fence = ""
		}
		return true
	}
	if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
		n := 0
		for n < len(t) && t[n] == t[0] {
			n++
		}
		f.fence = t[:n]
		return true
	}
	return false
}

// open reports whether a fenced code block is open.
func (f *codeFence) open() bool { return f.fence != "" }
