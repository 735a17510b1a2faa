package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Besides the chrome sites name (region.go), a main region holds boxes
// that say what they are by their structure: a form asking for an e-mail
// address, a password or a search term is the site's sign-up, log-in or
// search box, and the few lines around it ("Enter your email for 10%
// off", "By signing up you agree…") go with it; a live status message
// (role status or alert: "Added to your basket", "Only 3 left") speaks
// about the visit, not the page. They are removed before the region's
// usual chrome, whose rules drop the form's inputs and so its trace.

// stripSiteBoxes removes the site boxes and status messages under n.
func stripSiteBoxes(n *html.Node, cfg *config) {
	var boxes []*html.Node
	words := map[*html.Node]int{} // each ancestor counted once, however many forms it holds
	var walk func(c *html.Node)
	walk = func(c *html.Node) {
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			if k.Type != html.ElementNode {
				continue
			}
			if isLiveMessage(k) {
				boxes = append(boxes, k)
				continue
			}
			if isSiteForm(k, cfg) {
				boxes = append(boxes, siteBox(n, k, cfg, words))
				continue
			}
			walk(k)
		}
	}
	walk(n)
	for _, b := range boxes {
		if b.Parent != nil {
			b.Parent.RemoveChild(b)
		}
	}
}

// isLiveMessage: an ARIA live status or alert message.
func isLiveMessage(n *html.Node) bool {
	r := strings.ToLower(getAttr(n, "role"))
	return r == "status" || r == "alert"
}

// isSiteForm: a form of at most cfg.SiteBoxWords words that asks for an
// e-mail address, a password or a search term. (A page built as one big
// form, as ASP.NET sites are, is far larger; a product's buy form asks
// for none of these.)
func isSiteForm(n *html.Node, cfg *config) bool {
	if n.DataAtom != atom.Form || visibleWords(n) > cfg.SiteBoxWords {
		return false
	}
	found := false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.Input {
				switch strings.ToLower(getAttr(c, "type")) {
				case "email", "password", "search":
					found = true
					return
				}
			}
			walk(c)
		}
	}
	walk(n)
	return found
}

// siteBox is the box a site form stands in: its largest ancestor below
// the region (root) and its landmarks that holds at most
// cfg.SiteBoxWords words. words caches the ancestors' counts: a page of
// many forms in one block would otherwise count that block once per form.
func siteBox(root, form *html.Node, cfg *config, words map[*html.Node]int) *html.Node {
	count := func(p *html.Node) int {
		w, ok := words[p]
		if !ok {
			w = visibleWords(p)
			words[p] = w
		}
		return w
	}
	box := form
	for p := box.Parent; p != nil && p != root && p.DataAtom != atom.Body && p.DataAtom != atom.Main &&
		count(p) <= cfg.SiteBoxWords; p = p.Parent {
		box = p
	}
	return box
}
