package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Many accordions and "Read more" expanders follow the disclosure pattern
// without naming their panel in aria-controls: the panel names its control
// instead (aria-labelledby, the WAI-ARIA accordion's region), or the panel
// simply sits beside the control (a "Read more" button under a clipped
// description, a heading button above a FAQ answer), or there is no ARIA at
// all and the panel is the collapsed block right under a heading (the
// reader presses the heading to open it). Each is text a person opens on
// the page and reads, like the panels revealDisclosures unhides by name;
// the rules are the same: only the panel's own hiding goes, anything hidden
// inside it stays hidden, and nothing inside navigation, menus or dialogs
// is opened.

// maxPanelClimb bounds how many wrappers of a control are climbed to find
// its panel beside it (a button in a div in a heading).
const maxPanelClimb = 3

// labelledByControl: n names a panel control in aria-labelledby.
func labelledByControl(n *html.Node, labels map[string]bool) bool {
	ids := getAttr(n, "aria-labelledby")
	if ids == "" || len(labels) == 0 {
		return false
	}
	for _, id := range strings.Fields(ids) {
		if labels[id] {
			return true
		}
	}
	return false
}

// revealUnnamedPanels unhides the panel beside each control that names
// none (controls inside chrome are not collected): the nearest collapsed
// sibling of the control or of a wrapper that holds nothing but it.
func revealUnnamedPanels(controls []*html.Node) {
	texts := controlTexts{}
	for _, c := range controls {
		if p := panelBeside(c, texts); p != nil {
			unhide(p)
		}
	}
}

// controlTexts are the texts of controls and their wrappers read so far
// (wordsOf, up to maxControlTextBytes). Controls side by side share their
// wrappers, and each wrapper's text is read once: a toolbar of two
// thousand icon buttons around a large block without words was read
// once a button. unhide changes attributes only, so a text read stays
// true.
type controlTexts map[*html.Node]string

func (ts controlTexts) of(n *html.Node) string {
	t, ok := ts[n]
	if !ok {
		t = wordsOf(n, maxControlTextBytes)
		ts[n] = t
	}
	return t
}

// panelBeside finds the collapsed element next to control, climbing at
// most maxPanelClimb wrappers whose only words are the control's.
func panelBeside(control *html.Node, texts controlTexts) *html.Node {
	words := texts.of(control)
	if len(words) >= maxControlTextBytes {
		return nil // a block of content, not a control's label
	}
	x := control
	for range maxPanelClimb + 1 {
		if s := collapsedAtEdge(nextElement(x), firstElement); s != nil {
			return s
		}
		if s := collapsedAtEdge(prevElement(x), lastElement); s != nil {
			return s
		}
		p := x.Parent
		if p == nil || p.Type != html.ElementNode || p.DataAtom == atom.Body || texts.of(p) != words {
			return nil
		}
		x = p
	}
	return nil
}

// collapsedAtEdge is s, or the element at its edge facing the control
// (edge: its first or last child element, followed at most maxPanelClimb
// levels down), that its own markup collapses: a "Read more" button
// under a box whose last part is the clipped rest of the text.
func collapsedAtEdge(s *html.Node, edge func(*html.Node) *html.Node) *html.Node {
	for range maxPanelClimb + 1 {
		if s == nil || isChromeLandmark(s) {
			return nil
		}
		if ownHidden(s) {
			if hasWords(s) {
				return s
			}
			return nil
		}
		s = edge(s)
	}
	return nil
}

