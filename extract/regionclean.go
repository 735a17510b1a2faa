package extract

import (
	"strings"
)

// A main region keeps what the page shows around its content that the
// chrome rules do not catch by name: the sticky bar that repeats a
// product's title and price, the mobile copy of a block beside the
// desktop one, and the rails a shop adds after its product ("You may also
// like", "Recently viewed"). Both are judged on the rendered Markdown, by
// shape and by the words of their headings.

// railHeadings open the sections a shop or site adds after its content to
// push other items: a heading that is one of these (or starts with one)
// opens a rail that runs to the next heading of the same or a higher level.
var railHeadings = []string{
	"you may also like", "you might also like", "you may like", "you might like", "you may also be interested",
	"related products", "related items", "similar products", "similar items", "more like this",
	"customers also", "customers who bought", "people also", "frequently bought together", "complete the look",
	"recently viewed", "recommended for you", "recommended products", "top picks for you", "shop similar",
	"pairs well with", "goes well with",
}

// cleanRegion drops rails from a region's Markdown, and on a shop's page
// the blocks it repeats (the sticky bar with the title and price again).
// Elsewhere a repeat is content the page shows twice (a tab's label above
// its panel, a carousel), which a reader of the page sees twice too.
func cleanRegion(md string, shop bool, cfg *config) string {
	md = dropRails(md)
	if shop {
		md = dropRepeats(md, cfg)
	}
	return md
}

// headingLevel is the level of a Markdown heading block (1 to 6), or 0.
func headingLevel(b string) int {
	if !isHeading(b) {
		return 0
	}
	t := strings.TrimLeft(b, " ")
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	if n > 6 || n < len(t) && t[n] != ' ' {
		return 0
	}
	return n
}

// isRailHeading: the heading's words are one of railHeadings or start
// with one.
func isRailHeading(b string) bool {
	words := strings.Join(wordTokens(strings.ToLower(strings.ReplaceAll(stripLinks(b), "’", "'")), nil), " ")
	for _, h := range railHeadings {
		if words == h || strings.HasPrefix(words, h+" ") {
			return true
		}
	}
	return false
}

// dropRails removes each rail: its heading and everything under it up to
// the next heading of the same or a higher level.
func dropRails(md string) string {
	blocks := markdownBlocks(md)
	var b strings.Builder
	railLevel := 0 // level of the rail being skipped; 0 outside one
	for _, sp := range blocks {
		blk := md[sp.start:sp.end]
		lvl := headingLevel(blk)
		if railLevel > 0 {
			if lvl == 0 || lvl > railLevel {
				continue
			}
			railLevel = 0
		}
		if lvl > 0 && isRailHeading(blk) {
			railLevel = lvl
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(blk)
	}
	if b.Len() == 0 {
		return md // never drop everything
	}
	return b.String()
}

// dropRepeats removes a block whose text repeats an earlier block of at
// least cfg.RepeatMinWords words: a sticky bar, a mobile copy. Short
// blocks ("$65", "Add to cart") repeat legitimately between entries.
func dropRepeats(md string, cfg *config) string {
	blocks := markdownBlocks(md)
	seen := make(map[string]bool, len(blocks))
	var b strings.Builder
	var toks []string
	for _, sp := range blocks {
		blk := md[sp.start:sp.end]
		toks = wordTokens(strings.ToLower(stripLinks(blk)), toks[:0])
		if len(toks) >= cfg.RepeatMinWords {
			key := strings.Join(toks, " ")
			if seen[key] {
				continue
			}
			seen[key] = true
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(blk)
	}
	if b.Len() == 0 {
		return md
	}
	return b.String()
}
