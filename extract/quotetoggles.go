package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Forum software cuts a long quoted post short and sets, inside the
// quote, the control that opens it ("Click to expand...") and the one
// that closes it again ("Click to shrink...", "Show less"). They are what
// a reader presses, not what anyone wrote, and once a quote: an extractor
// that keeps the thread keeps them between the quote and the reply.
//
// A toggle is known by structure, whatever its words: inside a quote (a
// blockquote, or an element whose class or id names a quote), an element
// of at most cfg.QuoteToggleWords words holding no link with a target
// (the quote's "Bob said:" attribution links to the quoted post) that is
// named for a toggle (toggleWords in its class or id: "expandLink",
// "quoteExpand", "shrinkLink") or is a control standing alone in its
// parent (a button, role="button", aria-expanded, a link that leads
// nowhere: no href, "#" or "javascript:"; it runs before absolutizeLinks
// removes those hrefs with the in-page ones, which lead somewhere), in
// a quote that holds words besides. A short link without a target inside
// a sentence of the quote (a mention a script links) is not alone and
// stays, and so does a toggle outside any quote (a post's own "Show
// more" may open text the reader came for: disclosure.go reads it).

// quoteWords name a quote's container.
var quoteWords = map[string]bool{"quote": true, "blockquote": true, "quotecontainer": true}

// dropQuoteToggles removes the expand and collapse controls of the
// quotes in root (a no-op on a page without quotes).
func dropQuoteToggles(root *html.Node, cfg *config) {
	type found struct{ toggle, quote *html.Node }
	var toggles []found
	var walk func(n, quote *html.Node)
	walk = func(n, quote *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || notPostText[c.DataAtom] {
				continue
			}
			if quote != nil && isQuoteToggle(c, cfg) {
				toggles = append(toggles, found{c, quote})
				continue
			}
			q := quote
			if isQuote(c) {
				q = c
			}
			walk(c, q)
		}
	}
	walk(root, nil)
	// A quote that is only its toggle (an empty quote, a collapsed one
	// whose text a script loads) keeps it: nothing says it is a control
	// of something else. A quote's text is read bounded: past the bound
	// it holds words besides any toggle.
	limit := lineBytes * (cfg.QuoteToggleWords + 1)
	besides := map[*html.Node]bool{}
	for _, f := range toggles {
		ok, seen := besides[f.quote]
		if !seen {
			t, short := textUpTo(f.quote, limit)
			ok = !short || wordCount(t) > cfg.QuoteToggleWords
			besides[f.quote] = ok
		}
		if ok && f.toggle.Parent != nil {
			f.toggle.Parent.RemoveChild(f.toggle)
		}
	}
}

// isQuote: n is a quote's container: a blockquote, or named for a quote.
func isQuote(n *html.Node) bool {
	return n.DataAtom == atom.Blockquote || nameHas(getAttr(n, "class"), quoteWords) || nameHas(getAttr(n, "id"), quoteWords)
}

// isQuoteToggle: n, inside a quote, is its expand or collapse control
// (see the comment at the top of this file).
func isQuoteToggle(n *html.Node, cfg *config) bool {
	raw, short := textUpTo(n, lineBytes*cfg.QuoteToggleWords)
	if !short {
		return false
	}
	text := collapseSpace(raw)
	if w := wordCount(text); w == 0 || w > cfg.QuoteToggleWords || holds(n, isTargetLink) || n.DataAtom == atom.Blockquote {
		return false
	}
	if nameHas(getAttr(n, "class"), toggleWords) || nameHas(getAttr(n, "id"), toggleWords) {
		return true // "quoteExpand" names a quote's part, not a quote
	}
	return !isQuote(n) && isControlElement(n) && n.Parent != nil && standsAlone(n, text)
}

// isTargetLink: n is a link with a target (another page, or a place on
// this one: "#post-12", the quoted post).
func isTargetLink(n *html.Node) bool { return n.DataAtom == atom.A && !leadsNowhere(n) }

// leadsNowhere: link n has no href, or one a script stands behind ("#",
// "javascript:").
func leadsNowhere(n *html.Node) bool {
	href := strings.TrimSpace(getAttr(n, "href"))
	return href == "" || href == "#" || len(href) >= len("javascript:") && strings.EqualFold(href[:len("javascript:")], "javascript:")
}

// isControlElement: n is pressed, not read: a button, role="button", an
// element with aria-expanded, or a link that leads nowhere (no href, and
// no name or id a link elsewhere may lead to).
func isControlElement(n *html.Node) bool {
	switch {
	case n.DataAtom == atom.Button, strings.EqualFold(getAttr(n, "role"), "button"), hasAttr(n, "aria-expanded"):
		return true
	case n.DataAtom == atom.A:
		return leadsNowhere(n) && !hasAttr(n, "name") && !hasAttr(n, "id")
	}
	return false
}

// standsAlone: n's parent shows no text but n's (text), read bounded.
func standsAlone(n *html.Node, text string) bool {
	raw, short := textUpTo(n.Parent, len(text)+lineBytes)
	return short && collapseSpace(raw) == text
}
