package extract

import (
	"math"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// applyStyles resolves the page's <style> blocks and style attributes and
// removes what a person would not see: elements that are not displayed,
// invisible, transparent, shrunk to nothing, clipped away or placed off the
// page, and text drawn at (near) zero size, in a transparent colour or in
// the colour of its background. Fade-in effects (opacity 0 with a
// transition or animation, revealed by a script after load) count as
// visible: a person sees them once the page has loaded.
//
// early is the parse of the sheets read from the page's source
// (cssearly.go), used when they are the sheets the tree holds.
func applyStyles(doc *html.Node, early *earlySheet) {
	st := &styles{inline: map[*html.Node][]cssDecl{}, cache: map[nodeProp]string{}}
	var sheets strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.Style {
				media := getAttr(c, "media")
				for t := c.FirstChild; t != nil; t = t.NextSibling {
					if t.Type == html.TextNode {
						addSheetText(&sheets, mediaSheet(media, t.Data))
					}
				}
				continue
			}
			if s := getAttr(c, "style"); s != "" && len(s) < 8<<10 {
				st.inline[c] = parseInline(s)
			}
			walk(c)
		}
	}
	walk(doc)
	if sheets.Len() > 0 {
		var ok bool
		if st.rules, st.keys, st.anc, ok = early.rulesFor(sheets.String()); !ok {
			st.rules = parseStylesheet(sheets.String(), nil)
		}
	}
	if len(st.rules) == 0 && len(st.inline) == 0 {
		return
	}

	// Candidates: elements a suspicious declaration applies to. Only they
	// get the full cascade.
	bgs := st.pageBackgrounds()
	suspicious := func(d cssDecl) bool { return suspicious(d, bgs) }
	cand := map[*html.Node]bool{}
	var order []*html.Node
	add := func(n *html.Node) {
		if !cand[n] {
			cand[n] = true
			order = append(order, n)
		}
	}
	for n, ds := range st.inline {
		for _, d := range ds {
			if suspicious(d) {
				add(n)
				break
			}
		}
	}
	// Every suspicious rule costs a pass over the page (the budget counts
	// it so); the passes are made at once, each element against its own
	// rules (cssindex.go).
	sus := newRuleIndex()
	elements, nsus := countElements(doc), 0
	for i := range st.rules {
		r := &st.rules[i]
		hit := false
		for _, d := range r.decls {
			if suspicious(d) {
				hit = true
				break
			}
		}
		if !hit || st.work > maxMatchWork {
			continue
		}
		sus.add(i, st.key(i))
		nsus++
		st.work += elements
	}
	if nsus > 0 {
		// The ancestors' filter is carried down the walk (cssancestors.go).
		var find func(n *html.Node, below ancestorBloom)
		find = func(n *html.Node, below ancestorBloom) {
			if n.Type == html.ElementNode {
				below.addElement(n) // now the filter of n's children
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type != html.ElementNode {
					continue
				}
				sus.each(c, func(i int) {
					if !cand[c] && st.mayMatch(i, &below) && st.rules[i].sel.Match(c) {
						add(c)
					}
				})
				find(c, below)
			}
		}
		find(doc, ancestorBloom{})
	}
	// Inline candidates come from a map: keep document order.
	sortDocOrder(doc, order, cand)

	var remove []*html.Node
	// What a person sees once the page has loaded: all its text but what
	// stays hidden (hiddenTextBytes), counted only when a wrapper is not
	// most of all the text already (the walk over the candidates costs).
	total, visible := textBytes(doc), -1
	visibleText := func() int {
		if visible < 0 {
			visible = total - hiddenTextBytes(st, order)
		}
		return visible
	}
	mostOfPage := func(n *html.Node) bool {
		t := 2 * textBytes(n)
		return t > total || t > visibleText()
	}
	revealed := map[*html.Node]bool{}
	for _, n := range order {
		if n.DataAtom == atom.Html || n.DataAtom == atom.Body {
			continue // pages hide the body until a script shows it
		}
		// A transparent or invisible wrapper around most of the page is a
		// reveal-after-load (a preloader fades the page in): a person sees
		// it once the page has loaded.
		if st.revealWrapper(n) && (insideAny(n, revealed) || mostOfPage(n) || st.undefinedElement(n)) {
			// Wrappers nested in a revealed one are revealed with it: one
			// rule (".container { visibility: hidden }") often hides
			// every level of a layout until its scripts load.
			revealed[n] = true
			continue
		}
		if st.hiddenShell(n, visibleText, &defaultConfig) { // cssshell.go: the page waiting for its script
			continue
		}
		if st.boxHidden(n) && !isPanel(n) { // disclosure.go: a collapsed tab or accordion panel
			remove = append(remove, n)
		}
	}
	for _, n := range remove {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	for _, n := range order {
		if n.Parent == nil && n.Type != html.DocumentNode {
			continue
		}
		if st.textHidden(n) {
			st.dropText(n)
		}
	}
}

