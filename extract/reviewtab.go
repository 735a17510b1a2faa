package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A product page often sets its parts out as tabs: "Details", "Specs",
// "Reviews", a row of in-page links above a row of panels, one panel per
// link (href="#details" opens the panel with id="details"). The buyers'
// reviews there are one of the product's panels, shown as much as its
// description is, rather than a box the shop adds beside the product; the
// region keeps such a panel when it holds no rail of other products.
// Shops that mark their tabs up with WAI-ARIA (role="tabpanel") are read
// by the same rule.

// tabPanelIDs are the ids of n's elements that are panels of a tab set
// marked up with in-page links: the target of an in-page link ("#id",
// kept as fragmentMark by absolutizeLinks) whose parent element also
// holds an element with the id another such link targets (two panels side
// by side, each opened by its link). At most cfg.ReviewTabScan elements
// are read: a product's tabs sit well within a page's first ten thousand,
// and the walk runs once per page.
func tabPanelIDs(n *html.Node, cfg *config) map[string]bool {
	targets := map[string]bool{}
	nodes := 0
	var ids []*html.Node
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if nodes++; nodes > cfg.ReviewTabScan {
				return false
			}
			if c.DataAtom == atom.A {
				if f := getAttr(c, fragmentMark); f != "" {
					targets[f] = true
				}
			} else if getAttr(c, "id") != "" {
				ids = append(ids, c)
			}
			if !walk(c) {
				return false
			}
		}
		return true
	}
	walk(n)
	if len(targets) < 2 {
		return nil
	}
	// The targeted ids among each parent's element children, two at most
	// (enough to tell whether one differs from a given id), read once per
	// parent: a list of many anchored sections would otherwise be read
	// again for each of them.
	type pair [2]string
	targetedIn := map[*html.Node]pair{}
	targetedOf := func(p *html.Node) pair {
		if t, ok := targetedIn[p]; ok {
			return t
		}
		var t pair
		for s := p.FirstChild; s != nil && t[1] == ""; s = s.NextSibling {
			if s.Type != html.ElementNode {
				continue
			}
			if sid := getAttr(s, "id"); targets[sid] && sid != t[0] {
				if t[0] == "" {
					t[0] = sid
				} else {
					t[1] = sid
				}
			}
		}
		targetedIn[p] = t
		return t
	}
	var panels map[string]bool
	for _, e := range ids {
		id := getAttr(e, "id")
		if !targets[id] || e.Parent == nil {
			continue
		}
		// Another panel beside e: a sibling targeted under another id.
		if t := targetedOf(e.Parent); t[0] != "" && t[0] != id || t[1] != "" && t[1] != id {
			if panels == nil {
				panels = map[string]bool{}
			}
			panels[id] = true
		}
	}
	return panels
}

// isReviewTab: n, a box named for reviews, is one panel of the product's
// tab set: marked role="tabpanel", or one of panels (tabPanelIDs).
func isReviewTab(n *html.Node, panels map[string]bool) bool {
	if strings.EqualFold(getAttr(n, "role"), "tabpanel") {
		return true
	}
	id := getAttr(n, "id")
	return id != "" && panels[id]
}
