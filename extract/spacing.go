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

// spaceInlineSiblings puts a space, in place, between adjacent inline
// elements under n whose words touch in the markup where the page's
// stylesheet sets them apart (a flex row, a margin, a separator drawn by
// CSS): the like items of a metadata line (likeItems: "<span
// class=meta-item>2026</span><span class=meta-item>1h 54m</span>",
// which Markdown would glue into "20261h 54m") and, where labels is set,
// stacked labels (stackedLabels: a shop card's "Black DiamondSpot 400
// Headlamp"). Copies of the page's parts (a main region, a thread's
// posts) are rendered as the page holds them, without restoreSpaces.
func spaceInlineSiblings(n *html.Node, labels bool, cfg *config) {
	var letters map[*html.Node]bool // letterRun of this level's items, filled once per run
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.Data == "pre" || c.Data == "code" {
			continue
		}
		spaceInlineSiblings(c, labels, cfg)
		next := c.NextSibling
		if next == nil || next.Type != html.ElementNode || !isInlineTag(c.Data) || !isInlineTag(next.Data) {
			continue
		}
		left, right := lastWord(c), firstWord(next)
		if left == "" || right == "" {
			continue
		}
		lr, rr := lastRune(left), firstRune(right)
		item := isWordRune(lr) && isWordRune(rr) && likeItems(c, next, cfg)
		if item {
			if letters == nil {
				letters = map[*html.Node]bool{}
			}
			item = !letterRun(c, letters, cfg)
		}
		if item || labels && stackedLabels(c, next, lr, rr) {
			n.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, next)
		}
	}
}

// likeItems: a and b are inline elements (not links) of one tag and one
// class list, without inline styles, each a few words (cfg.MetaItemMaxWords). A
// rich-text editor splits a sentence into runs of one class wherever the
// formatting changed, even inside a word ("includin" "g"), each with its
// inline style; and a run of links is a menu, glued or not.
func likeItems(a, b *html.Node, cfg *config) bool {
	if b.Type != html.ElementNode || a.Data != b.Data || !isInlineTag(a.Data) || a.Data == "a" ||
		hasAttr(a, "style") || hasAttr(b, "style") {
		return false
	}
	class := getAttr(a, "class")
	return class != "" && class == getAttr(b, "class") &&
		wordCount(textOf(a)) <= cfg.MetaItemMaxWords && wordCount(textOf(b)) <= cfg.MetaItemMaxWords
}

// letterRun: n and its like siblings after it (likeItems) each hold one
// letter or digit, a word split for an animation. The answer for every
// item of n's run is worked out once, from the run's end, and kept in
// memo: a run of many items costs its length, not its square.
func letterRun(n *html.Node, memo map[*html.Node]bool, cfg *config) bool {
	if v, ok := memo[n]; ok {
		return v
	}
	// Each item against the one before it (likeItems is one tag, one
	// class and a few words each: the same run as against n), so n's
	// text, which may be long in bytes, is not read again per item.
	run := []*html.Node{n}
	for c := n.NextSibling; c != nil && likeItems(run[len(run)-1], c, cfg); c = c.NextSibling {
		run = append(run, c)
	}
	all := true
	for i := len(run) - 1; i >= 0; i-- {
		all = all && utf8.RuneCountInString(strings.TrimSpace(textOf(run[i]))) <= 1
		memo[run[i]] = all
	}
	return all
}
