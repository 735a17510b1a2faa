package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A product's page marked up with microdata often marks up the other
// products it shows too: each card of a "You may also like" rail is its
// own itemscope of type Product. The page's own product is the scope that
// holds the page's headline (its h1, the product's name); the cards hold
// none. Counted as declared products, the cards would make the page a
// category page (declaresOneProduct). A page where no scope, or more than
// one, holds an h1 keeps every scope it declares: a category page's cards
// are all alike.

// productScopes collects the microdata Product scopes of a page in
// document order, with where each one's type sits in the type list.
type productScopes struct {
	nodes []*html.Node
	at    []int
}

func (s *productScopes) add(n *html.Node, i int) {
	s.nodes, s.at = append(s.nodes, n), append(s.at, i)
}

// dropCards removes from types the Product entries of the scopes that are
// cards beside the page's own product: exactly one scope, not nested in
// another Product scope, holds an h1.
func (s *productScopes) dropCards(types []string) []string {
	if len(s.nodes) < 2 {
		return types
	}
	own := -1
	for i, n := range s.nodes {
		if findFirst(n, isH1) != nil && !insideProductScope(n) {
			if own >= 0 {
				return types
			}
			own = i
		}
	}
	if own < 0 {
		return types
	}
	drop := make(map[int]bool, len(s.at))
	for i := range s.nodes {
		if i != own {
			drop[s.at[i]] = true
		}
	}
	out := types[:0:0]
	for i, t := range types {
		if !drop[i] {
			out = append(out, t)
		}
	}
	return out
}

func isH1(n *html.Node) bool { return n.DataAtom == atom.H1 }

// insideProductScope: an ancestor of n is a microdata Product scope.
func insideProductScope(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && declaresProductType(getAttr(p, "itemtype")) {
			return true
		}
	}
	return false
}

// declaresProductType: the itemtype attribute value v names Product.
func declaresProductType(v string) bool {
	for _, f := range strings.Fields(v) {
		if itemTypeName(f) == "Product" {
			return true
		}
	}
	return false
}

// itemTypeName is the type an itemtype URL names: its last path segment
// ("https://schema.org/Product" -> "Product").
func itemTypeName(f string) string { return f[strings.LastIndexByte(f, '/')+1:] }
