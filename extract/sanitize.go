package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

const (
	// maxInputBytes bounds the work on one page: real articles are far
	// smaller, and beyond this parsing alone would take most of a second.
	maxInputBytes = 4 << 20
	// maxDepth bounds element nesting. The HTML parser's scope checks are
	// linear in the depth of the open-element stack, so a 100k-deep page is
	// quadratic; no readable page nests anywhere near this deep.
	// x/net/html itself refuses more than 512 open elements (and the
	// parser adds implied ones like <tbody>), and extractors walk subtrees
	// per element, so a deep tree costs depth x size.
	maxDepth = 160
	// maxElements and maxTextBytes cut the tail of documents far beyond any
	// article (the benchmark's largest: 1.5k elements, 100 KB of text); the
	// extractors are superlinear on such trees.
	maxElements  = 20000
	maxTextBytes = 1 << 20
)

// cutAtRune returns s cut to at most n bytes, at the start of a rune so a
// cut never splits a character.
func cutAtRune(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// prepareInput makes hostile input cheap to parse: valid UTF-8, bounded
// size and bounded nesting.
func prepareInput(s string) string {
	s = cutAtRune(s, maxInputBytes)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = repairMojibake(s, defaultConfig.MojibakeMinRuns) // mojibake.go
	if estimateDepth(s) > maxDepth {
		s = flattenDeep(s, maxDepth)
	}
	return s
}

// estimateDepth is a cheap upper-bound-ish guess of the nesting depth from
// the raw bytes: start tags of non-void elements minus end tags. It
// overestimates pages with unclosed <p>/<li>; those only pay for the exact
// rewrite in flattenDeep.
func estimateDepth(s string) int {
	depth, maxSeen := 0, 0
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		if i >= len(s) {
			break
		}
		c := s[i]
		if c == '/' {
			if depth > 0 {
				depth--
			}
			continue
		}
		if !isASCIILetter(c) {
			continue
		}
		k := i
		for k < len(s) && (isASCIILetter(s[k]) || s[k] >= '0' && s[k] <= '9') {
			k++
		}
		if isVoid(strings.ToLower(s[i:k])) {
			continue
		}
		depth++
		if depth > maxSeen {
			maxSeen = depth
		}
	}
	return maxSeen
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isVoid(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
		"param", "source", "track", "wbr", "keygen", "frame", "basefont", "isindex":
		return true
	}
	return false
}

// impliedEnd lists elements whose end tag is optional: a new one closes the
// open one, so they do not nest in the parsed tree.
var impliedEnd = map[string]bool{"p": true, "li": true, "dt": true, "dd": true, "option": true,
	"tr": true, "td": true, "th": true, "rp": true, "rt": true, "tbody": true, "thead": true}

// flattenDeep rewrites s dropping start and end tags nested deeper than
// limit; their text stays, attached to the deepest kept element.
func flattenDeep(s string, limit int) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	b.Grow(len(s) / 2)
	stack := make([]string, 0, limit)
	dropped := map[string]int{}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.StartTagToken:
			name, _ := z.TagName()
			n := string(name)
			if isVoid(n) {
				b.Write(z.Raw())
				continue
			}
			if impliedEnd[n] && len(stack) > 0 && stack[len(stack)-1] == n {
				stack = stack[:len(stack)-1]
			}
			if len(stack) >= limit {
				dropped[n]++
				continue
			}
			stack = append(stack, n)
			b.Write(z.Raw())
			// Raw-text elements: the tokenizer already treats their body as text.
		case html.EndTagToken:
			name, _ := z.TagName()
			n := string(name)
			if dropped[n] > 0 {
				dropped[n]--
				continue
			}
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k] == n {
					stack = stack[:k]
					break
				}
			}
			b.Write(z.Raw())
		default:
			b.Write(z.Raw())
		}
	}
}

// parseClean parses s and removes what a reader never sees: elements and
// text the page's styles hide (applyStyles, css.go), hidden elements,
// templates, scripts, and invisible characters in text.
func parseClean(s string) (*html.Node, error) {
	early := startSheetParse(s) // cssearly.go: the stylesheets are parsed beside the page
	defer early.wait()          // also when the tree has no <style> (the scan misread one) or a parse panics
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		// Nesting the depth guard missed (implied elements): retry much
		// flatter, then as plain text, so a page with text always parses.
		doc, err = html.Parse(strings.NewReader(flattenDeep(s, 32)))
		if err != nil {
			doc, err = html.Parse(strings.NewReader("<p>" + html.EscapeString(plainText(s)) + "</p>"))
			if err != nil {
				return nil, err
			}
		}
	}
	cleanParsed(doc, early)
	return doc, nil
}

