package extract

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Some pages ship their whole content inside one element set to
// display:none (inline or by the stylesheet) and let a script show it once
// the app has started; the rest of the page is a header of a few words.
// A person sees that element once the page has loaded, as with a
// preloader's transparent wrapper (revealWrapper), so it is no hidden
// text. What else hides inside it stays hidden: only the shell itself is
// shown.

// hiddenShell: n is set to display:none and is the page's content waiting
// for its script: it holds cfg.ShellGrowth times the text a person sees
// on the page without it (visible: the page's text less all it hides,
// n's included), is no chrome by its tag, role or name (a menu, a
// dialog, a consent box), and less than cfg.ShellLinkShare of its text
// is link text (a closed mega menu holding more text than the page is
// nearly all links).
func (st *styles) hiddenShell(n *html.Node, visible func() int, cfg *config) bool {
	if st.value(n, "display") != "none" {
		return false
	}
	if chromeKind(n, false) == chromeName || isChromeByKind(n, true) {
		return false
	}
	t := textBytes(n)
	if t == 0 || float64(t) < cfg.ShellGrowth*float64(visible()) {
		return false
	}
	return float64(linkTextBytes(n)) < cfg.ShellLinkShare*float64(t)
}

// linkTextBytes is the textBytes of the links under n.
func linkTextBytes(n *html.Node) int {
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		return textBytes(n)
	}
	t := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t += linkTextBytes(c)
	}
	return t
}
