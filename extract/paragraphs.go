package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// paragraphize wraps loose text in containers into <p> elements, split at
// double <br> and at block children. Many pages write an article as text
// and <br><br> inside a <div>; trafilatura then emits a paragraph per text
// run and per inline element, cutting sentences at every link
// ("...the last i9" / "[MacBook Pro] was released"). Readability does the
// same conversion for the same reason.
func paragraphize(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			paragraphize(c)
		}
	}
	if n.Type != html.ElementNode || !isLooseTextContainer(n) || !hasDirectText(n) || !hasDirectBreak(n) {
		return
	}
	var group []*html.Node
	flush := func() {
		if groupHasText(group) {
			p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
			n.InsertBefore(p, group[0])
			for _, g := range group {
				n.RemoveChild(g)
				p.AppendChild(g)
			}
		}
		group = group[:0]
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.TextNode, c.Type == html.ElementNode && isInlineTag(c.Data), c.Type == html.ElementNode && c.DataAtom == atom.Img:
			group = append(group, c)
		case c.Type == html.ElementNode && c.DataAtom == atom.Br:
			if isDoubleBreak(c) {
				flush()
				// Drop the break pair: paragraphs now separate the text.
				for next != nil && (next.Type == html.TextNode && strings.TrimSpace(next.Data) == "" || next.DataAtom == atom.Br) {
					after := next.NextSibling
					n.RemoveChild(next)
					next = after
				}
				n.RemoveChild(c)
			} else {
				group = append(group, c)
			}
		default:
			flush()
		}
		c = next
	}
	flush()
}

func isLooseTextContainer(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Td, atom.Body, atom.Center, atom.Blockquote,
		atom.Span, atom.Font: // spans and fonts too: old CMSs wrap whole articles in them
		return true
	}
	return false
}

func hasDirectText(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return true
		}
	}
	return false
}

// isDoubleBreak: br followed (past whitespace) by another br.
func isDoubleBreak(br *html.Node) bool {
	for s := br.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.TextNode && strings.TrimSpace(s.Data) == "" {
			continue
		}
		return s.Type == html.ElementNode && s.DataAtom == atom.Br
	}
	return false
}

func groupHasText(group []*html.Node) bool {
	for _, g := range group {
		if g.Type == html.TextNode && strings.TrimSpace(g.Data) != "" {
			return true
		}
		if g.Type == html.ElementNode && hasText(g) {
			return true
		}
	}
	return false
}

func hasDirectBreak(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Br {
			return true
		}
	}
	return false
}
