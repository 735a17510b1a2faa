package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// When its own extraction finds fewer than 250 characters (any short
// page), trafilatura falls back to a "baseline" that returns the text of the
// first <article>, or of the whole body, as ONE paragraph: headings and
// paragraphs end up on one line, and where the HTML has no whitespace
// between tags words run together ("Façade”The"). restoreFlattened puts the
// source element back in place of such a paragraph, so its blocks, links
// and spacing survive.

// restoreFlattened undoes the baseline in trafilatura's content node. The
// baseline reads, in turn, the JSON-LD articleBody, the first <article>,
// the body and the whole document; when one of its plain-text paragraphs
// holds exactly the text of the article, body or document (title
// included), the whole result becomes a clean copy of that element (of the
// body, for the document): anything else the baseline gathered is part of
// it. A paragraph holding the JSON-LD articleBody is split at its line
// breaks instead. src is the page the content was extracted from.
// wholeBody reports that the content became the body's copy: no main text
// was found (Document.WholeBody).
func restoreFlattened(content *html.Node, src *pageText) (wholeBody bool) {
	if !onlyPlainParagraphs(content) {
		return false // trafilatura's own extraction: it keeps structure
	}
	root := src.doc
	body := findElement(root, atom.Body)
	// match is what the baseline read, keep what replaces its paragraph.
	type source struct{ match, keep *html.Node }
	cands := []source{{findElement(root, atom.Article), nil}}
	if body != nil { // the parser always makes one; a copy of the document itself would not render
		cands = append(cands, source{body, body}, source{root, body})
	}
	keys := make([]string, len(cands))
	ldKey := ""
	if strings.Contains(src.articleBody, "\n") {
		ldKey = letterKey(src.articleBody)
	}
	for p := content.FirstChild; p != nil; {
		next := p.NextSibling
		key := ""
		if p.Type == html.ElementNode {
			key = letterKey(textOf(p))
		}
		if key == "" {
			p = next
			continue
		}
		if key == ldKey {
			for _, line := range strings.Split(src.articleBody, "\n") {
				if line = strings.TrimSpace(line); line != "" {
					q := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
					q.AppendChild(&html.Node{Type: html.TextNode, Data: line})
					content.InsertBefore(q, p)
				}
			}
			content.RemoveChild(p)
			p = next
			continue
		}
		for i, c := range cands {
			if c.match == nil {
				continue
			}
			if keys[i] == "" {
				var b strings.Builder
				writeBaselineText(&b, c.match)
				keys[i] = letterKey(b.String())
			}
			if key != keys[i] {
				continue
			}
			keep := c.keep
			if keep == nil {
				keep = c.match
			}
			el := stripNonContent(baselineClean(cloneNode(keep)))
			if keep == body {
				dropBodyLandmarks(el) // bodylandmarks.go
			}
			el.Data, el.DataAtom, el.Attr = "div", atom.Div, nil
			for content.FirstChild != nil {
				content.RemoveChild(content.FirstChild)
			}
			content.AppendChild(el)
			return keep == body
		}
		p = next
	}
	return false
}

// writeBaselineText writes the text the baseline reads from n: all text
// but that of the elements its cleaning removes.
func writeBaselineText(b *strings.Builder, n *html.Node) {
	if n.Type == html.TextNode {
		b.WriteString(n.Data)
		return
	}
	if n.Type == html.ElementNode && isBaselineDiscarded(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeBaselineText(b, c)
	}
}

// onlyPlainParagraphs: every child element is a <p> holding text only,
// the shape of the baseline's output. Trafilatura renames nodes without
// updating DataAtom, so names are compared.
func onlyPlainParagraphs(n *html.Node) bool {
	found := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.Data != "p" {
			return false
		}
		for g := c.FirstChild; g != nil; g = g.NextSibling {
			if g.Type != html.TextNode {
				return false
			}
		}
		found = true
	}
	return found
}

// baselineClean removes what the baseline removes before reading the text
// (aside, footer, footer-like divs, script, style), so the texts compare.
func baselineClean(n *html.Node) *html.Node {
	removeElements(n, isBaselineDiscarded)
	return n
}

func isBaselineDiscarded(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Aside, atom.Footer, atom.Script, atom.Style:
		return true
	case atom.Div:
		for _, a := range n.Attr {
			if (a.Key == "id" || a.Key == "class") && strings.Contains(a.Val, "footer") {
				return true
			}
		}
	}
	return false
}

// letterKey is s reduced to its letters and digits: equal for the same
// text however it was split or joined ("Façade”The" and "Façade” The").
func letterKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if isWordRune(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
