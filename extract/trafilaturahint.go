package extract

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// trafilatura's metadata pass runs at every extraction (no option turns
// it off) and, when a page's <meta> tags and JSON-LD name no categories
// and no tags, looks for them over the whole tree with a dozen selector
// scans: about 14% of trafilatura's time on WCXB, on the slower of the
// two extractors, so on the page's own time. We read none of it (only
// its author: runTrafilatura). A JSON-LD object naming a placeholder
// section and keyword gives it both lists, and it skips the scans.
//
// The object has no @context, so readability (which wants schema.org's)
// passes over it, and no author, name, headline or body: trafilatura's
// author, its title and its baseline's articleBody stay what the page
// says. It goes in the head, which trafilatura's content extraction
// drops whole, after collectMeta has read the page's own JSON-LD, and
// leaves the tree when both extractors and the passes beside them are
// done (mainContent).
const trafilaturaHintJSON = `{"@type":"Article","articleSection":"-","keywords":"-"}`

// addTrafilaturaHint appends the hint script to root's head and returns
// the function that takes it out again (a no-op when root has no head).
func addTrafilaturaHint(root *html.Node) (remove func()) {
	head := findHead(root)
	if head == nil {
		return func() {}
	}
	script := &html.Node{
		Type:     html.ElementNode,
		DataAtom: atom.Script,
		Data:     "script",
		Attr:     []html.Attribute{{Key: "type", Val: "application/ld+json"}},
	}
	script.AppendChild(&html.Node{Type: html.TextNode, Data: trafilaturaHintJSON})
	head.AppendChild(script)
	return func() {
		if script.Parent != nil {
			script.Parent.RemoveChild(script)
		}
	}
}

// findHead is the <head> under the document's <html> element (where
// html.Parse always puts one), or nil.
func findHead(root *html.Node) *html.Node {
	for h := root.FirstChild; h != nil; h = h.NextSibling {
		if h.Type == html.ElementNode && h.DataAtom == atom.Html {
			for c := h.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.DataAtom == atom.Head {
					return c
				}
			}
		}
	}
	return nil
}
