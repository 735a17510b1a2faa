package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A product's specifications, a service's plans, a FAQ's answers often sit
// in tab panels and accordions: hidden until the reader presses the tab or
// the heading above them, and shown by the page's own visible control.
// That is text a person reads on the page, not hidden text; the WAI-ARIA
// tab and disclosure patterns mark it the same way on every site: a panel
// with role="tabpanel", or an element whose id a control names in
// aria-controls (a role="tab" or an aria-expanded button). Such a panel
// loses its own hiding (hidden attribute, aria-hidden, a hiding class or
// style); anything hidden inside it stays hidden. Panels of menus, dialogs
// and navigation are chrome and stay hidden.

// toggleWords name an element that expands or collapses a block: a
// disclosure's control (disclosurenear.go) or a quote's (quotetoggles.go).
var toggleWords = map[string]bool{"expand": true, "expander": true, "shrink": true, "toggle": true, "more": true, "less": true}

// panelMark marks a revealed panel for applyStyles, which then does not
// hide it for a stylesheet rule either; a page's own copy of the
// attribute is removed first, so only the rules here set it.
const panelMark = "data-extract-panel"

// maxPanelControls bounds the aria-controls ids collected from one page.
const maxPanelControls = 2000

// revealDisclosures unhides the tab and accordion panels of doc.
func revealDisclosures(doc *html.Node, cfg *config) {
	controlled := map[string]bool{}
	labels := map[string]bool{} // ids of panel controls, which a panel's aria-labelledby may name
	var unnamed []*html.Node    // panel controls naming no panel (disclosurenear.go finds it)
	var collect func(n *html.Node, chrome bool)
	collect = func(n *html.Node, chrome bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			removeAttr(c, panelMark)
			if isPanelControl(c) && len(controlled)+len(labels)+len(unnamed) < maxPanelControls {
				if ids := getAttr(c, "aria-controls"); ids != "" {
					for _, id := range strings.Fields(ids) {
						controlled[id] = true
					}
				} else if !chrome {
					unnamed = append(unnamed, c)
				}
				if id := getAttr(c, "id"); id != "" {
					labels[id] = true
				}
			}
			collect(c, chrome || isChromeLandmark(c))
		}
	}
	collect(doc, false)
	var reveal func(n *html.Node)
	reveal = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if isChromeLandmark(c) {
				continue // a menu's panels are the menu's
			}
			if strings.EqualFold(getAttr(c, "role"), "tabpanel") || controlled[getAttr(c, "id")] && getAttr(c, "id") != "" ||
				labelledByControl(c, labels) {
				unhide(c)
			}
			revealHeadedPanel(c, cfg) // disclosurenear.go
			revealTabPanes(c, cfg)    // tabpanes.go
			reveal(c)
		}
	}
	reveal(doc)
	revealUnnamedPanels(unnamed) // disclosurenear.go
}

// isPanelControl: a tab, or a button-like control that opens and closes
// what it names (aria-expanded).
func isPanelControl(n *html.Node) bool {
	if strings.EqualFold(getAttr(n, "role"), "tab") {
		return true
	}
	if !hasAttr(n, "aria-expanded") {
		return false
	}
	switch n.DataAtom {
	case atom.Button, atom.A, atom.Summary, atom.H2, atom.H3, atom.H4, atom.Div, atom.Span, atom.Li:
		return !strings.EqualFold(getAttr(n, "aria-haspopup"), "true") && !strings.EqualFold(getAttr(n, "aria-haspopup"), "menu")
	}
	return false
}

// isChromeLandmark: navigation, menus and dialogs, whose collapsed parts
// are chrome whatever controls them.
func isChromeLandmark(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Nav, atom.Header, atom.Footer, atom.Dialog, atom.Aside:
		return true
	}
	switch strings.ToLower(getAttr(n, "role")) {
	case "navigation", "menu", "menubar", "dialog", "alertdialog", "banner", "contentinfo", "listbox":
		return true
	}
	return false
}

// unhide removes n's own hiding and marks it as a panel.
func unhide(n *html.Node) {
	out := n.Attr[:0]
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden", "aria-hidden":
			continue
		case "class":
			a.Val = dropHidingClasses(a.Val)
		case "style":
			a.Val = dropHidingStyle(a.Val)
		}
		out = append(out, a)
	}
	n.Attr = append(out, html.Attribute{Key: panelMark, Val: "1"})
}

func dropHidingClasses(class string) string {
	var out []string
	for c := range classWords(class) {
		if !foldLookup(hidingClasses, c) {
			out = append(out, c)
		}
	}
	return strings.Join(out, " ")
}

// dropHidingStyle removes display:none, visibility:hidden and zero
// heights from an inline style (the ways a collapsed panel is drawn).
func dropHidingStyle(style string) string {
	parts := strings.Split(style, ";")
	out := parts[:0]
	for _, p := range parts {
		k, v, ok := strings.Cut(p, ":")
		if ok {
			k = strings.ToLower(strings.TrimSpace(k))
			v = strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important")))
			if k == "display" && v == "none" || k == "visibility" && v == "hidden" ||
				(k == "height" || k == "max-height") && pxLength(v) <= 1 || k == "opacity" && cssNumber(v) <= 0.01 {
				continue
			}
		}
		out = append(out, p)
	}
	return strings.Join(out, ";")
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func removeAttr(n *html.Node, key string) {
	for i, a := range n.Attr {
		if a.Key == key {
			n.Attr = append(n.Attr[:i], n.Attr[i+1:]...)
			return
		}
	}
}

// isPanel reports a panel revealDisclosures unhid.
func isPanel(n *html.Node) bool { return hasAttr(n, panelMark) }
