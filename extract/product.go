package extract

import "golang.org/x/net/html"

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
