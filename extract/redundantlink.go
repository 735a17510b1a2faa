package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A card on a listing often links to its item two or three times: the
// picture, the title and the one-line summary each go to the same page.
// So that a screen reader announces the item once and the tab key stops
// on it once, the copies are marked aria-hidden="true" and tabindex="-1"
// (the "redundant link" pattern). Their text is on screen like the rest
// of the card: aria-hidden takes it out of the accessibility tree, not
// out of sight. A summary written only inside such a link is the entry's
// summary, and a person reading the page sees it.
//
// The hidden-text guarantee is about what a person would not see, and it
// stays whole: a redundant link is removed as before when anything else
// hides it (the hidden attribute, a hiding class, and the cascade's
// display, visibility, opacity, size, colour and position rules, applied
// before this), and what is hidden inside it goes as anywhere else. Only
// aria-hidden, on this one element, is not read as "invisible", and only
// when the link is a copy of one the page shows: another link to the
// same address, not hidden, near it. aria-hidden on any other element (a
// <div>, a <span>, a link still in the tab order, a link with no visible
// twin) hides as before. A redundant link whose text is already beside
// it (a heading's text copied into a link stretched over the card) or
// that holds no words (a picture) goes too: it would only repeat.

// redundantLinkDepth is how many ancestors up the twin link is looked
// for: a card is a few levels deep (picture, header, summary).
const redundantLinkDepth = 4

// redundantLinkBudget bounds the nodes read around one redundant link
// (a page of thousands of them under one parent would otherwise cost
// links × page); past it the link stays hidden, as before.
const redundantLinkBudget = 512

// keepsRedundantLink: n is aria-hidden, and a redundant link whose own
// text a person sees and the page shows nowhere else in its card.
func keepsRedundantLink(n *html.Node) bool {
	if n.DataAtom != atom.A {
		return false
	}
	var href string
	tab := false
	for _, a := range n.Attr {
		switch a.Key {
		case "href":
			href = strings.TrimSpace(a.Val)
		case "tabindex":
			tab = strings.TrimSpace(a.Val) == "-1"
		}
	}
	if href == "" || !tab {
		return false
	}
	own := collapseSpace(textOf(n))
	if wordCount(own) == 0 {
		return false
	}
	for a, depth := n.Parent, 0; a != nil && depth < redundantLinkDepth; a, depth = a.Parent, depth+1 {
		twin, other, ok := aroundLink(a, n, href)
		if !ok {
			return false
		}
		if twin {
			return !strings.Contains(collapseSpace(other), own)
		}
	}
	return false
}

// aroundLink reads the subtree of a without link: whether it holds
// another link to href that is not aria-hidden (its twin), and its text
// outside link. ok is false past redundantLinkBudget nodes.
func aroundLink(a, link *html.Node, href string) (twin bool, other string, ok bool) {
	var b strings.Builder
	seen := 0
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if seen++; seen > redundantLinkBudget {
				return false
			}
			switch {
			case c == link:
				continue
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
				b.WriteByte(' ')
				continue
			case c.Type != html.ElementNode || c.DataAtom == atom.Script || c.DataAtom == atom.Style || c.DataAtom == atom.Template:
				continue
			case isAriaHidden(c):
				continue // hidden, or another copy: never the twin, never beside
			case c.DataAtom == atom.A && strings.TrimSpace(getAttr(c, "href")) == href:
				twin = true
			}
			if !walk(c) {
				return false
			}
		}
		return true
	}
	ok = walk(a)
	return twin, b.String(), ok
}

// isAriaHidden: n says aria-hidden="true".
func isAriaHidden(n *html.Node) bool {
	return strings.EqualFold(strings.TrimSpace(getAttr(n, "aria-hidden")), "true")
}
