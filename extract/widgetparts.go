package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// An element named for a widget (widgetWords: "promo", "share", "vote")
// that holds more than the region's widget limit is content, named for
// what it is about: a grid of service cards in "cmp-promo-container".
// Its own parts carry the same name, as component frameworks write it —
// the block's name, then the part's ("cmp-promo__content__title",
// "cmp-promo-tracking", BEM and its kin) — and each part alone is small
// enough to pass for a widget. Judged one by one they went, and the
// grid's cards with them. A part is told by its stem: a class or id
// word's text up to and including the widget word ("cmp-promo"); an
// element under a kept widget whose name has one of the widget's stems
// is its part and stays. A different box of the same kind inside it (a
// "votes" panel inside a ranked list named "all_votes") has another stem
// and is judged as before.

// widgetStems are the stems of n's class words and id: each one's text,
// lower-cased, up to the end of its first widget word.
func widgetStems(n *html.Node) []string {
	var stems []string
	add := func(tok string) {
		at := 0
		nameParts(tok, func(w string) bool { // as chromeKind reads names
			i := strings.Index(tok[at:], w)
			if i < 0 {
				return false
			}
			at += i + len(w)
			if foldLookup(widgetWords, w) {
				stems = append(stems, strings.ToLower(tok[:at]))
				return false
			}
			return true
		})
	}
	for _, tok := range strings.Fields(getAttr(n, "class")) {
		add(tok)
	}
	if id := getAttr(n, "id"); id != "" {
		add(id)
	}
	return stems
}

// isWidgetPart: n, named for a widget, has one of stems (those of the kept
// widget it is inside).
func isWidgetPart(n *html.Node, stems []string) bool {
	if len(stems) == 0 {
		return false
	}
	for _, s := range widgetStems(n) {
		for _, t := range stems {
			if s == t {
				return true
			}
		}
	}
	return false
}
