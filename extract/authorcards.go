package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Forum software sets an author card beside each post's body: the name,
// a rank ("Member"), an avatar, and profile lines ("Registered:
// 2012-09-03", "Posts: 73,365", "From: Berlin"). The name says who wrote
// the post; the rest is the same chrome in every post, and an extractor
// that keeps the thread keeps it too, once a post. The card is known by
// structure, whatever the software's classes: an element of at most
// cfg.CardMaxWords words holding cfg.CardMinLines short "Label: value"
// lines or more, repeated (same tag and class) once a post, at least
// cfg.MinPosts times, its labels recurring across the cards with
// different values. Its profile lines, its images and a short rank line
// standing alone go; its first line (the name) and a dated element (the
// post's date) stay.

// cardLine is one "Label: value" element of a post.
type cardLine struct {
	n            *html.Node
	label, value string
}

// dropAuthorCards removes the author cards' profile lines from root (a
// no-op on a page without them).
func dropAuthorCards(root *html.Node, cfg *config) {
	lines := labelLines(root, cfg, nil)
	if len(lines) < cfg.MinPosts*cfg.CardMinLines {
		return
	}
	// A line's card is its nearest ancestor holding another line.
	held := map[*html.Node]int{}
	for _, l := range lines {
		for p := l.n.Parent; p != nil; p = p.Parent {
			held[p]++
		}
	}
	cardLines := map[*html.Node][]cardLine{}
	var cards []*html.Node
	for _, l := range lines {
		p := l.n.Parent
		for p != nil && held[p] < cfg.CardMinLines {
			p = p.Parent
		}
		if p == nil {
			continue
		}
		p = nameHeaded(p, held, cfg)
		if cardLines[p] == nil {
			cards = append(cards, p)
		}
		cardLines[p] = append(cardLines[p], l)
	}
	looks := map[string][]*html.Node{}
	var order []string
	for _, c := range cards {
		if visibleWords(c) > cfg.CardMaxWords {
			continue
		}
		key := c.Data + "." + getAttr(c, "class")
		if looks[key] == nil {
			order = append(order, key)
		}
		looks[key] = append(looks[key], c)
	}
	for _, key := range order { // document order: the same input, the same output
		if group := besidePosts(looks[key], cfg); len(group) >= cfg.MinPosts {
			clearCards(group, cardLines, cfg)
		}
	}
}

