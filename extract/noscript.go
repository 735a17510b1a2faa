package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Forum engines (Discourse, Flarum) and some shops serve a script-driven
// app shell and put the whole page for readers without JavaScript — every
// post of a thread — inside <noscript>. The parser runs with scripting on,
// so that view is unparsed text which the cleaner drops. When a page's
// <noscript> views hold more words than everything else its body shows,
// they are the page: they are parsed in place (and cleaned like the rest,
// hidden-text rules included). A <noscript> beside a real body ("enable
// JavaScript", tracking pixels) stays dropped.

// openNoscriptViews replaces the <noscript> elements of doc's body with
// their parsed markup when, together, they outweigh the visible body.
func openNoscriptViews(doc *html.Node) {
	body := findElement(doc, atom.Body)
	if body == nil {
		return
	}
	// The body's own words are counted only for views that could
	// outweigh them: most pages' views are a tracking pixel or a notice.
	var views []*html.Node
	outside, count := 0, false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.ElementNode && c.DataAtom == atom.Noscript:
				if !count {
					views = append(views, c)
				}
			case c.Type == html.ElementNode && (c.DataAtom == atom.Script || c.DataAtom == atom.Style || c.DataAtom == atom.Template):
			case c.Type == html.TextNode:
				if count {
					outside += wordCount(c.Data)
				}
			default:
				walk(c)
			}
		}
	}
	walk(body)
	if len(views) == 0 {
		return
	}
	type parsed struct {
		view  *html.Node
		nodes []*html.Node
	}
	var opened []parsed
	inside := 0
	for _, v := range views {
		raw := textOf(v)
		if !strings.Contains(raw, "<") {
			continue
		}
		nodes, err := html.ParseFragment(strings.NewReader(raw), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
		if err != nil {
			continue
		}
		words := 0
		for _, n := range nodes {
			words += visibleWords(n)
		}
		if words > 0 {
			inside += words
			opened = append(opened, parsed{v, nodes})
		}
	}
	if inside < minNoscriptWords {
		return
	}
	count = true
	walk(body)
	if inside <= outside {
		return
	}
	for _, p := range opened {
		for _, n := range p.nodes {
			p.view.Parent.InsertBefore(n, p.view)
		}
		p.view.Parent.RemoveChild(p.view)
	}
}

// minNoscriptWords: a no-JavaScript view shorter than this is a notice,
// not a page.
const minNoscriptWords = 30

// visibleWords counts the words of n's text outside scripts and styles.
func visibleWords(n *html.Node) int {
	switch {
	case n.Type == html.TextNode:
		return wordCount(n.Data)
	case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Template):
		return 0
	}
	w := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w += visibleWords(c)
	}
	return w
}

// findElement is the first element of type a under n, depth first.
func findElement(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, a); f != nil {
			return f
		}
	}
	return nil
}
