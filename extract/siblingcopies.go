package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Responsive pages often send one block twice, side by side: a phone
// layout and a desktop layout of the same card or banner, one of them
// hidden by a stylesheet the page links to (which is not read). Both
// copies then reach the region's text ("How to get clients · Tomorrow at
// 12:00 · Free" twice in every card of a listing). The copies are
// adjacent siblings, and one copy's words are the other's, in order,
// with a few parts left out (a desktop card without the organiser line
// its phone card shows).

// dropSiblingCopies removes, under n, each element whose words are its
// adjacent element sibling's, in order (a subsequence of them), when it
// has cfg.SiblingCopyMinWords words or more and at least
// cfg.SiblingCopyShare of the other's: the shorter copy goes (of two
// equal ones, the second). Only boxes of a layout are copies: a
// paragraph, heading or list item said twice is the text saying it
// again. Siblings with text between them are not compared; a short
// label repeated ("Free", "Add to cart") is no copy.
func dropSiblingCopies(n *html.Node, cfg *config) {
	size := map[*html.Node]int{}
	var measure func(n *html.Node) int
	measure = func(n *html.Node) int {
		if n.Type == html.TextNode {
			return len(n.Data)
		}
		t := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			t += measure(c)
		}
		size[n] = t
		return t
	}
	measure(n)
	dropCopiesUnder(n, size, cfg)
}

// dropCopiesUnder is dropSiblingCopies' walk; size holds each element's
// text bytes, so that only siblings of about one size are tokenized.
func dropCopiesUnder(n *html.Node, size map[*html.Node]int, cfg *config) {
	var prev *html.Node
	var prevWords []string
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			prev, prevWords = nil, nil
		case c.Type == html.ElementNode:
			var words []string
			if prev != nil && layoutBox(prev) && layoutBox(c) && similarSize(size[prev], size[c], cfg) {
				if prevWords == nil {
					prevWords = nodeWords(prev)
				}
				words = nodeWords(c)
				if siblingCopy(prevWords, words, cfg) {
					if len(words) <= len(prevWords) {
						n.RemoveChild(c)
						c = next
						continue
					}
					n.RemoveChild(prev)
					prev = nil
				}
			}
			if prev != nil {
				dropCopiesUnder(prev, size, cfg)
			}
			prev, prevWords = c, words
		}
		c = next
	}
	if prev != nil {
		dropCopiesUnder(prev, size, cfg)
	}
}

// layoutBox: n is a box of a layout (a division, a section, a list, a
// figure, a table or a custom element), not a block of text.
func layoutBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Article, atom.Ul, atom.Ol, atom.Dl, atom.Figure, atom.Table:
		return true
	}
	return n.DataAtom == 0
}

// similarSize: text of a and b bytes may be copies of each other (half
// of SiblingCopyShare: markup spacing differs between copies).
func similarSize(a, b int, cfg *config) bool {
	if a > b {
		a, b = b, a
	}
	return a > 0 && float64(a) >= cfg.SiblingCopyShare/2*float64(b)
}

// siblingCopy: the shorter of a and b is a copy of the longer (see
// dropSiblingCopies).
func siblingCopy(a, b []string, cfg *config) bool {
	short, long := a, b
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short) < cfg.SiblingCopyMinWords || float64(len(short)) < cfg.SiblingCopyShare*float64(len(long)) {
		return false
	}
	i := 0
	for _, w := range long {
		if i < len(short) && short[i] == w {
			i++
		}
	}
	return i == len(short)
}

// nodeWords are the word tokens of n's text, text node by text node (two
// adjacent labels stay two words).
func nodeWords(n *html.Node) []string {
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			out = wordTokens(n.Data, out)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}
