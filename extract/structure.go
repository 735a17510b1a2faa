package extract

import "strings"

// Trafilatura reads a page in two ways. When its main pass finds too
// little, it recovers the text from the page's loose elements, and that
// pass collects paragraphs, quotes, code and tables only: every heading
// and every list of the article is gone, and what is left reads as one
// run of paragraphs ("What is it?" and its bullet points vanish, the
// paragraph under them stays). Readability keeps them. When trafilatura's
// result has that shape (not one heading, not one list item) and
// readability's, between the first and the last of its blocks that
// trafilatura's result holds, adds blocks trafilatura lacks that are
// mostly headings and list items (and few of them links), trafilatura
// lost the page's structure, not its chrome, and readability's span is
// the better read: it starts and ends where trafilatura's text does, so
// nothing readability kept around the text (menus, rails, footers) comes
// with it. A result with headings or lists of its own came from the main
// pass, which leaves out what it judged to be chrome; it stands.

// structureLost returns readability's result (rd) from the first to the
// last of its blocks that trafilatura's result (tf) holds, when tf has
// neither a heading nor a list item (flatText) and the blocks in between
// that tf lacks add at least cfg.StructureGapShare of tf's words (or hold
// cfg.StructureHeadings headings: a long page's section titles are few
// words), at least cfg.StructureShare of them (of their words, or of the
// blocks themselves) headings, list items, code blocks and tables, and
// less than cfg.GapLinkShare of their words in links. The recovery pass
// reads a <pre> as a paragraph of another spacing, so a reference page's
// code goes with its titles; counted by blocks, a reference page's titles
// and code outnumber the one-line notes between them that outweigh them
// in words.
func structureLost(tf, rd string, cfg *config) (string, bool) {
	if rd == "" || tf == "" || !flatText(tf) {
		return "", false
	}
	g, ok := gapsIn(rd, tf, cfg)
	few := float64(g.words) < cfg.StructureGapShare*float64(g.resultWords) && g.headings < cfg.StructureHeadings
	prose := float64(g.structured) < cfg.StructureShare*float64(g.words) &&
		float64(g.structBlks) < cfg.StructureShare*float64(g.blocks)
	if !ok || g.words == 0 || few || !g.fewLinks(cfg) || prose {
		return "", false
	}
	return g.span, true
}

// flatText: md has no heading and no list item, the shape of trafilatura's
// recovery pass.
func flatText(md string) bool {
	for _, b := range markdownBlocks(md) {
		if blk := md[b.start:b.end]; isHeading(blk) || isListItem(blk) {
			return false
		}
	}
	return true
}

// isFencedCode: a Markdown block that is a fenced code block.
func isFencedCode(b string) bool {
	return strings.HasPrefix(strings.TrimLeft(b, " "), "```")
}

// isTableBlock: a Markdown block that is a table (its rows open with "|").
func isTableBlock(b string) bool {
	return strings.HasPrefix(strings.TrimLeft(b, " "), "|")
}
