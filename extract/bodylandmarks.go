package extract

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// When trafilatura finds no main text it falls back to the whole body
// (restoreFlattened puts the body back in place of its one paragraph).
// A body holds the page's banner and menus as well as its content; the
// page marks them as such with its landmarks: a <header> outside the
// article, main and section elements (the page's header, not an
// article's), and the ARIA roles of a banner, a menu, a search box and
// the page's footer. Those go; the rest of the body stays as it was.

// dropBodyLandmarks removes from body (a copy of the page's <body>) its
// page header and the elements whose role names page chrome.
func dropBodyLandmarks(body *html.Node) {
	var walk func(n *html.Node, inContent bool)
	walk = func(n *html.Node, inContent bool) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				if isBodyLandmark(c, inContent) {
					n.RemoveChild(c)
				} else {
					walk(c, inContent || c.DataAtom == atom.Article || c.DataAtom == atom.Main || c.DataAtom == atom.Section)
				}
			}
			c = next
		}
	}
	walk(body, false)
}

// isBodyLandmark: n is the page's header (a <header> outside any article,
// main or section: inContent is false) or has a role that names page
// chrome (chromeRoles).
func isBodyLandmark(n *html.Node, inContent bool) bool {
	if n.DataAtom == atom.Header && !inContent {
		return true
	}
	return foldLookup(chromeRoles, getAttr(n, "role")) // on every element of the body
}

// chromeRoles are the WAI-ARIA roles of a page's banner, menus, search box
// and footer.
var chromeRoles = map[string]bool{"banner": true, "navigation": true, "menubar": true, "menu": true, "search": true, "contentinfo": true}