// cleanParsed is parseClean's work on the parsed tree; early is the
// parse of the page's stylesheets made beside the tree (cssearly.go), or
// nil.
func cleanParsed(doc *html.Node, early *earlySheet) {
	openNoscriptViews(doc)                 // noscript.go: an app shell's no-JavaScript view is its page
	placeStreamedSegments(doc)             // streamed.go: React's streamed parts go where its script puts them
	placeOutOfOrder(doc)                   // outoforder.go: so do Marko's out-of-order parts
	revealDisclosures(doc, &defaultConfig) // disclosure.go: tab and accordion panels are read, not hidden
	applyStyles(doc, early)
	cleanTree(doc)
	capSize(doc)
}

// plainText is the text of every text token of s.
func plainText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			b.Write(z.Text())
			b.WriteByte(' ')
		}
	}
}

// capSize removes everything after the maxElements-th element or the
// maxTextBytes-th byte of text, in document order (a text node that
// crosses the limit is shortened, not dropped).
func capSize(doc *html.Node) {
	els, text := 0, 0
	var stop *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && stop == nil; c = c.NextSibling {
			switch c.Type {
			case html.ElementNode:
				els++
				if els > maxElements {
					stop = c
					return
				}
			case html.TextNode:
				if text+len(c.Data) > maxTextBytes {
					keep := maxTextBytes - text
					for keep > 0 && !utf8.RuneStart(c.Data[keep]) {
						keep--
					}
					c.Data = c.Data[:keep]
					stop = c
					return
				}
				text += len(c.Data)
			}
			walk(c)
		}
	}
	walk(doc)
	if stop == nil {
		return
	}
	// Drop what follows stop at every level, then stop itself unless it is
	// the shortened text.
	for x := stop; x != nil && x != doc; x = x.Parent {
		for c := x.NextSibling; c != nil; {
			next := c.NextSibling
			x.Parent.RemoveChild(c)
			c = next
		}
	}
	if stop.Type == html.ElementNode {
		stop.Parent.RemoveChild(stop)
	}
}

func isHiddenElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script:
		// JSON-LD stays: it carries metadata (and articleBody); extractors
		// drop scripts themselves and no renderer shows it.
		return !strings.EqualFold(getAttr(n, "type"), "application/ld+json")
	case atom.Template, atom.Style, atom.Noscript:
		// The parser runs with scripting on, so <noscript> holds unparsed
		// markup (mostly tracking pixels and "enable JavaScript" notes).
		return true
	case atom.Html, atom.Body:
		// Pages hide the whole body until a script reveals it (a guard
		// against unstyled flashes); dropping it would drop the page.
		return false
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			// A redundant link is aria-hidden for screen readers only; its
			// text is on screen (redundantlink.go).
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") && !keepsRedundantLink(n) {
				return true
			}
		case "class":
			if classHides(a.Val) {
				return true
			}
		case "type":
			if n.DataAtom == atom.Input && strings.EqualFold(a.Val, "hidden") {
				return true
			}
		case "role":
			// A tooltip (WAI-ARIA role="tooltip") shows its text while
			// the control it describes is hovered or focused: a badge's
			// or a date's explanation, no text of the page a person
			// reads.
			if strings.EqualFold(strings.TrimSpace(a.Val), "tooltip") && !isDescribed(n) {
				return true
			}
		}
	}
	return false
}

// removeElements removes from n's subtree every element drop accepts,
// with everything inside it, and looks inside the elements it keeps.
func removeElements(n *html.Node, drop func(*html.Node) bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			if drop(c) {
				n.RemoveChild(c)
			} else {
				removeElements(c, drop)
			}
		}
		c = next
	}
}

func getAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func cleanTree(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.Type {
		case html.ElementNode:
			if isHiddenElement(c) {
				n.RemoveChild(c)
			} else {
				cleanTree(c)
			}
		case html.TextNode:
			c.Data = StripInvisible(c.Data)
		case html.CommentNode:
			n.RemoveChild(c)
		}
		c = next
	}
}

// hidingClasses are the utility classes of common CSS frameworks
// (Bootstrap, Tailwind, WordPress) whose only effect is to hide an element
// from sighted readers, and the classes Webflow's own stylesheet hides
// (webflow.css, not read here): a CMS block whose condition is not met,
// and a form's success and error messages, shown only once it is sent.
var hidingClasses = map[string]bool{
	"hidden": true, "d-none": true, "sr-only": true, "visually-hidden": true,
	"screen-reader-text": true, "visuallyhidden": true, "invisible": true, "hide": true,
	"w-condition-invisible": true, "w-form-done": true, "w-form-fail": true,
}

// classHides: one of class's words (case ignored) is a hiding class.
func classHides(class string) bool {
	for w := range classWords(class) {
		if foldLookup(hidingClasses, w) {
			return true
		}
	}
	return false
}

// isDescribed: another element labels or describes n (aria-labelledby,
// aria-describedby). A tooltip is the description, never the thing
// described: a role="tooltip" element carrying them is a hover card's
// trigger with the wrong role (the author link under each entry of a
// publication's index), shown all along.
func isDescribed(n *html.Node) bool {
	return hasAttr(n, "aria-describedby") || hasAttr(n, "aria-labelledby")
}
