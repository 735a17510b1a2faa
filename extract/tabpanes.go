package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Many shops draw a product's tabs ("Overview", "Specifications",
// "Reviews") without ARIA: a bar of look-alike labels, and beside it as many
// look-alike panes, one shown and the others hidden by their own markup
// (the inline display:none the tab script switches). The reader presses a
// label and reads its pane, so every pane is text on the page, as the
// panels revealDisclosures unhides by name. The two groups having the same
// number of members is what says "tabs": a carousel's dots carry no words,
// a run of collapsed blocks has no bar of labels beside it, and a menu's
// dropdowns sit in navigation, which the reveal walk skips. Only the
// panes' own hiding goes (unhide), anything hidden inside stays hidden, and
// a pane hidden with !important (which no tab script undoes) stays hidden.

// revealTabPanes unhides the hidden panes among p's children when they
// switch as tabs do (one shown, the others hidden by their own markup) and
// a bar of as many look-alike labels stands before them
// (revealDisclosures' walk, which skips chrome, calls it for each element).
func revealTabPanes(p *html.Node, cfg *config) {
	panes := tabPanes(p, cfg)
	if panes == nil {
		return
	}
	shown, hidden := 0, 0
	for _, c := range panes {
		if ownHidden(c) {
			hidden++
		} else {
			shown++
		}
	}
	if shown == 0 || hidden == 0 || !hasTabBar(p, panes[0], len(panes), cfg) {
		return
	}
	for _, c := range panes {
		if ownHidden(c) && !importantHiding(c) && !isChromeLandmark(c) && hasOwnWords(c, cfg.TabPaneScan) {
			unhide(c)
		}
	}
}

// lookKey is what makes siblings look alike: their tag and the first word
// of their class (a state word such as "active" comes after it).
type lookKey struct {
	tag   string
	class string
}

func lookOf(n *html.Node) lookKey {
	first, _, _ := strings.Cut(strings.TrimSpace(getAttr(n, "class")), " ")
	return lookKey{n.Data, first}
}

// tabPanes is the largest group of p's element children that look alike
// (lookOf), when it has 2 to cfg.TabMaxPanes members; nil otherwise, and
// when p has more than 2*cfg.TabMaxPanes element children (a list or a
// grid) or none of them is hidden by its own markup (no pane is closed:
// the common case, answered without grouping).
func tabPanes(p *html.Node, cfg *config) []*html.Node {
	seen, closed := 0, false
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if seen++; seen > 2*cfg.TabMaxPanes {
			return nil
		}
		closed = closed || ownHidden(c)
	}
	if seen < 2 || !closed {
		return nil
	}
	groups := map[lookKey][]*html.Node{}
	seen = 0
	var best lookKey
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if seen++; seen > 2*cfg.TabMaxPanes {
			return nil
		}
		k := lookOf(c)
		groups[k] = append(groups[k], c)
		if len(groups[k]) > len(groups[best]) {
			best = k
		}
	}
	if panes := groups[best]; len(panes) >= 2 && len(panes) <= cfg.TabMaxPanes {
		return panes
	}
	return nil
}

// hasTabBar: an element before the first pane among p's children, or
// before p itself, holds (at most cfg.TabBarDepth levels down) n look-alike
// children each labelled by a few words: the tabs that switch the panes.
func hasTabBar(p, first *html.Node, n int, cfg *config) bool {
	for s, k := prevElement(first), 0; s != nil && k < cfg.TabBarSiblings; s, k = prevElement(s), k+1 {
		if budget := cfg.TabBarNodes; holdsLabels(s, n, cfg.TabBarDepth, &budget, cfg) {
			return true
		}
	}
	for s, k := prevElement(p), 0; s != nil && k < cfg.TabBarSiblings; s, k = prevElement(s), k+1 {
		if budget := cfg.TabBarNodes; holdsLabels(s, n, cfg.TabBarDepth, &budget, cfg) {
			return true
		}
	}
	return false
}

// holdsLabels: n's element children (or those of an element below it, at
// most depth levels down) include exactly want look-alike ones, each
// labelled by a few words; budget is how many more elements may be looked
// at.
func holdsLabels(n *html.Node, want, depth int, budget *int, cfg *config) bool {
	counts := map[lookKey]int{}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if *budget--; *budget < 0 {
			return false
		}
		if isTabLabel(c, cfg.TabLabelMaxBytes) {
			counts[lookOf(c)]++
		}
	}
	for _, k := range counts {
		if k == want {
			return true
		}
	}
	if depth == 0 {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && holdsLabels(c, want, depth-1, budget, cfg) {
			return true
		}
	}
	return false
}

// isTabLabel: n is a small element whose text is a few words with a
// letter in them.
func isTabLabel(n *html.Node, maxBytes int) bool {
	if !smallSubtree(n, maxQuestionNodes) {
		return false
	}
	w := wordsOf(n, maxBytes)
	return len(w) <= maxBytes && strings.IndexFunc(w, unicode.IsLetter) >= 0
}

// hasOwnWords: n holds a letter or digit outside links, buttons and
// scripts within its first budget nodes: a pane that is only a link
// ("Show ignored content") is a control, not a pane.
func hasOwnWords(n *html.Node, budget int) bool {
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if budget--; budget < 0 {
				return false
			}
			switch {
			case c.Type == html.TextNode:
				if strings.IndexFunc(c.Data, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
					return true
				}
			case c.Type == html.ElementNode && c.DataAtom != atom.A && c.DataAtom != atom.Script && c.DataAtom != atom.Style &&
				c.DataAtom != atom.Template && c.DataAtom != atom.Button:
				if walk(c) {
					return true
				}
			}
		}
		return false
	}
	return walk(n)
}