// besidePosts returns the cards of one look that are author cards: each
// opens with a short line that is no label (the author's name) and is
// part of a post of its own (its largest ancestor holding no other card
// of the group) that holds cfg.MinPostWords words more than the card and
// a date outside it. A product tile's or a recipe's "Label: value" lines
// open with a label, the lists of one article share its body, and the
// products of a review have no date each.
func besidePosts(group []*html.Node, cfg *config) []*html.Node {
	// below counts the group's cards under each of their ancestors, so
	// that a card's post is found by a climb, not by a search of the
	// group at each step (cards times cards times depth on a long thread).
	below := map[*html.Node]int{}
	for _, o := range group {
		for p := o.Parent; p != nil; p = p.Parent {
			below[p]++
		}
	}
	var out []*html.Node
	for _, c := range group {
		name := firstLine(c)
		if name == nil {
			continue
		}
		if !isNameLine(name, cfg) {
			continue
		}
		post := c
		for post.Parent != nil && below[post.Parent] < 2 { // no card but c under it
			post = post.Parent
		}
		if post == c || visibleWords(post) < visibleWords(c)+cfg.MinPostWords || !datedOutside(post, c) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// isNameLine: line reads as an author's name: short and no label, or
// opening with a short element that is (a header holding the name and
// the rank after it: "Spartan14 Well-Known Member").
func isNameLine(line *html.Node, cfg *config) bool {
	text := collapseSpace(textOf(line))
	if _, _, ok := readLabelLine(line, text, cfg); ok {
		return false
	}
	if wordCount(text) <= cfg.CardRankWords {
		return true
	}
	first := firstLine(line)
	return first != nil && first != line && first.Type == html.ElementNode && isNameLine(first, cfg)
}

// datedOutside: an element under post, outside card, is a date: a dated
// element (isDateElement) or one whose short text reads as a date (a
// post's header link "2024-08-03 14:22:38").
func datedOutside(post, card *html.Node) bool {
	for c := post.FirstChild; c != nil; c = c.NextSibling {
		if c == card || c.Type != html.ElementNode || skipsCards[c.DataAtom] {
			continue
		}
		if isDateElement(c) {
			return true
		}
		if t, short := textUpTo(c, dateBytes); short {
			if strings.TrimSpace(t) != "" && normalizeDate(collapseSpace(t)) != "" {
				return true
			}
			if strings.TrimSpace(t) == "" {
				continue
			}
		}
		if datedOutside(c, card) {
			return true
		}
	}
	return false
}

// nameHeaded widens a card that opens with a label to the nearest
// ancestor that opens with the name: some forum software sets the name
// and rank in a header above the profile list ("Messages: 3", "Likes
// Received: 1", each a dt and a dd), so the element holding the lines
// starts at the first label. An ancestor is taken only while it holds no
// line the card does not (held counts the lines under each element) and
// stays within cfg.CardMaxWords words (read bounded, so the climb costs
// no more than the card's own text).
func nameHeaded(card *html.Node, held map[*html.Node]int, cfg *config) *html.Node {
	c := card
	for opensWithLabel(c, cfg) {
		p := c.Parent
		if p == nil || held[p] != held[card] {
			return card
		}
		t, short := textUpTo(p, lineBytes*cfg.CardMaxWords)
		if !short || wordCount(t) > cfg.CardMaxWords {
			return card
		}
		c = p
	}
	return c
}

// opensWithLabel: card's first line is a "Label: value" line.
func opensWithLabel(card *html.Node, cfg *config) bool {
	name := firstLine(card)
	if name == nil {
		return false
	}
	_, _, ok := readLabelLine(name, collapseSpace(textOf(name)), cfg)
	return ok
}

// firstLine is the first child of card with text.
func firstLine(card *html.Node) *html.Node {
	for c := card.FirstChild; c != nil; c = c.NextSibling {
		if (c.Type == html.ElementNode || c.Type == html.TextNode) && hasText(c) {
			return c
		}
	}
	return nil
}

// clearCards clears the cards of one look whose profile lines (labels in
// cfg.CardLabelShare of the cards, with different values) number
// cfg.CardMinLines or more.
func clearCards(group []*html.Node, cardLines map[*html.Node][]cardLine, cfg *config) {
	inCards := map[string]int{}
	values := map[string]map[string]bool{}
	for _, c := range group {
		seen := map[string]bool{}
		for _, l := range cardLines[c] {
			if !seen[l.label] {
				seen[l.label] = true
				inCards[l.label]++
			}
			if values[l.label] == nil {
				values[l.label] = map[string]bool{}
			}
			values[l.label][l.value] = true
		}
	}
	for _, c := range group {
		profile := 0
		for _, l := range cardLines[c] {
			if float64(inCards[l.label]) >= cfg.CardLabelShare*float64(len(group)) && len(values[l.label]) >= 2 {
				profile++
			}
		}
		if profile >= cfg.CardMinLines {
			clearCard(c, cardLines[c], cfg)
		}
	}
}

// clearCard removes from card its label lines (all of them: a label one
// author alone fills in is a profile line too), its images, and the
// short lines standing alone after its first line (a rank, a contact
// link).
func clearCard(card *html.Node, lines []cardLine, cfg *config) {
	for _, l := range lines {
		if l.n != card && isAncestor(card, l.n) && l.n.Parent != nil {
			l.n.Parent.RemoveChild(l.n)
		}
	}
	// An avatar is an image, or a letter drawn as one (role="img": "L"
	// for lulug30), which would otherwise read as the card's first line
	// and leave the name to pass for a rank.
	removeElements(card, func(n *html.Node) bool { return n.DataAtom == atom.Img || strings.EqualFold(getAttr(n, "role"), "img") })
	clearAfterName(card, cfg)
}

// clearAfterName keeps box's first line (the name, its links turned to
// text) and removes the rank lines after it. A first line made of block
// lines is a header of the name and the rank ("<h4>lulug30</h4><h5>New
// member</h5>"), cleared the same way; a name of inline parts ("<a><span>Bob</span>
// <span>Smith</span></a>") is one line.
func clearAfterName(box *html.Node, cfg *config) {
	first := true
	for c := box.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode || (c.Type == html.TextNode && strings.TrimSpace(c.Data) != "") {
			text := collapseSpace(textOf(c))
			switch {
			case text == "":
			case first:
				first = false
				if blockLines(c) >= 2 {
					clearAfterName(c, cfg)
				} else {
					nameAsText(c)
				}
			case c.Type == html.ElementNode && isRankLine(c, text, cfg):
				box.RemoveChild(c)
			}
		}
		c = next
	}
}

// blockLines counts n's children with text when each is a block element
// (0 when a text or an inline element is among them: the children run
// on as one line).
func blockLines(n *html.Node) int {
	if n.Type != html.ElementNode {
		return 0
	}
	lines := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !hasText(c) {
			continue
		}
		if c.Type != html.ElementNode || isInlineTag(c.Data) {
			return 0
		}
		lines++
	}
	return lines
}

