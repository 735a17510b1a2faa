package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Trafilatura trims the text and tail of every node it keeps, so
// "<a>MacBook Pro</a> was" comes out as "...Pro</a>was". Its own plain-text
// output re-joins nodes with spaces, which hides the damage; Markdown
// rendered from the node glues the words ("Prowas"). restoreSpaces puts a
// space back at each element boundary where two words touch that never
// touched in the source page.

// pageText is the visible text of the page with a space at every block
// boundary, used to tell real glued words ("<b>H</b>ello") from lost spaces.
type pageText struct {
	doc  *html.Node
	text string
	done bool
	// articleBody is the page's JSON-LD articleBody, which trafilatura's
	// baseline may return as one paragraph (see flattened.go).
	articleBody string
}

func (p *pageText) get() string {
	if !p.done {
		var b strings.Builder
		writeSpacedText(&b, p.doc)
		p.text = b.String()
		p.done = true
	}
	return p.text
}

func writeSpacedText(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		if !isInlineTag(n.Data) {
			b.WriteByte(' ')
			defer b.WriteByte(' ')
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeSpacedText(b, c)
	}
}

func isInlineTag(tag string) bool {
	switch tag {
	case "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i",
		"kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
		"time", "tt", "u", "var", "del", "ins", "hi", "ref":
		return true
	}
	return false
}

func restoreSpaces(root *html.Node, src *pageText) {
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data != "pre" && c.Data != "code" {
			restoreSpaces(c, src)
		}
		next := c.NextSibling
		if next == nil || !inlineNode(c) || !inlineNode(next) {
			continue
		}
		left := lastWord(c)
		right := firstWord(next)
		if left == "" || right == "" {
			continue
		}
		lr, _ := utf8.DecodeLastRuneInString(left)
		rr, _ := utf8.DecodeRuneInString(right)
		if !isWordRune(rr) || !(isWordRune(lr) || strings.ContainsRune(".,;:!?", lr)) {
			continue
		}
		if strings.Contains(src.get(), left+right) && !stackedLabels(c, next, lr, rr) {
			continue
		}
		if c.Type == html.TextNode {
			c.Data += " "
		} else if next.Type == html.TextNode {
			next.Data = " " + next.Data
		} else {
			root.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, next)
		}
	}
}

// stackedLabels: two sibling elements whose words touch in the source
// as a lower-case letter and a capital ("Black Diamond" + "Spot 400
// Headlamp" in a shop's card, "Verified" + "Purchase") are two labels the
// page's stylesheet stacks or spaces (a brand above a product name), not
// one word: a word split across elements continues in lower case
// ("<b>H</b>ello"), and a name in capitals inside one word ("iPhone",
// "YouTube") sits in one text node.
func stackedLabels(left, right *html.Node, lr, rr rune) bool {
	return left.Type == html.ElementNode && right.Type == html.ElementNode &&
		unicode.IsLower(lr) && unicode.IsUpper(rr) && utf8.RuneCountInString(lastText(left)) >= 2
}

// spaceStackedLabels puts a space between the stacked labels
// (stackedLabels) under n, in place: a main region is rendered as the page
// holds it, without restoreSpaces, and a shop's cards ("Black
// DiamondSpot 400 Headlamp") would otherwise read as one word.
func spaceStackedLabels(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.Data == "pre" || c.Data == "code" {
			continue
		}
		spaceStackedLabels(c)
		next := c.NextSibling
		if next == nil || !isInlineTag(c.Data) || next.Type != html.ElementNode || !isInlineTag(next.Data) {
			continue
		}
		left, right := lastWord(c), firstWord(next)
		if left == "" || right == "" {
			continue
		}
		if stackedLabels(c, next, lastRune(left), firstRune(right)) {
			n.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, next)
		}
	}
}

func inlineNode(n *html.Node) bool {
	return n.Type == html.TextNode || n.Type == html.ElementNode && isInlineTag(n.Data)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// asciiWord answers isWordRune for ASCII without the Unicode tables: word
// counts run over every text node of a page several times, and most of it
// is ASCII.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		t[r] = unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return t
}()

// lastWord is the run of non-space characters that ends n's text.
func lastWord(n *html.Node) string {
	t := lastText(n)
	if t == "" || unicode.IsSpace(lastRune(t)) {
		return ""
	}
	i := strings.LastIndexFunc(t, unicode.IsSpace)
	return t[i+1:]
}

func firstWord(n *html.Node) string {
	t := firstText(n)
	if t == "" || unicode.IsSpace(firstRune(t)) {
		return ""
	}
	if i := strings.IndexFunc(t, unicode.IsSpace); i >= 0 {
		return t[:i]
	}
	return t
}

func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }
func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

// lastText is the last non-empty text node's data under n.
func lastText(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		if t := lastText(c); t != "" {
			return t
		}
	}
	return ""
}

func firstText(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if t := firstText(c); t != "" {
			return t
		}
	}
	return ""
}

// spaceSiblingItems puts a space between adjacent inline siblings of the
// same tag and class whose words would touch: the items of a metadata
// line ("<span class=meta-item>2026</span><span class=meta-item>1h
// 54m</span>"), a card's facts, which the page's stylesheet sets apart
// (a flex row, a margin, a separator drawn by CSS) and which Markdown
// would glue into one word ("20261h 54m"). An item is a few words
// (itemMaxWords) without a style of its own: a rich-text editor splits a
// sentence into runs of one class wherever the formatting changed, even
// inside a word ("includin" "g"), each with its inline style; a run of
// one-letter items is a word split for an animation. Links are left
// alone: a run of them is a menu, glued or not.
func spaceSiblingItems(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.Data == "pre" || c.Data == "code" {
			continue
		}
		spaceSiblingItems(c)
		next := c.NextSibling
		if next == nil || !sameItem(c, next) || letterRun(c) {
			continue
		}
		left, right := lastWord(c), firstWord(next)
		if left == "" || right == "" || !isWordRune(lastRune(left)) || !isWordRune(firstRune(right)) {
			continue
		}
		n.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, next)
	}
}

// itemMaxWords: a metadata item (a year, a running time, a rating, a
// tag) is this many words at most; longer runs are text.
const itemMaxWords = 4

// sameItem: a and b are inline elements (not links) of one tag and one
// class list, without inline styles, each a few words.
func sameItem(a, b *html.Node) bool {
	if b.Type != html.ElementNode || a.Data != b.Data || !isInlineTag(a.Data) || a.Data == "a" ||
		hasAttr(a, "style") || hasAttr(b, "style") {
		return false
	}
	class := getAttr(a, "class")
	return class != "" && class == getAttr(b, "class") &&
		wordCount(textOf(a)) <= itemMaxWords && wordCount(textOf(b)) <= itemMaxWords
}

// letterRun: n and its like siblings after it (sameItem) each hold one
// letter or digit.
func letterRun(n *html.Node) bool {
	for c := n; c != nil && (c == n || sameItem(n, c)); c = c.NextSibling {
		if utf8.RuneCountInString(strings.TrimSpace(textOf(c))) > 1 {
			return false
		}
	}
	return true
}