// pageBackgrounds are the solid background colours the page declares
// anywhere, and white (the default page): text can only vanish into one of
// them (textHidden).
func (st *styles) pageBackgrounds() []rgba {
	bgs := []rgba{{255, 255, 255, 255}}
	add := func(d cssDecl) {
		if d.prop != "background" && d.prop != "background-color" {
			return
		}
		for _, f := range strings.Fields(d.val) {
			if c, ok := parseColor(f); ok && c.a > 0 && len(bgs) < maxPageBackgrounds {
				bgs = append(bgs, c)
			}
		}
	}
	for _, r := range st.rules {
		for _, d := range r.decls {
			add(d)
		}
	}
	for _, ds := range st.inline {
		for _, d := range ds {
			add(d)
		}
	}
	return bgs
}

// maxPageBackgrounds bounds the colours a text colour is compared with;
// past it every colour counts as suspicious (slower, never laxer).
const maxPageBackgrounds = 256

// suspicious reports a declaration that might hide, so its rule's elements
// need the cascade. A text colour is suspicious only when it is
// transparent or near one of the page's backgrounds (bgs): every other
// colour is readable wherever it lands, and colours are in most rules.
func suspicious(d cssDecl, bgs []rgba) bool {
	switch d.prop {
	case "display", "visibility":
		return hidesBox(d)
	case "opacity":
		return cssNumber(d.val) <= 0.01
	// The rest mirror boxHidden: only a value that hides there makes its
	// elements candidates (offsets, transforms and clips are in most
	// stylesheets; an element is judged by its cascaded values anyway).
	case "left":
		return pxLength(d.val) <= -1000 || farRight(d.val)
	case "top", "right", "margin-left", "margin-top":
		return pxLength(d.val) <= -1000
	case "text-indent":
		return pxLength(d.val) <= -999
	case "transform":
		return scaledToZero(d.val)
	case "clip-path":
		return clipPathEmpty(d.val)
	case "clip":
		return clipRectEmpty(d.val)
	case "width", "height", "max-width", "max-height":
		return pxLength(d.val) <= 1
	case "font-size":
		return tinyFont(d.val)
	case "color":
		c, ok := parseColor(d.val)
		if !ok {
			return false // textHidden judges only colours it can read
		}
		if c.a == 0 || len(bgs) >= maxPageBackgrounds {
			return true
		}
		for _, bg := range bgs {
			if c.near(bg) {
				return true
			}
		}
	}
	return false
}