// nameAsText turns the links of a card's name line into their text: the
// card cleared, the name is a lone link to a profile page, which reads
// as a link block an extractor drops, and the name says who wrote the
// post.
func nameAsText(line *html.Node) {
	if line.Type != html.ElementNode {
		return
	}
	if line.DataAtom == atom.A {
		unwrap(line)
		return
	}
	var links []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.A {
				links = append(links, c)
				continue
			}
			walk(c)
		}
	}
	walk(line)
	for _, a := range links {
		unwrap(a)
	}
}

// isRankLine: a line of at most cfg.CardRankWords words, no label, no
// date: a rank under the author's name, or a contact link ("Website").
// (Left in, a contact link can make the card, name and all, read as a
// link block that an extractor drops.)
func isRankLine(n *html.Node, text string, cfg *config) bool {
	return wordCount(text) <= cfg.CardRankWords && !strings.Contains(text, ":") && !holdsDate(n)
}

// skipsCards are the elements no author card is in: code ("name: nginx"
// is YAML), tables, and what is not shown.
var skipsCards = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Template: true, atom.Pre: true, atom.Code: true, atom.Table: true, atom.Head: true}

// labelLines returns the "Label: value" elements under n (each the
// outermost element whose text is the line), skipping dated elements
// (the post's own date).
func labelLines(n *html.Node, cfg *config, out []cardLine) []cardLine {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || skipsCards[c.DataAtom] {
			continue
		}
		short, colon, words := textShape(c, lineBytes*cfg.CardLineWords)
		if !short {
			out = labelLines(c, cfg, out)
			continue
		}
		if c.DataAtom != atom.Dl && !colon {
			// No line without a colon but a definition list's
			// (readLabelLine): the text is not built to learn it.
			if words {
				out = labelLines(c, cfg, out)
			}
			continue
		}
		raw, _ := textUpTo(c, lineBytes*cfg.CardLineWords)
		text := collapseSpace(raw)
		if label, value, ok := readLabelLine(c, text, cfg); ok && onlyLine(c, text, cfg) {
			if !holdsDate(c) {
				out = append(out, cardLine{n: c, label: label, value: value})
			}
			continue
		}
		if text != "" {
			out = labelLines(c, cfg, out)
		}
	}
	return out
}

// lineBytes bounds the text read of an element, per word a line may
// have: an element with more is no line, and its text is not built (the
// walk stays linear on a deep page of long text).
const lineBytes = 40

// dateBytes bounds the text of an element read as a date (normalizeDate
// reads no more).
const dateBytes = 64

// textUpTo is n's text and true when it is at most limit bytes (spaces
// counted), else false.
func textUpTo(n *html.Node, limit int) (string, bool) {
	var b strings.Builder
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return b.Len() <= limit
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	if !walk(n) {
		return "", false
	}
	return b.String(), true
}

