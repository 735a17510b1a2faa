package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// pageKind is what a page declares itself to be in structured data.
type pageKind int

const (
	kindUnknown pageKind = iota
	kindArticle
	kindDocs
	kindForum
	kindProduct
	kindListing
	kindService
)

func (k pageKind) String() string {
	return [...]string{"unknown", "article", "documentation", "forum", "product", "listing", "service"}[k]
}

// ldKinds maps schema.org types to page kinds; the first declared type
// with a kind wins, in this order of specificity.
var ldKinds = []struct {
	typ  string
	kind pageKind
}{
	{"DiscussionForumPosting", kindForum}, {"QAPage", kindForum}, {"Question", kindForum},
	{"Product", kindProduct}, {"ProductGroup", kindProduct},
	{"ItemList", kindListing}, {"CollectionPage", kindListing}, {"SearchResultsPage", kindListing}, {"OfferCatalog", kindListing},
	{"TechArticle", kindDocs}, {"APIReference", kindDocs},
	{"NewsArticle", kindArticle}, {"Article", kindArticle}, {"BlogPosting", kindArticle}, {"Report", kindArticle},
	{"ReportageNewsArticle", kindArticle}, {"OpinionNewsArticle", kindArticle}, {"ScholarlyArticle", kindArticle},
	{"Service", kindService}, {"ProfessionalService", kindService}, {"LocalBusiness", kindService},
}

// declaredKind reads the page kind from JSON-LD objects and microdata
// itemtypes.
func declaredKind(types []string) pageKind {
	for _, k := range ldKinds {
		for _, t := range types {
			if t == k.typ {
				return k.kind
			}
		}
	}
	return kindUnknown
}

// structuredTypes lists the schema.org types the page declares: JSON-LD
// @type values and microdata itemtype URLs' last segment.
func structuredTypes(meta *pageMeta, root *html.Node) []string {
	if f := meta.facts; f != nil && f.root == root {
		return f.types
	}
	var out []string
	for _, o := range meta.jsonLD {
		out = append(out, ldTypes(o)...)
	}
	var cards productScopes
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if it := getAttr(n, "itemtype"); it != "" {
				for _, f := range strings.Fields(it) {
					t := itemTypeName(f)
					if t == "Product" {
						cards.add(n, len(out))
					}
					out = append(out, t)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return cards.dropCards(out)
}