// boxHidden reports an element whose whole box a person cannot see.
func (st *styles) boxHidden(n *html.Node) bool {
	v := func(p string) string { return st.value(n, p) }
	switch {
	case v("display") == "none",
		v("visibility") == "hidden" || v("visibility") == "collapse":
		return true
	}
	if op := v("opacity"); op != "" && cssNumber(op) <= 0.01 && !animated(v("transition"), v("transition-property"), v("animation"), v("animation-name")) &&
		!enteringFrame(v("transform")) {
		return true
	}
	if pos := v("position"); pos == "absolute" || pos == "fixed" {
		if pxLength(v("left")) <= -1000 || pxLength(v("top")) <= -1000 || pxLength(v("right")) <= -1000 ||
			farRight(v("left")) || pxLength(v("margin-left")) <= -1000 || pxLength(v("margin-top")) <= -1000 {
			return true
		}
		if clipRectEmpty(v("clip")) {
			return true
		}
	}
	if pxLength(v("text-indent")) <= -999 {
		return true
	}
	if clipPathEmpty(v("clip-path")) || scaledToZero(v("transform")) {
		return true
	}
	if ov := v("overflow"); ov == "hidden" || ov == "clip" || strings.HasPrefix(ov, "hidden ") {
		// Both sides: a flex item with width:1px grows to fill its row
		// (flex-basis tricks); max-* caps cannot grow.
		if pxLength(v("width")) <= 1 && pxLength(v("height")) <= 1 || pxLength(v("max-height")) <= 1 || pxLength(v("max-width")) <= 1 {
			return true
		}
	}
	return false
}

// insideAny: an ancestor of n is in set.
func insideAny(n *html.Node, set map[*html.Node]bool) bool {
	if len(set) == 0 {
		return false
	}
	for p := n.Parent; p != nil; p = p.Parent {
		if set[p] {
			return true
		}
	}
	return false
}

// hiddenTextBytes counts the text of the candidates (order: document
// order) that stay hidden whatever a script reveals, outermost only: a
// fade-in wrapper holds most of what a person sees once the page has
// loaded, and a site's closed mega-menu (display:none until hovered), often
// the page's largest text, is none of that.
func hiddenTextBytes(st *styles, order []*html.Node) int {
	counted := map[*html.Node]bool{}
	n := 0
	for _, c := range order {
		if c.DataAtom == atom.Html || c.DataAtom == atom.Body || st.revealWrapper(c) || isPanel(c) ||
			!st.boxHidden(c) || insideAny(c, counted) {
			continue
		}
		counted[c] = true
		n += textBytes(c)
	}
	return n
}

// undefinedElement: n is a custom element (a hyphen in its tag name, as
// HTML requires of one) hidden by its own style attribute's visibility
// until its script defines it: a slider or widget that draws itself once
// its code has loaded, then shows its text. Custom elements a stylesheet
// hides (a drawer, a dialog, a cart) stay hidden.
func (st *styles) undefinedElement(n *html.Node) bool {
	if n.DataAtom != 0 || !strings.Contains(n.Data, "-") {
		return false
	}
	for _, d := range st.inline[n] {
		if d.prop == "visibility" && d.val == "hidden" {
			return true
		}
	}
	return false
}

// revealWrapper reports an element hidden only by opacity or visibility,
// the properties reveal-on-load scripts animate.
func (st *styles) revealWrapper(n *html.Node) bool {
	if st.value(n, "display") == "none" {
		return false
	}
	op := st.value(n, "opacity")
	vis := st.value(n, "visibility")
	return op != "" && cssNumber(op) <= 0.01 || vis == "hidden"
}

// textBytes counts the bytes of text a reader could see under n: the
// code and data of scripts and styles are not text of the page (a page
// carrying its state as JSON would otherwise seem to hold far more text
// than its visible wrapper).
func textBytes(n *html.Node) int {
	switch {
	case n.Type == html.TextNode:
		return len(strings.TrimSpace(n.Data))
	case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style ||
		n.DataAtom == atom.Template || n.DataAtom == atom.Noscript):
		return 0
	}
	t := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t += textBytes(c)
	}
	return t
}

// textHidden reports an element whose text is drawn unreadably: (near)
// zero font size, a transparent colour, or its background's colour.
func (st *styles) textHidden(n *html.Node) bool {
	if fs := st.value(n, "font-size"); fs != "" && tinyFont(fs) {
		return true
	}
	c := st.value(n, "color")
	if c == "" {
		return false
	}
	fg, ok := parseColor(c)
	if !ok {
		return false
	}
	if fg.a == 0 {
		return true
	}
	bg, explicit := st.background(n)
	if !explicit {
		// The page background is unknown to us (a linked stylesheet may
		// set it): only text the element itself paints white is judged
		// against the default white page.
		if !st.inlineSets(n, "color") {
			return false
		}
		bg = rgba{255, 255, 255, 255}
	}
	return fg.near(bg)
}