// textShape reads n's text as textUpTo does, building none of it: short
// is textUpTo's answer, colon whether the text holds a ':', words whether
// it holds anything but white space (its collapsed text is not empty).
func textShape(n *html.Node, limit int) (short, colon, words bool) {
	size := 0
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.TextNode {
			size += len(n.Data)
			colon = colon || strings.IndexByte(n.Data, ':') >= 0
			words = words || strings.TrimSpace(n.Data) != ""
			return size <= limit
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	return walk(n), colon, words
}

// onlyLine: no element under n is a label line of its own (n is not a
// card whose name runs into its first label: "Bob Posts: 3", or "Bob:
// admin" over a description list's "Posts" and "3", readLabelLine).
func onlyLine(n *html.Node, text string, cfg *config) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		t := collapseSpace(textOf(c))
		if t == text {
			return onlyLine(c, text, cfg)
		}
		if _, _, ok := readLabelLine(c, t, cfg); ok {
			return false
		}
	}
	return true
}

// splitLabelLine splits "Label: value": a label of at most
// cfg.CardLabelWords words of letters (a URL's "https:" is none), a value, the whole at most
// cfg.CardLineWords words.
func splitLabelLine(text string, cfg *config) (label, value string, ok bool) {
	label, value, found := strings.Cut(text, ": ")
	value = strings.TrimSpace(value)
	if !found || value == "" || wordCount(text) > cfg.CardLineWords {
		return "", "", false
	}
	label = strings.TrimSpace(label)
	if !isCardLabel(label, cfg) {
		return "", "", false
	}
	return strings.ToLower(label), value, true
}

// isCardLabel: label is at most cfg.CardLabelWords words of letters.
func isCardLabel(label string, cfg *config) bool {
	if label == "" || len(strings.Fields(label)) > cfg.CardLabelWords {
		return false
	}
	for _, r := range label {
		if !unicode.IsLetter(r) && !strings.ContainsRune(" ()-'", r) {
			return false
		}
	}
	return true
}

// readLabelLine reads element or text n, whose text is text, as a
// profile line: "Label: value" (splitLabelLine), or a definition list
// of one term and its description ("<dl><dt>Joined</dt><dd>Aug 30,
// 2020</dd></dl>", one such list a line, as XenForo sets its cards),
// which needs no colon: the markup says which is the label.
func readLabelLine(n *html.Node, text string, cfg *config) (label, value string, ok bool) {
	if label, value, ok := splitLabelLine(text, cfg); ok {
		return label, value, true
	}
	if n.Type != html.ElementNode || n.DataAtom != atom.Dl || wordCount(text) > cfg.CardLineWords {
		return "", "", false
	}
	var dt, dd *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "", c.Type == html.CommentNode:
		case c.Type == html.ElementNode && c.DataAtom == atom.Dt && dt == nil && dd == nil:
			dt = c
		case c.Type == html.ElementNode && c.DataAtom == atom.Dd && dt != nil && dd == nil:
			dd = c
		default:
			return "", "", false // more than one pair, or other markup: not one line
		}
	}
	if dd == nil {
		return "", "", false
	}
	label = strings.TrimSuffix(collapseSpace(textOf(dt)), ":")
	value = collapseSpace(textOf(dd))
	if label == "" && value != "" {
		// A term drawn as an icon (XenForo's "<dt><i class="fa-comments"
		// title="Messages"></i></dt>", the icon gone with what is not
		// shown): the markup still says it is a label.
		return iconTerm, value, true
	}
	if value == "" || !isCardLabel(label, cfg) {
		return "", "", false
	}
	return strings.ToLower(label), value, true
}

// iconTerm is the label of a definition list's line whose term has no
// text (an icon).
const iconTerm = "(icon)"

// holdsDate: n or an element under it is a date (isDateElement).
func holdsDate(n *html.Node) bool {
	if n.Type == html.ElementNode && isDateElement(n) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if holdsDate(c) {
			return true
		}
	}
	return false
}