func firstElement(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

func lastElement(n *html.Node) *html.Node {
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

// revealHeadedPanel unhides the collapsed block right after c when c is
// a visible heading or summary (revealDisclosures' walk, which skips
// chrome, calls it for each element): an accordion written without ARIA,
// whose heading opens the block.
func revealHeadedPanel(c *html.Node, cfg *config) {
	if !opensNext(c, cfg) || ownHidden(c) || !hasWords(c) {
		return
	}
	s := nextElement(c)
	if s == nil || importantHiding(s) || isChromeLandmark(s) || !hasWords(s) {
		return
	}
	// A FAQ's question, or a heading named for a toggle ("expand"), also
	// opens the block after it when the page's stylesheet collapses the
	// block (".accordion-text{display:none}"), not its own markup:
	// marked, the block is read (applyStyles spares a panel). A bare
	// heading is no such sign: a section under its heading hidden by a
	// stylesheet is often a copy for another screen.
	if ownHidden(s) || isQuestion(c, cfg) || nameHas(getAttr(c, "class"), toggleWords) {
		unhide(s)
	}
}

// opensNext: an element whose press opens the block after it in an
// accordion: a section's heading, a <details>' summary (whose answer
// pages often also mark aria-hidden), or a FAQ's question. A bare button
// beside a collapsed block is as often a widget's own hidden part: a
// payment sheet, a menu.
func opensNext(n *html.Node, cfg *config) bool {
	switch n.DataAtom {
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Summary:
		return true
	case atom.Div, atom.P, atom.Dt, atom.Span, atom.Strong, atom.B:
		return isQuestion(n, cfg)
	}
	return strings.EqualFold(getAttr(n, "role"), "heading")
}

// maxQuestionNodes bounds the nodes of a FAQ question's element.
const maxQuestionNodes = 32

// smallSubtree: n has at most limit nodes below it.
func smallSubtree(n *html.Node, limit int) bool {
	count := 0
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if count++; count > limit || !walk(c) {
				return false
			}
		}
		return true
	}
	return walk(n)
}

// isQuestion: n's whole text is one short question (at most
// cfg.FAQQuestionMaxBytes), as a FAQ writes its questions over answers
// that open when pressed; not a link (a teaser card's headline asks
// questions too, and opens another page).
func isQuestion(n *html.Node, cfg *config) bool {
	if !smallSubtree(n, maxQuestionNodes) {
		return false // also keeps this check cheap on every block of a page
	}
	if !holdsQuestionMark(n) {
		return false // most blocks: their text is not built to learn it
	}
	w := wordsOf(n, cfg.FAQQuestionMaxBytes)
	if len(w) > cfg.FAQQuestionMaxBytes || !(strings.HasSuffix(w, "?") || strings.HasSuffix(w, "？") || strings.HasSuffix(w, "؟")) {
		return false
	}
	return !holdsLink(n)
}

// holdsQuestionMark: a text node under n holds a question mark (of
// the marks isQuestion's text may end with). Without one, no text built
// from n's text nodes ends with it.
func holdsQuestionMark(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && hasQuestionMark(c.Data) || holdsQuestionMark(c) {
			return true
		}
	}
	return false
}

// hasQuestionMark: s holds "?", "？" or "؟". Three byte searches:
// strings.ContainsAny with marks beyond ASCII looks every rune of s up in
// turn, which made this 8% of cleanParsed on WCXB.
func hasQuestionMark(s string) bool {
	return strings.IndexByte(s, '?') >= 0 || strings.Contains(s, "？") || strings.Contains(s, "؟")
}

func holdsLink(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.A || holdsLink(c)) {
			return true
		}
	}
	return false
}

// ownHidden: n's own markup hides it (the hidden attribute, aria-hidden,
// a hiding class or inline style): what unhide takes away.
func ownHidden(n *html.Node) bool {
	if hasAttr(n, "hidden") || strings.EqualFold(strings.TrimSpace(getAttr(n, "aria-hidden")), "true") || classHides(getAttr(n, "class")) {
		return true
	}
	st := getAttr(n, "style")
	return st != "" && dropHidingStyle(st) != st
}

// importantHiding: n's inline style hides it with !important, which the
// page's own toggle scripts (setting style.display) cannot undo: hidden for
// good, not a collapsed panel.
func importantHiding(n *html.Node) bool {
	st := getAttr(n, "style")
	return strings.Contains(strings.ToLower(st), "important") && dropHidingStyle(st) != st
}

func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
		if s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
			return nil // text between them: not side by side
		}
	}
	return nil
}

func prevElement(n *html.Node) *html.Node {
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode {
			return s
		}
		if s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
			return nil
		}
	}
	return nil
}

// maxControlTextBytes bounds the bytes of a control's label read (and of
// each wrapper compared with it), so a page of many controls costs each
// a few hundred bytes.
const maxControlTextBytes = 256

// wordsOf is n's text outside scripts, spaces collapsed, read up to about
// limit bytes.
func wordsOf(n *html.Node, limit int) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if b.Len() > limit {
			return
		}
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
			b.WriteByte(' ')
		case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Template):
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return collapseSpace(b.String())
}

// hasWords: n holds a letter or digit outside scripts.
func hasWords(n *html.Node) bool {
	var found bool
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if found {
			return
		}
		if n.Type == html.TextNode {
			found = strings.IndexFunc(n.Data, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
			return
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Template) {
			return
		}
		for c := n.FirstChild; c != nil && !found; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return found
}
