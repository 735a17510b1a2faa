package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Some shop platforms mark their product grid up as an ordered list
// (Magento's "ol.product-items", a ranked "top sellers" rail) and hide the
// numbers with their stylesheet: the reader sees cards, not "01.", "02.".
// Rendered as written, each card opens with a number the page never
// shows, wedged between the previous card's price and this card's photo.
// A list whose items are cards (each opens with a link, to the product,
// and goes on in blocks of its own: the name, the price) is rendered as
// the unordered list it reads as. An ordered list of steps or of ranked
// names opens its items with words, or keeps each item to one line.

// blockNames are the elements that start a line of their own in the
// Markdown (by name: trafilatura renames elements without their atom).
var blockNames = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "header": true, "footer": true,
	"figure": true, "figcaption": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "ul": true, "ol": true, "li": true, "dl": true, "dt": true,
	"dd": true, "table": true, "tr": true, "blockquote": true, "pre": true, "address": true,
}

// unnumberCardGrids renames to "ul" each ordered list under n of at least
// cfg.CardGridMinItems items more than half of which are cards
// (isCardItem).
func unnumberCardGrids(n *html.Node, cfg *config) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.Data == "ol" && isCardGrid(c, cfg) {
			c.Data, c.DataAtom = "ul", atom.Ul
		}
		unnumberCardGrids(c, cfg)
	}
}

// isCardGrid: ol holds cfg.CardGridMinItems items or more, more than half
// of them cards.
func isCardGrid(ol *html.Node, cfg *config) bool {
	items, cards := 0, 0
	for li := ol.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode || li.Data != "li" {
			continue
		}
		items++
		if isCardItem(li) {
			cards++
		}
	}
	return items >= cfg.CardGridMinItems && 2*cards > items
}

// isCardItem: the item's first content (a word or an image) is inside a
// link, and its content sits in two blocks or more (blockNames), so that
// it renders as lines of its own under the link.
func isCardItem(li *html.Node) bool {
	var first *html.Node // the first content's nearest block, li or below
	linked, lines := false, 0
	var walk func(n, block *html.Node, inLink bool) bool
	walk = func(n, block *html.Node, inLink bool) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				if strings.TrimSpace(c.Data) == "" {
					continue
				}
			case html.ElementNode:
				if c.Data == "img" {
					break
				}
				b := block
				if blockNames[c.Data] {
					b = c
				}
				if walk(c, b, inLink || c.Data == "a") {
					return true
				}
				continue
			default:
				continue
			}
			// c is content (a word or an image).
			if first == nil {
				first, linked, lines = block, inLink, 1
				if !linked {
					return true // an item that opens with words: not a card
				}
			} else if block != first {
				lines++
				return true
			}
		}
		return false
	}
	walk(li, li, false)
	return linked && lines >= 2
}
