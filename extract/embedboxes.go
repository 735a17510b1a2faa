package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A media player's or a post's "Embed" control opens a box with the code
// to paste into another site: a read-only field holding the markup
// (<input value="<iframe src=…>">, a <textarea>) for the copy button,
// and most often the same markup shown as text beside it. The box is
// hidden until the control is clicked, by a script or an external
// stylesheet, so it reaches the extractors; its text is markup, none of
// the page's words. On a list of episodes it comes under every entry.

// embedMarkupTags are the elements an embed code opens with.
var embedMarkupTags = []string{"<iframe", "<script", "<embed", "<object", "<video", "<audio", "<blockquote"}

// dropEmbedCodeBoxes removes, in place, each embed-code box under root: the
// nearest ancestor of a form field holding embed markup (within
// cfg.EmbedBoxClimb levels) that shows that markup as text, as long as
// it holds at most cfg.EmbedBoxLabelWords words besides the markup (the
// box's "Embed", "Copy" and "Close" labels; more is a part of the page the
// field sits in). A field alone (no copy shown) is left as it is: a field
// is no text of the result anyway.
func dropEmbedCodeBoxes(root *html.Node, cfg *config) {
	var fields []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if (c.DataAtom == atom.Input || c.DataAtom == atom.Textarea) && embedTagOf(fieldValue(c)) != "" {
				fields = append(fields, c)
				continue
			}
			walk(c)
		}
	}
	walk(root)
	for _, f := range fields {
		if f.Parent == nil { // inside a box removed already
			continue
		}
		code := fieldValue(f)
		tag := embedTagOf(code)
		// The box holds the shown copy and a few labels: its text is read
		// no further than that (textUpTo), however big an ancestor is.
		limit := 2*len(code) + cfg.EmbedBoxLabelWords*16
		for box, up := f.Parent, 0; box != nil && box.Type == html.ElementNode && up < cfg.EmbedBoxClimb; box, up = box.Parent, up+1 {
			text, ok := textUpTo(box, limit)
			if !ok {
				break
			}
			// Each copy of the code the box holds (a textarea's own, the
			// shown one) is no label word.
			copies := strings.Count(strings.ToLower(text), tag)
			if copies == 0 {
				continue
			}
			if wordCount(text)-copies*wordCount(code) <= cfg.EmbedBoxLabelWords && box.Parent != nil {
				box.Parent.RemoveChild(box)
			}
			break
		}
	}
}

// fieldValue is a form field's text: an input's value, a textarea's
// content.
func fieldValue(n *html.Node) string {
	if n.DataAtom == atom.Textarea {
		return strings.TrimSpace(textOf(n))
	}
	return strings.TrimSpace(getAttr(n, "value"))
}

// embedTagOf is the embed element (embedMarkupTags) that code opens with,
// lower-cased, or "".
func embedTagOf(code string) string {
	if len(code) < 8 || code[0] != '<' {
		return ""
	}
	for _, t := range embedMarkupTags {
		if len(code) > len(t) && strings.EqualFold(code[:len(t)], t) && (code[len(t)] == ' ' || code[len(t)] == '>') {
			return t
		}
	}
	return ""
}
