package extract

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A row of links that lead nowhere (href="#" or "javascript:", whose href
// absolutizeLinks removed) and hold nothing else is a control a script
// runs: a star rater ("1 of 5 stars" … "5 of 5 stars"), a carousel's dots,
// a toggle bar. Its labels are not the page's text; a listing repeats it
// under every entry. A single such link (an accordion's question, a tab
// label) is left alone: it often labels content.

// stripControlRows removes from n the elements whose children are only
// cfg.ControlRowMinLinks or more links without a target.
func stripControlRows(n *html.Node, cfg *config) {
	removeElements(n, func(c *html.Node) bool { return isControlRow(c, cfg) })
}

// isControlRow: n's children are cfg.ControlRowMinLinks or more <a>
// elements without an href, and whitespace.
func isControlRow(n *html.Node, cfg *config) bool {
	links := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.ElementNode:
			if c.DataAtom != atom.A || getAttr(c, "href") != "" || hasAttr(c, "name") || hasAttr(c, "id") {
				return false
			}
			links++
		case html.TextNode:
			if wordCount(c.Data) > 0 {
				return false
			}
		}
	}
	return links >= cfg.ControlRowMinLinks
}
