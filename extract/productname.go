package extract

import "strings"

// A shop's product page opens with the shop's header: the promotions bar,
// the account, wishlist and cart links, a search, the breadcrumbs, a
// "Deal of the day" timer. The product starts at its name, the page's
// level-one heading, and the page's title names the product too ("Trail
// shoe | Acme Outdoor"). When the extracted text has such a heading
// further down, what stands above it is the shop's header, as long as it
// reads as one: short lines and links, fewer words than the text from the
// name on. (A page that opens with its customers' quotes or a story and
// names the product below them keeps them.)

// startAtProductName cuts md (a shop page's Markdown) to start at its
// first level-one heading that names the product: at least
// cfg.ProductNameTitleShare of the heading's words (cfg.ProductNameMinWords
// or more) are
// words of the page's title (titles, one a line: the title and the
// headline the page declares), when what stands above it is a header
// (isShopHeader). md is returned whole otherwise.
func startAtProductName(md, titles string, cfg *config) string {
	titleWords := map[string]bool{}
	for _, w := range wordTokens(strings.ToLower(titles), nil) {
		titleWords[w] = true
	}
	if len(titleWords) == 0 {
		return md
	}
	for i, b := range markdownBlocks(md) {
		blk := md[b.start:b.end]
		if headingLevel(blk) != 1 {
			continue
		}
		toks := headingTokens(blk)
		if len(toks) < cfg.ProductNameMinWords {
			continue
		}
		in := 0
		for _, w := range toks {
			if titleWords[w] {
				in++
			}
		}
		if float64(in) >= cfg.ProductNameTitleShare*float64(len(toks)) {
			if i == 0 || !isShopHeader(md[:b.start], md[b.start:], cfg) {
				return md
			}
			return md[b.start:]
		}
	}
	return md
}

// isShopHeader: above (the text above the product's name) holds no block
// of more than cfg.ShopHeaderBlockWords words outside links, and fewer
// such words than rest, the text from the name on.
func isShopHeader(above, rest string, cfg *config) bool {
	own := 0
	for _, b := range markdownBlocks(above) {
		n := wordCount(stripLinkTexts(above[b.start:b.end]))
		if n > cfg.ShopHeaderBlockWords {
			return false
		}
		own += n
	}
	return own < wordCount(stripLinkTexts(rest))
}
