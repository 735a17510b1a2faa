package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Marko (eBay's framework) flushes a page out of order the same way React
// streams it (streamed.go), in its own spelling: where a part is still
// loading it writes an empty placeholder, <span id="af{app}ph{n}"> or
// <noscript id="af{app}ph{n}">; the finished part comes later as
// <div id="af{app}{n}" style="display:none">, followed by a call
// <script>$af{app}({n})</script> that moves the div's children in place
// of the placeholder. Without the script a category page shows its
// header and footer only. The move is made only where the page's own
// script asks for it, so a hidden div that merely follows the naming
// stays hidden.

// maxInlineScriptRead bounds one inline script read for a framework's
// calls (a call is a line; a bigger script is a bundle, not a call), and
// maxOutOfOrderApp the length of an app's name.
const (
	maxInlineScriptRead = 64 << 10
	maxOutOfOrderApp    = 64
)

// placeOutOfOrder moves each out-of-order part of doc into its
// placeholder, as the page's script would.
func placeOutOfOrder(doc *html.Node) {
	var parts []*html.Node
	ids := map[string]*html.Node{}
	var scripts strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.Script {
				if t := c.FirstChild; t != nil && t.Type == html.TextNode && len(t.Data) < maxInlineScriptRead && strings.Contains(t.Data, "$af") {
					scripts.WriteString(t.Data)
					scripts.WriteByte('\n')
				}
				continue
			}
			if id := getAttr(c, "id"); strings.HasPrefix(id, "af") {
				if _, ok := ids[id]; !ok {
					ids[id] = c
				}
				if c.DataAtom == atom.Div && len(parts) < maxStreamedSegments && outOfOrderID(id) {
					parts = append(parts, c)
				}
			}
			walk(c)
		}
	}
	walk(doc)
	if len(parts) == 0 || scripts.Len() == 0 {
		return
	}
	calls := outOfOrderCalls(scripts.String())
	for _, p := range parts {
		id := getAttr(p, "id")
		app, n := splitOutOfOrderID(id)
		h := ids["af"+app+"ph"+n]
		if h == nil || h.Parent == nil || p.Parent == nil || isAncestor(p, h) || h == p ||
			!strings.Contains(strings.ReplaceAll(getAttr(p, "style"), " ", ""), "display:none") ||
			!calls[app+"("+n] {
			continue
		}
		p.Parent.RemoveChild(p)
		for c := p.FirstChild; c != nil; {
			next := c.NextSibling
			p.RemoveChild(c)
			h.Parent.InsertBefore(c, h)
			c = next
		}
		h.Parent.RemoveChild(h)
	}
}

// outOfOrderID: id is af{app}{n}, a part's (not its placeholder's).
func outOfOrderID(id string) bool {
	app, n := splitOutOfOrderID(id)
	return n != "" && !strings.HasSuffix(app, "ph")
}

// splitOutOfOrderID splits af{app}{n} into app and the digits n.
func splitOutOfOrderID(id string) (app, n string) {
	i := len(id)
	for i > 2 && id[i-1] >= '0' && id[i-1] <= '9' {
		i--
	}
	return id[2:i], id[i:]
}

// outOfOrderCalls returns the calls "$af{app}({n}" the scripts make, n
// ended by ")" or ",", each as app+"("+n: one pass over the scripts,
// however many parts the page has.
func outOfOrderCalls(scripts string) map[string]bool {
	calls := map[string]bool{}
	for rest := scripts; ; {
		i := strings.Index(rest, "$af")
		if i < 0 {
			return calls
		}
		rest = rest[i+len("$af"):]
		// An app's name is short: look for its "(" only that far.
		p := strings.IndexByte(rest[:min(len(rest), maxOutOfOrderApp+1)], '(')
		if p < 0 {
			continue
		}
		j := p + 1
		for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
			j++
		}
		if j > p+1 && j < len(rest) && (rest[j] == ')' || rest[j] == ',') {
			calls[rest[:j]] = true
		}
	}
}
