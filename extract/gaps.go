package extract

import (
	"net/url"

	"golang.org/x/net/html"
)

// The article extractors keep the densest run of prose, and inside it
// they drop what does not read as prose: a specification table, a list of
// features, the short sections of a service or product page, the steps of
// a how-to between its paragraphs. When the page's main region holds the
// article path's text in order and, between the first and the last of
// the blocks that path kept, blocks of prose that it left out, those gaps
// are parts of the content it skipped, not chrome: chrome stands around
// the content (menus above, rails and footers below) or is links (a
// related box inside a story). The region, which keeps them, is then the
// better read, whatever the page declares.

// gapRegion renders the page's main region and returns it when the article
// path's result (articleMD) left gaps in it (leftGaps). rwOwn and awOwn are
// the words outside links of the region and of that result: a region that
// adds too few of its own words cannot hold such gaps, and is not rendered.
func gapRegion(root *html.Node, base *url.URL, src *pageText, meta *pageMeta, articleMD string, rwOwn, awOwn int, cfg *config) (rendered, bool) {
	if !gapsPossible(articleMD, rwOwn, awOwn, cfg) {
		return rendered{}, false
	}
	shop := isShop(root, meta, cfg)
	region := meta.mainRegion(root, cfg)
	r, ok := renderRegion(region, base, src, meta, shop, cfg)
	if !ok {
		return rendered{}, false
	}
	return gapResult(r, root, region, meta, articleMD, shop, cfg)
}

// gapsPossible: the region adds enough words of its own to the article
// path's result (articleMD) to hold gaps in it; rwOwn and awOwn as for
// gapRegion.
func gapsPossible(articleMD string, rwOwn, awOwn int, cfg *config) bool {
	aw := wordCount(stripLinks(articleMD))
	return aw > 0 && float64(rwOwn-awOwn) >= cfg.GapShare*(1-cfg.GapLinkShare)*float64(aw)
}

// gapResult returns the rendered region r (renderRegion of region) as the
// page's result when the article path's result left gaps in it.
func gapResult(r rendered, root, region *html.Node, meta *pageMeta, articleMD string, shop bool, cfg *config) (rendered, bool) {
	if !leftGaps(r.markdown, articleMD, cfg) {
		return rendered{}, false
	}
	return regionResult(r, root, region, meta, articleMD, shop, cfg), true
}

// leftGaps: the region's Markdown (md) holds the article path's result
// (articleMD) between its first and last kept blocks (at least
// cfg.GapHolds of its text), and the blocks in that span the article path
// does not hold add at least cfg.GapShare of its words, less than
// cfg.GapLinkShare of them link text.
func leftGaps(md, articleMD string, cfg *config) bool {
	g, ok := gapsIn(md, articleMD, cfg)
	return ok && float64(g.words) >= cfg.GapShare*float64(g.resultWords) && g.fewLinks(cfg)
}

// gaps is what another rendering of the page (md) holds between the first
// and the last of its blocks that a result holds: the span they make, and
// the words of the blocks inside it the result lacks.
type gaps struct {
	span        string // md from the first kept block to the last
	resultWords int    // the result's words
	words       int    // the gap blocks' words
	linked      int    // of words, those in link text
	structured  int    // of words, those in headings, list items, code blocks and tables
	headings    int    // the gap blocks that are headings
	blocks      int    // the gap blocks
	structBlks  int    // of blocks, those that are headings, list items, code blocks or tables
}

// fewLinks: less than cfg.GapLinkShare of the gaps' words are link text
// (a related box inside a story is links; skipped content is not).
func (g gaps) fewLinks(cfg *config) bool {
	return float64(g.linked) < cfg.GapLinkShare*float64(g.words)
}

// gapsIn measures the gaps md leaves around result (a block is the
// result's when at least cfg.GapBlockKept of its shingles are; a block of
// fewer than four words matches anywhere, so it never marks the span's
// ends). ok is false when no block of md is the result's, or the span
// holds less than cfg.GapHolds of the result's text.
func gapsIn(md, result string, cfg *config) (g gaps, ok bool) {
	resultTokens := wordTokens(stripLinks(result), nil)
	set := shingleSet(resultTokens)
	blocks := markdownBlocks(md)
	kept := make([]bool, len(blocks))
	first, last := -1, -1
	var toks []string
	for i, b := range blocks {
		toks = wordTokens(stripLinks(md[b.start:b.end]), toks[:0])
		if blockIn(toks, set, cfg.GapBlockKept) {
			kept[i] = true
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return g, false
	}
	g.span = md[blocks[first].start:blocks[last].end]
	if coverage(resultTokens, shingleSet(wordTokens(stripLinks(g.span), nil))) < cfg.GapHolds {
		return g, false
	}
	g.resultWords = len(resultTokens)
	for i := first + 1; i < last; i++ {
		if kept[i] {
			continue
		}
		b := md[blocks[i].start:blocks[i].end]
		w := wordCount(stripLinks(b))
		g.words += w
		g.linked += w - wordCount(stripLinkTexts(b))
		if isHeading(b) {
			g.headings++
		}
		g.blocks++
		if isHeading(b) || isListItem(b) || isFencedCode(b) || isTableBlock(b) {
			g.structured += w
			g.structBlks++
		}
	}
	return g, true
}
