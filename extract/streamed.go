package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// React's streaming server rendering sends a page in two parts: where a
// part is still loading it writes a placeholder, <template id="B:n">, then
// a fallback (a skeleton, "Loading…") up to the end-of-boundary comment
// <!--/$-->; the finished part comes later in the body as
// <div hidden id="S:n">, and a small script moves it into place. Without
// the script the content is a hidden div at the end and the page shows a
// skeleton. Here the move is done as the script would: the segment's
// children replace the placeholder and its fallback. A segment that
// finished inside another one's markup is written as <template id="P:n">
// (no fallback) and moved into it the same way ($RS rather than $RC).

// maxStreamedSegments bounds the segments moved on one page.
const maxStreamedSegments = 500

// placeStreamedSegments moves each streamed segment of doc into its
// placeholder; a segment without one stays where it is (and hidden).
func placeStreamedSegments(doc *html.Node) {
	segments := map[string]*html.Node{}
	var holders []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			id := getAttr(c, "id")
			switch {
			case isStreamHolder(c):
				if len(holders) < maxStreamedSegments {
					holders = append(holders, c)
				}
				continue
			case c.DataAtom == atom.Div && strings.HasPrefix(id, "S:") && hasAttr(c, "hidden"):
				if len(segments) < maxStreamedSegments {
					segments[id[2:]] = c
				}
				continue // a segment's own placeholders are found when it moves
			}
			walk(c)
		}
	}
	walk(doc)
	for len(holders) > 0 {
		h := holders[0]
		holders = holders[1:]
		seg := segments[getAttr(h, "id")[2:]]
		if seg == nil || h.Parent == nil || seg.Parent == nil || isAncestor(seg, h) {
			continue
		}
		delete(segments, getAttr(h, "id")[2:])
		parent := h.Parent
		// The fallback runs from the placeholder to the boundary's end;
		// without an end, nothing is taken for fallback. A segment's
		// placeholder (P:) has none.
		end := h.NextSibling
		for end != nil && !(end.Type == html.CommentNode && end.Data == "/$") {
			end = end.NextSibling
		}
		if strings.HasPrefix(getAttr(h, "id"), "P:") {
			end = nil
		}
		for c := h.NextSibling; end != nil && c != end; {
			next := c.NextSibling
			parent.RemoveChild(c)
			c = next
		}
		seg.Parent.RemoveChild(seg)
		for c := seg.FirstChild; c != nil; {
			next := c.NextSibling
			seg.RemoveChild(c)
			parent.InsertBefore(c, h)
			if c.Type == html.ElementNode {
				holders = append(holders, templatesIn(c)...) // nested boundaries
			}
			c = next
		}
		parent.RemoveChild(h)
	}
}

// templatesIn lists the streaming placeholders under n, n included.
func templatesIn(n *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if isStreamHolder(n) {
			out = append(out, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// isStreamHolder: n is a boundary's (B:) or a segment's (P:) placeholder.
func isStreamHolder(n *html.Node) bool {
	if n.Type != html.ElementNode || n.DataAtom != atom.Template {
		return false
	}
	id := getAttr(n, "id")
	return strings.HasPrefix(id, "B:") || strings.HasPrefix(id, "P:")
}

func isAncestor(a, n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}
