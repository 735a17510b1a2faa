package extract

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Many sites set og:type "article" on every page, a listing's too. Such a
// listing often opens with a few paragraphs about the collection (what the
// programmes are, who the courses are for), and the article path keeps
// that intro, the densest prose on the page, and drops the entries under
// it: their words are mostly link titles and short summaries. isListing
// does not count entries that are not much larger than what the article
// path kept on such a page, since a story's own paragraphs and its teaser
// rail look like that too. What tells the two apart is what else the main
// region holds: a story's region has its rails, bylines, captions and
// comment boxes around the text, and it is often marked up as an
// <article>; a listing's region is its intro, then its entries, and
// nothing else.

// introThenEntries: the rendered main region (md) is the article path's
// result (articleMD) followed by the region's entries (texts, findEntries)
// and next to nothing else: at least cfg.IntroListingEntries entries, all
// of their blocks after the last block of the article path's text, holding
// at least cfg.IntroListingEntryShare of the region's words, while the
// blocks that are neither hold less than cfg.IntroListingOtherShare.
func introThenEntries(md, articleMD string, texts []string, cfg *config) bool {
	if len(texts) < cfg.IntroListingEntries {
		return false
	}
	articleSet := shingleSet(wordTokens(stripLinks(articleMD), nil))
	entryTokens := wordTokens(strings.Join(texts, "\n"), nil)
	entries := &otherText{set: shingleSet(entryTokens), toks: entryTokens}
	var articleWords, entryWords, otherWords int
	lastArticle, firstEntry := -1, -1
	var toks []string
	for i, b := range markdownBlocks(md) {
		toks = wordTokens(stripLinks(md[b.start:b.end]), toks[:0])
		switch {
		case blockIn(toks, articleSet, cfg.GapBlockKept):
			articleWords += len(toks)
			lastArticle = i
		case len(toks) > 0 && entries.covers(toks) >= cfg.GapBlockKept:
			// A block shorter than a shingle (an entry's title on a line
			// of its own) is an entry's when its words occur in one in a
			// row; but such words occur anywhere, so where the entries
			// start is read from longer blocks.
			entryWords += len(toks)
			if firstEntry < 0 && len(toks) >= shingleWidth {
				firstEntry = i
			}
		default:
			otherWords += len(toks)
		}
	}
	all := float64(articleWords + entryWords + otherWords)
	return articleWords > 0 && firstEntry > lastArticle &&
		float64(entryWords) >= cfg.IntroListingEntryShare*all &&
		float64(otherWords) < cfg.IntroListingOtherShare*all
}

// storyElement: region holds an <article> element with at least
// cfg.IntroListingStoryShare of words (the article path's): a story marked
// up as one, whatever follows it. (A listing that marks up its entries as
// articles marks up small ones.)
func storyElement(region *html.Node, words int, cfg *config) bool {
	for c := region.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.Article {
			if float64(visibleWords(c)) >= cfg.IntroListingStoryShare*float64(words) {
				return true
			}
			continue
		}
		if storyElement(c, words, cfg) {
			return true
		}
	}
	return false
}

// introListing renders region (a copy: mainRegion's) when the page, which
// calls itself an article in og:type alone, is a listing by
// introThenEntries; ok is false otherwise.
func introListing(region *html.Node, base *url.URL, src *pageText, meta *pageMeta, articleMD string, entries []string, shop bool, cfg *config) (r rendered, ok bool) {
	if len(entries) < cfg.IntroListingEntries || storyElement(region, wordCount(stripLinks(articleMD)), cfg) {
		return rendered{}, false
	}
	if r, ok = renderRegion(region, base, src, meta, shop, cfg); !ok || !introThenEntries(r.markdown, articleMD, entries, cfg) {
		return rendered{}, false
	}
	return r, true
}
