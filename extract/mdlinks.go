package extract

import (
	"strings"
	"unicode"
)

// stripLinks reduces Markdown links and images to their text. It handles
// nesting ([![alt](img)](href)), escaped brackets and link titles; anything
// that is not a well-formed inline link is copied unchanged.
func stripLinks(md string) string {
	if !strings.Contains(md, "](") {
		return md
	}
	var b strings.Builder
	b.Grow(len(md))
	i := 0
	for i < len(md) {
		c := md[i]
		if c == '\\' && i+1 < len(md) {
			b.WriteByte(c)
			b.WriteByte(md[i+1])
			i += 2
			continue
		}
		start := i
		if c == '!' && i+1 < len(md) && md[i+1] == '[' {
			start = i + 1
		} else if c != '[' {
			b.WriteByte(c)
			i++
			continue
		}
		closeText := matchBracket(md, start, '[', ']')
		if closeText < 0 || closeText+1 >= len(md) || md[closeText+1] != '(' {
			b.WriteByte(c)
			i++
			continue
		}
		closeURL := matchBracket(md, closeText+1, '(', ')')
		if closeURL < 0 {
			b.WriteByte(c)
			i++
			continue
		}
		b.WriteString(stripLinks(md[start+1 : closeText]))
		i = closeURL + 1
	}
	return b.String()
}

// matchBracket returns the index of the bracket closing the one at open,
// honouring backslash escapes and nesting, or -1. Link text never spans a
// blank line in Markdown, so a paragraph break ends the search.
func matchBracket(s string, open int, o, c byte) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case o:
			depth++
		case c:
			depth--
			if depth == 0 {
				return i
			}
		case '\n':
			if i+1 < len(s) && s[i+1] == '\n' {
				return -1
			}
		}
	}
	return -1
}

// linkDensity is the share of md's visible text that sits inside links.
func linkDensity(md string) float64 {
	visible := stripLinks(md)
	total := 0
	for _, r := range visible {
		if !unicode.IsSpace(r) {
			total++
		}
	}
	if total == 0 {
		return 0
	}
	linked := 0
	for i := 0; i < len(md); i++ {
		if md[i] == '\\' {
			i++
			continue
		}
		if md[i] != '[' {
			continue
		}
		end := matchBracket(md, i, '[', ']')
		if end < 0 || end+1 >= len(md) || md[end+1] != '(' {
			continue
		}
		closeURL := matchBracket(md, end+1, '(', ')')
		if closeURL < 0 {
			continue
		}
		for _, r := range stripLinks(md[i+1 : end]) {
			if !unicode.IsSpace(r) {
				linked++
			}
		}
		i = closeURL
	}
	return float64(linked) / float64(total)
}

// stripLinkTexts removes links and images entirely, leaving the text
// around them.
func stripLinkTexts(md string) string {
	if !strings.Contains(md, "](") {
		return md
	}
	var b strings.Builder
	for i := 0; i < len(md); i++ {
		c := md[i]
		if c == '\\' && i+1 < len(md) {
			b.WriteByte(c)
			b.WriteByte(md[i+1])
			i++
			continue
		}
		if c == '[' || c == '!' && i+1 < len(md) && md[i+1] == '[' {
			start := i
			if c == '!' {
				start++
			}
			end := matchBracket(md, start, '[', ']')
			if end > 0 && end+1 < len(md) && md[end+1] == '(' {
				if closeURL := matchBracket(md, end+1, '(', ')'); closeURL > 0 {
					b.WriteByte(' ')
					i = closeURL
					continue
				}
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}
