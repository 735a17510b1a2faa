package extract

import (
	"strings"
	"unicode/utf8"
)

// defaultPassageChars is used when SplitPassages gets maxChars <= 0.
const defaultPassageChars = 1500

// splitPassages cuts md into paragraph-sized passages. Blocks are the
// Markdown blocks of markdownBlocks (a list, table or fenced code block is
// one block); small blocks under one heading are merged up to half of
// maxChars, a block longer than maxChars is cut at line, then sentence,
// then word boundaries. A heading starts a new passage and is part of its
// text; later passages under it name it in Heading. Offsets are bytes, and
// md[p.Start:p.End] == p.Text; lengths are bytes too (never fewer
// characters than bytes, so "at most maxChars characters" holds).
func splitPassages(md string, maxChars int) []Passage {
	if maxChars <= 0 {
		maxChars = defaultPassageChars
	}
	var out []Passage
	heading := ""
	cur := span{-1, -1}
	curHeading := ""
	flush := func() {
		if cur.start >= 0 {
			out = append(out, Passage{Text: md[cur.start:cur.end], Heading: curHeading, Start: cur.start, End: cur.end})
		}
		cur = span{-1, -1}
	}
	for _, b := range markdownBlocks(md) {
		text := md[b.start:b.end]
		if h, ok := headingText(text); ok {
			flush()
			heading = h
			cur, curHeading = b, h
			if b.end-b.start > maxChars {
				// An absurd heading: cut it like any long block.
				for _, piece := range cutSpan(md, b, maxChars) {
					cur = piece
					flush()
				}
			}
			continue
		}
		if b.end-b.start > maxChars {
			flush()
			for _, piece := range cutSpan(md, b, maxChars) {
				cur, curHeading = piece, heading
				flush()
			}
			continue
		}
		if cur.start >= 0 && (b.end-cur.start > maxChars || cur.end-cur.start >= maxChars/2) {
			flush()
		}
		if cur.start < 0 {
			cur, curHeading = b, heading
		} else {
			cur.end = b.end
		}
	}
	flush()
	return out
}

// headingText reports an ATX heading block and returns its text.
func headingText(block string) (string, bool) {
	if !strings.HasPrefix(block, "#") || strings.Contains(block, "\n") {
		return "", false
	}
	t := strings.TrimLeft(block, "#")
	if len(block)-len(t) > 6 || t != "" && t[0] != ' ' {
		return "", false
	}
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t), "#")), true
}

// cutSpan splits the block b of md into pieces of at most max bytes,
// preferring line ends, then sentence ends, then spaces.
func cutSpan(md string, b span, max int) []span {
	var out []span
	start := b.start
	for b.end-start > max {
		limit := start + max
		for limit > start && !utf8.RuneStart(md[limit]) {
			limit--
		}
		window := md[start:limit]
		var cut int
		if i := strings.LastIndexByte(window, '\n'); i > max/4 {
			cut = start + i + 1
		} else if i := lastSentenceEnd(window); i > max/4 {
			cut = start + i
		} else if i := strings.LastIndexByte(window, ' '); i > 0 {
			cut = start + i + 1
		} else {
			cut = limit
		}
		if cut <= start {
			cut = limit
		}
		if cut <= start { // max smaller than one rune
			_, n := utf8.DecodeRuneInString(md[start:])
			cut = start + n
		}
		end := trimEnd(md, start, cut)
		if end > start {
			out = append(out, span{start, end})
		}
		start = cut
		for start < b.end && (md[start] == ' ' || md[start] == '\n') {
			start++
		}
	}
	if start < b.end {
		out = append(out, span{start, b.end})
	}
	return out
}

// lastSentenceEnd is the index just after the last ". ", "! " or "? " in s.
func lastSentenceEnd(s string) int {
	best := -1
	for _, sep := range []string{". ", "! ", "? "} {
		if i := strings.LastIndex(s, sep); i >= 0 && i+2 > best {
			best = i + 2
		}
	}
	return best
}