func (st *styles) inlineSets(n *html.Node, prop string) bool {
	for _, d := range st.inline[n] {
		if d.prop == prop {
			return true
		}
	}
	return false
}

// background is the nearest solid background colour at or above n;
// explicit is false when none is declared (or an image paints it).
func (st *styles) background(n *html.Node) (rgba, bool) {
	for a := n; a != nil && a.Type == html.ElementNode; a = a.Parent {
		for _, p := range []string{"background-color", "background"} {
			v := st.value(a, p)
			if v == "" {
				continue
			}
			if strings.Contains(v, "url(") || strings.Contains(v, "gradient") {
				return rgba{}, false
			}
			for _, f := range strings.Fields(v) {
				if c, ok := parseColor(f); ok && c.a > 0 {
					return c, true
				}
			}
		}
	}
	return rgba{}, false
}

// dropText removes the text of n and of descendants that do not restore a
// readable size or colour themselves.
func (st *styles) dropText(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.Type {
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				n.RemoveChild(c)
			}
		case html.ElementNode:
			if !st.restores(c) {
				st.dropText(c)
			}
		}
		c = next
	}
}

// restores reports a descendant that sets an absolute, readable font size
// or a colour of its own that can be seen.
func (st *styles) restores(n *html.Node) bool {
	if st.work > maxMatchWork {
		return false
	}
	if fs := st.value(n, "font-size"); fs != "" && !tinyFont(fs) && absoluteLength(fs) {
		return true
	}
	if c := st.value(n, "color"); c != "" && !st.textHidden(n) {
		if _, ok := parseColor(c); ok {
			return true
		}
	}
	return false
}

func animated(vals ...string) bool {
	for _, v := range vals {
		if v != "" && v != "none" && v != "initial" && v != "unset" {
			return true
		}
	}
	return false
}

// cssNumber parses a number or percentage (as a fraction); 1 when it is
// neither, so unknown values never count as hiding.
func cssNumber(v string) float64 {
	v = strings.TrimSpace(v)
	pct := strings.HasSuffix(v, "%")
	f, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
	if err != nil {
		return 1
	}
	if pct {
		f /= 100
	}
	return f
}

// pxLength parses a length into px (em and rem as 16 px); a huge value
// when it is not a length, so unknown values never count as hiding.
func pxLength(v string) float64 {
	v = strings.TrimSpace(v)
	if v == "0" {
		return 0
	}
	for _, u := range []struct {
		unit string
		k    float64
	}{{"px", 1}, {"rem", 16}, {"em", 16}, {"pt", 4.0 / 3}, {"vw", 19.2}, {"vh", 10.8}, {"cm", 37.8}, {"in", 96}} {
		if s, ok := strings.CutSuffix(v, u.unit); ok {
			if f, err := strconv.ParseFloat(s, 64); err == nil {
				return f * u.k
			}
			return 1e9
		}
	}
	return 1e9
}

func farRight(v string) bool { l := pxLength(v); return l >= 5000 && l < 1e9 }

func absoluteLength(v string) bool {
	if strings.HasSuffix(v, "em") && !strings.HasSuffix(v, "rem") || strings.HasSuffix(v, "%") || v == "smaller" || v == "larger" || v == "inherit" {
		return false
	}
	return true
}

// tinyFont: text at 1px or less cannot be read.
func tinyFont(v string) bool {
	if strings.HasSuffix(v, "%") {
		return cssNumber(v) <= 0.01
	}
	return pxLength(v) <= 1
}

func clipRectEmpty(v string) bool {
	in, ok := strings.CutPrefix(v, "rect(")
	if !ok {
		return false
	}
	for _, f := range strings.FieldsFunc(strings.TrimSuffix(in, ")"), func(r rune) bool { return r == ',' || r == ' ' }) {
		if f != "auto" && pxLength(f) > 1 {
			return false
		}
	}
	return true
}

