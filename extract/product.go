package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// A product page is one item: its title, price, description and
// specifications, spread over short blocks (a price line, a table, a list
// of features). The article extractors keep the densest run of it, the
// description, and drop the rest; the main region, cleaned of the shop's
// rails and reviews, holds all of it. A page that declares exactly one
// product in structured data says it is such a page; a category page
// declares many products, or a list of them (ItemList, CollectionPage).

// declaresOneProduct: the page's structured data (JSON-LD, microdata)
// declares exactly one product and no list of items.
func declaresOneProduct(types []string) bool {
	products := 0
	for _, t := range types {
		switch declaredKind([]string{t}) {
		case kindProduct:
			products++
		case kindListing:
			return false
		}
	}
	return products == 1
}

// singleProduct: the page declares exactly one product (declaresOneProduct)
// and its region is not a listing by its entries: a category page that
// marks up only its featured item still shows a run of product cards
// holding more words than the article path kept.
func singleProduct(root, region *html.Node, meta *pageMeta, articleMD string, cfg *config) bool {
	if !declaresOneProduct(structuredTypes(meta, root)) {
		return false
	}
	words, _, _ := findEntries(region, cfg)
	return words < cfg.ListingMinWords || float64(words) < cfg.ListingGrowth*float64(wordCount(stripLinks(articleMD)))
}

// holdsArticle: md (the region's result) holds at least
// cfg.ProductRegionHolds of the article path's text, so reading the region
// adds the product's other parts without losing what the article path
// found.
func holdsArticle(md, articleMD string, cfg *config) bool {
	toks := wordTokens(stripLinks(articleMD), nil)
	return coverage(toks, shingleSet(wordTokens(stripLinks(md), nil))) >= cfg.ProductRegionHolds
}

// productRailHeadings open what one product's page shows of the shop's
// other products; on a category or home page the same heading ("Featured
// products") heads the content.
var productRailHeadings = []string{"featured products", "featured items", "popular products", "best sellers", "bestsellers", "trending products", "new arrivals"}

func isProductRailHeading(b string) bool {
	return opensWith(strings.Join(headingTokens(b), " "), productRailHeadings)
}

// productRegionMarkdown trims the rendered region (md) of a shop page that
// is one product's page (singleProduct): it starts at the product's name,
// its first level-one heading (what the region shows above it is the
// shop's header: promotions, account and cart links, a search), and loses
// the blocks that are nothing but links (other products' cards, "Help" and
// guarantee links, a category navigator), unless they come as a run of
// cfg.ProductLinkRun or more, which is a list the product page shows (its
// variants, its bundles).
func productRegionMarkdown(root, region *html.Node, meta *pageMeta, md, articleMD string, cfg *config) string {
	if !singleProduct(root, region, meta, articleMD, cfg) {
		return md
	}
	md = dropSections(md, isProductRailHeading, cfg)
	blocks := markdownBlocks(md)
	start := 0
	for i, b := range blocks {
		if headingLevel(md[b.start:b.end]) == 1 {
			start = i
			break
		}
	}
	blocks = blocks[start:]
	linkOnly := make([]bool, len(blocks))
	for i, b := range blocks {
		linkOnly[i] = linkDensity(md[b.start:b.end]) >= cfg.LinkBlockShare
	}
	var out strings.Builder
	write := func(b span) {
		if out.Len() > 0 {
			out.WriteString("\n\n")
		}
		out.WriteString(md[b.start:b.end])
	}
	for i := 0; i < len(blocks); {
		if !linkOnly[i] {
			write(blocks[i])
			i++
			continue
		}
		j := i
		for j < len(blocks) && linkOnly[j] {
			j++
		}
		if j-i >= cfg.ProductLinkRun {
			for _, b := range blocks[i:j] {
				write(b)
			}
		}
		i = j
	}
	return out.String()
}

// productGrid returns the region's entries read as product cards
// (findCards) when they are a shop's grid: at least cfg.GridMinCards of them (a pricing table
// shows three or four plans), cfg.GridPricedShare of them with a price,
// and the article path's result holds next to none of them
// (cfg.GridArticleInside): it kept the shop's text about the category (an
// intro, a buying guide) and left the products out. A page declaring one
// product is that product's page: its rails are cards too.
func productGrid(root, region *html.Node, meta *pageMeta, articleMD string, cfg *config) (cards []string, ok bool) {
	if declaresOneProduct(structuredTypes(meta, root)) {
		return nil, false
	}
	words, _, texts := findCards(region, true, cfg)
	if words < cfg.ListingMinWords || len(texts) < cfg.GridMinCards {
		return nil, false
	}
	priced := 0
	for _, t := range texts {
		if hasPrice(t) {
			priced++
		}
	}
	if float64(priced) < cfg.GridPricedShare*float64(len(texts)) || insideShare(articleMD, texts) >= cfg.GridArticleInside {
		return nil, false
	}
	return texts, true
}
