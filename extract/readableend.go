package extract

// Where a page's main text ends. The main region is a page-level
// container: past the text it runs on into what the site sets under
// every page of its kind — teaser cards of other pages, "helpful
// resources", testimonials, a call-to-action box, a newsletter strip.
// Readability scores the page's densest run of prose and ends where that
// run ends. So when the region holds readability's whole result (it read
// the same text), the region's blocks after the last one readability
// holds are past the end of the text and go, provided what stays is most
// of the region (cfg.ReadableEndKeeps): a cut that would leave less means
// readability took one section of a page of many, and the region's
// sections are the page's.

// endWithReadable cuts md after its last block that readable (the tokens
// and shingles mainContent made of readability's result) holds, when md
// holds at least cfg.ReadableEndHolds of readable's text and the cut keeps
// at least cfg.ReadableEndKeeps of md's words. cut is false when nothing
// goes.
func endWithReadable(md string, readable *otherText, cfg *config) (out string, cut bool) {
	if len(readable.toks) < shingleWidth {
		return md, false
	}
	mdTokens := wordTokens(stripLinks(md), nil)
	if coverage(readable.toks, shingleSet(mdTokens)) < cfg.ReadableEndHolds {
		return md, false
	}
	blocks := markdownBlocks(md)
	last := -1
	var toks []string
	for i, b := range blocks {
		toks = wordTokens(stripLinks(md[b.start:b.end]), toks[:0])
		if blockIn(toks, readable.set, cfg.GapBlockKept) {
			last = i
		}
	}
	if last < 0 || last == len(blocks)-1 {
		return md, false
	}
	head := md[:blocks[last].end]
	if float64(len(wordTokens(stripLinks(head), toks[:0]))) < cfg.ReadableEndKeeps*float64(len(mdTokens)) {
		return md, false
	}
	return head, true
}
