package extract

import "strings"

// dropMarkdownLines returns md (split into lines) without the lines drop
// names, called once per line in order (so drop may carry state, such as
// a code fence's). A list item whose first line is dropped but that goes
// on on indented lines below keeps its line, so its other lines stay in
// the item instead of becoming loose text. The blank line that set a
// dropped line apart goes with it, and blank lines left at the end are
// trimmed. When nothing is dropped, or everything would be, md comes back
// as it was.
func dropMarkdownLines(md string, lines []string, drop func(i int, line string) bool) string {
	out := lines[:0:0]
	blank := func(s string) bool { return strings.TrimSpace(s) == "" }
	skipBlank, dropped := false, false
	for i, line := range lines {
		if drop(i, line) {
			t := strings.TrimLeft(line, " ")
			item := trimBullet(t) != t
			continued := i+1 < len(lines) && strings.HasPrefix(lines[i+1], " ") && !blank(lines[i+1])
			if !item || !continued {
				skipBlank, dropped = len(out) == 0 || blank(out[len(out)-1]), true
				continue
			}
		}
		if blank(line) && skipBlank {
			skipBlank = false
			continue
		}
		skipBlank = false
		out = append(out, line)
	}
	if !dropped {
		return md
	}
	for len(out) > 0 && blank(out[len(out)-1]) {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return md // never drop everything
	}
	return strings.Join(out, "\n")
}

// trimBullet is t (a trimmed Markdown line) without its bullet list marker
// ("- ", "* ", "+ "); t itself when it has none. An ordered marker ("1. ")
// stays: callers that match a line's words (a card's call or badge) do
// not take a numbered entry for one.
func trimBullet(t string) string {
	if strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "+ ") {
		return t[2:]
	}
	return t
}
