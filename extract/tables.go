package extract

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A data table (a list of laureates by year, a schedule, a ranking, a
// price list) is content wherever it stands: chrome is not laid out as
// rows of cells any more. The article extractors drop such a table when
// its cells are short or mostly links (names, fixtures, products), and a
// page that declares itself an article (an encyclopedia's list page)
// then loses the very thing it lists. When the main region holds tables
// of that kind that the article path's result lacks, and they add a
// real part to it, the region (which holds that result too) is the
// better read.

// tableRegion renders the page's main region and returns it when the
// article path's result (articleMD) left out its data tables
// (droppedTables).
func tableRegion(root *html.Node, base *url.URL, src *pageText, meta *pageMeta, articleMD string, cfg *config) (rendered, bool) {
	n, pageLevel, limit := meta.regionRoot(root, cfg)
	if !droppedTables(n, pageLevel, limit, articleMD, cfg) {
		return rendered{}, false
	}
	shop := isShop(root, meta, cfg)
	region := meta.mainRegion(root, cfg)
	r, ok := renderRegion(region, base, src, meta, shop, cfg)
	if !ok || !holdsArticle(r.markdown, articleMD, cfg) {
		return rendered{}, false
	}
	return regionResult(r, root, region, meta, articleMD, shop, cfg), true
}

// droppedTables: the data tables of the region n (dataTable, outside its
// chrome; limit is its widgetLimit) that articleMD does not hold (less
// than cfg.TableKept of a table's text) have at least cfg.TableShare of
// articleMD's words. articleMD is read only on a page with a data table.
func droppedTables(n *html.Node, pageLevel bool, limit int, articleMD string, cfg *config) bool {
	var articleTokens []string
	var set map[uint64]struct{}
	dropped := 0
	var toks []string
	var walk func(n *html.Node, pageLevel bool)
	walk = func(n *html.Node, pageLevel bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || isChromeIn(c, pageLevel, limit) {
				continue
			}
			if c.DataAtom == atom.Table && dataTable(c, cfg) {
				if set == nil {
					articleTokens = wordTokens(stripLinks(articleMD), nil)
					set = shingleSet(articleTokens)
				}
				// Cells apart: their texts do not run together.
				var b strings.Builder
				writeSpacedText(&b, c)
				if toks = wordTokens(b.String(), toks[:0]); coverage(toks, set) < cfg.TableKept {
					dropped += len(toks)
				}
				continue
			}
			walk(c, pageLevel && c.DataAtom != atom.Article && c.DataAtom != atom.Section && c.DataAtom != atom.Main)
		}
	}
	walk(n, pageLevel)
	return dropped > 0 && len(articleTokens) > 0 && float64(dropped) >= cfg.TableShare*float64(len(articleTokens))
}

// dataTable: a table of at least cfg.TableMinRows rows of two cells or
// more, with no table inside it (a table holding tables lays out a page).
func dataTable(t *html.Node, cfg *config) bool {
	rows := 0
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Table:
				return false
			case atom.Tr:
				cells := 0
				for d := c.FirstChild; d != nil; d = d.NextSibling {
					if d.DataAtom == atom.Td || d.DataAtom == atom.Th {
						cells++
					}
				}
				if cells >= 2 {
					rows++
				}
			}
			if !walk(c) {
				return false
			}
		}
		return true
	}
	return walk(t) && rows >= cfg.TableMinRows
}
