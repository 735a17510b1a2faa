package extract

import (
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A row of tags, a card's topics or a list of authors is often written as
// links with nothing between them ("<a href=/tag/a>Developer
// Experience</a><a href=/tag/b>Developer Tools</a>"): the stylesheet sets
// each apart as a chip or with a margin. Rendered as the markup holds them
// they read as one word where they meet ("ExperienceDeveloper"), in the
// Markdown and in every count of words made from it. Two links to
// different pages are two things, so where their words touch a space goes
// between them. Links to the same page are one link the markup split (a
// word styled in two runs, "<a>Co</a><a>ntact</a>"): left as they are. So
// are scripts written without spaces between words (Han, kana, Thai...).

// spaceAdjacentLinks puts a space, in place, between sibling links under
// n that touch (no node between them), go to different targets and whose
// texts meet letter to letter. It runs on the page before either
// extractor reads it, once links are absolute (absolutizeLinks: two
// spellings of one target compare equal).
func spaceAdjacentLinks(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom == atom.Pre || c.DataAtom == atom.Code {
			continue
		}
		spaceAdjacentLinks(c)
		next := c.NextSibling
		if c.DataAtom != atom.A || next == nil || next.Type != html.ElementNode || next.DataAtom != atom.A {
			continue
		}
		left, right := getAttr(c, "href"), getAttr(next, "href")
		if left == "" || right == "" || left == right {
			continue
		}
		lr, rr := lastRune(lastText(c)), firstRune(firstText(next))
		if !isWordRune(lr) || !isWordRune(rr) || unspacedScript(lr) || unspacedScript(rr) {
			continue
		}
		n.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, next)
	}
}

// unspacedScript: r belongs to a script written without spaces between
// words, where two runs that touch are one text.
func unspacedScript(r rune) bool {
	return r >= 0x0E00 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai,
		unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan))
}