func clipPathEmpty(v string) bool {
	switch {
	case strings.HasPrefix(v, "inset("):
		f := strings.Fields(strings.TrimSuffix(strings.TrimPrefix(v, "inset("), ")"))
		return len(f) > 0 && strings.HasSuffix(f[0], "%") && cssNumber(f[0]) >= 0.5
	case strings.HasPrefix(v, "circle("), strings.HasPrefix(v, "ellipse("):
		in := v[strings.IndexByte(v, '(')+1:]
		f := strings.Fields(strings.TrimSuffix(in, ")"))
		return len(f) > 0 && (f[0] == "0" || pxLength(f[0]) == 0 || strings.HasSuffix(f[0], "%") && cssNumber(f[0]) == 0)
	case strings.HasPrefix(v, "polygon("):
		for _, f := range strings.FieldsFunc(v[len("polygon("):], func(r rune) bool { return r == ',' || r == ' ' || r == ')' }) {
			if f != "0" && pxLength(f) != 0 && cssNumber(f) != 0 {
				return false
			}
		}
		return true
	}
	return false
}

// enteringFrame: a transform that only shifts the element (a matrix of
// scale 1 with an offset) beside opacity 0 is the first frame of a
// scripted entrance ("fade up" as it scrolls into view): animation
// scripts write the computed transform back as matrix(), and the page
// saved before they ran holds each such item at opacity 0, a few pixels
// down; a person sees it once it is in view. (An author's own hidden
// text has no reason to be written as a computed matrix.) The value is
// that one matrix and nothing after it (a second function may shrink the
// box to nothing), and its shift is less than maxEntranceShift each way:
// a box moved a thousand pixels or more is off-screen, hidden twice.
func enteringFrame(v string) bool {
	v = strings.ReplaceAll(strings.ToLower(v), " ", "")
	rest, ok := strings.CutPrefix(v, "matrix(1,0,0,1,")
	if !ok {
		return false
	}
	if rest, ok = strings.CutSuffix(rest, ")"); !ok {
		return false
	}
	xs, ys, ok := strings.Cut(rest, ",")
	if !ok {
		return false
	}
	x, errX := strconv.ParseFloat(xs, 64)
	y, errY := strconv.ParseFloat(ys, 64)
	if errX != nil || errY != nil {
		return false
	}
	// NaN fails both comparisons: hidden.
	return (x != 0 || y != 0) && math.Abs(x) < maxEntranceShift && math.Abs(y) < maxEntranceShift
}

// maxEntranceShift: an entrance animation starts its box a few pixels to
// a few hundred away; the off-screen rules (left, top, margins) take
// -1000px as out of sight.
const maxEntranceShift = 1000

func scaledToZero(v string) bool {
	for _, fn := range []string{"scale(", "scalex(", "scaley(", "scale3d("} {
		for rest := v; ; {
			i := strings.Index(rest, fn)
			if i < 0 {
				break
			}
			rest = rest[i+len(fn):]
			arg := rest
			if j := strings.IndexAny(arg, ",) "); j >= 0 {
				arg = arg[:j]
			}
			if f, err := strconv.ParseFloat(arg, 64); err == nil && f == 0 {
				return true
			}
		}
	}
	return strings.HasPrefix(v, "matrix(0,0,0,0") || strings.HasPrefix(v, "matrix(0, 0, 0, 0")
}

func countElements(n *html.Node) int {
	c := 0
	for x := n.FirstChild; x != nil; x = x.NextSibling {
		if x.Type == html.ElementNode {
			c += 1 + countElements(x)
		}
	}
	return c
}

// sortDocOrder puts order (the keys of cand) in document order.
func sortDocOrder(doc *html.Node, order []*html.Node, cand map[*html.Node]bool) {
	i := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if cand[c] && i < len(order) {
				order[i] = c
				i++
			}
			walk(c)
		}
	}
	walk(doc)
}
