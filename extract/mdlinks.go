package extract

import (
	"strings"
	"unicode"
)

// mdLink is one well-formed inline Markdown link or image found by
// nextLink: md[start:end] is all of it, md[text:textEnd] its text (an
// image's alternative text).
type mdLink struct {
	start, text, textEnd, end int
	image                     bool
}

// nextLink finds the first well-formed inline link or image of md at or
// after from (a position no escape runs across), honouring backslash
// escapes and nesting: an image inside a link is inside the link's text.
// It is the one Markdown link scanner; what is not a well-formed link
// is passed over.
func nextLink(md string, from int) (mdLink, bool) {
	for i := from; i < len(md); i++ {
		c := md[i]
		if c == '\\' {
			i++
			continue
		}
		open := i
		if c == '!' && i+1 < len(md) && md[i+1] == '[' {
			open = i + 1
		} else if c != '[' {
			continue
		}
		closeText := matchBracket(md, open, '[', ']')
		if closeText < 0 || closeText+1 >= len(md) || md[closeText+1] != '(' {
			continue
		}
		closeURL := matchBracket(md, closeText+1, '(', ')')
		if closeURL < 0 {
			continue
		}
		return mdLink{start: i, text: open + 1, textEnd: closeText, end: closeURL + 1, image: open != i}, true
	}
	return mdLink{}, false
}

// stripLinks reduces Markdown links and images to their text. It handles
// nesting ([![alt](img)](href)), escaped brackets and link titles; anything
// that is not a well-formed inline link is copied unchanged.
func stripLinks(md string) string {
	return replaceLinks(md, func(b *strings.Builder, l mdLink) int {
		b.WriteString(stripLinks(md[l.text:l.textEnd]))
		return l.end
	})
}

// replaceLinks is md with each link or image replaced by what write
// writes for it; write returns where the reading goes on: l.end past it
// (a linked image is then one link), l.text into its text.
func replaceLinks(md string, write func(b *strings.Builder, l mdLink) (next int)) string {
	if !strings.Contains(md, "](") {
		return md
	}
	var b strings.Builder
	b.Grow(len(md))
	i := 0
	for {
		l, ok := nextLink(md, i)
		if !ok {
			b.WriteString(md[i:])
			return b.String()
		}
		b.WriteString(md[i:l.start])
		i = write(&b, l)
	}
}

// countLinks is the number of links and images in md, a linked image
// counted once.
func countLinks(md string) int {
	n := 0
	for i := 0; ; n++ {
		l, ok := nextLink(md, i)
		if !ok {
			return n
		}
		i = l.end
	}
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
	for i := 0; ; {
		l, ok := nextLink(md, i)
		if !ok {
			break
		}
		for _, r := range stripLinks(md[l.text:l.textEnd]) {
			if !unicode.IsSpace(r) {
				linked++
			}
		}
		i = l.end
	}
	return float64(linked) / float64(total)
}

// stripLinkTexts removes links and images entirely, leaving the text
// around them.
func stripLinkTexts(md string) string {
	return replaceLinks(md, func(b *strings.Builder, l mdLink) int {
		b.WriteByte(' ')
		return l.end
	})
}
