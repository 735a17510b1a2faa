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

// The move is made only where the page's own script asks for it
// ($RC("B:n","S:m") or $RR(…) for a boundary, $RS("S:m","P:n") for a
// segment, or the external runtime's <template data-bid data-sid> /
// <template data-sid data-pid>), so a hidden div that merely follows the
// naming stays hidden, as it does in a browser. A page that carries no
// script at all is a saved copy whose scripts were stripped: the
// structure is the only trace left of the move, and B:n takes S:n.

// maxStreamedSegments bounds the segments moved on one page.
const maxStreamedSegments = 500

// placeStreamedSegments moves each streamed segment of doc into its
// placeholder; a segment without one stays where it is (and hidden).
func placeStreamedSegments(doc *html.Node) {
	segments := map[string]*html.Node{}
	var holders []*html.Node
	var scripts strings.Builder
	hasScript := false
	moves := map[string]string{} // placeholder id → segment id, as the page asks
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			id := getAttr(c, "id")
			switch {
			case c.DataAtom == atom.Script:
				hasScript = true
				if t := c.FirstChild; t != nil && t.Type == html.TextNode && len(t.Data) < maxInlineScriptRead && strings.Contains(t.Data, "$R") {
					scripts.WriteString(t.Data)
					scripts.WriteByte('\n')
				}
				continue
			case c.DataAtom == atom.Template && hasAttr(c, "data-sid"):
				streamedRuntimeMove(c, moves)
				continue
			case isStreamHolder(c):
				if len(holders) < maxStreamedSegments {
					holders = append(holders, c)
				}
				continue
			case c.DataAtom == atom.Div && strings.HasPrefix(id, "S:") && hasAttr(c, "hidden"):
				if len(segments) < maxStreamedSegments {
					segments[id] = c
				}
				continue // a segment's own placeholders are found when it moves
			}
			walk(c)
		}
	}
	walk(doc)
	if len(holders) == 0 || len(segments) == 0 {
		return
	}
	streamedCalls(scripts.String(), moves)
	for len(holders) > 0 {
		h := holders[0]
		holders = holders[1:]
		hid := getAttr(h, "id")
		sid, ok := moves[hid]
		if !hasScript {
			sid, ok = "S:"+hid[2:], true
		}
		seg := segments[sid]
		if !ok || seg == nil || h.Parent == nil || seg.Parent == nil || isAncestor(seg, h) {
			continue
		}
		delete(segments, sid)
		parent := h.Parent
		// The fallback runs from the placeholder to the boundary's end;
		// without an end, nothing is taken for fallback. A segment's
		// placeholder (P:) has none.
		end := h.NextSibling
		for end != nil && !(end.Type == html.CommentNode && end.Data == "/$") {
			end = end.NextSibling
		}
		if strings.HasPrefix(hid, "P:") {
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

// streamedCalls adds to moves the moves React's inline calls ask for:
// $RC("B:n","S:m") and $RR("B:n","S:m",…) put segment S:m at boundary
// B:n, $RS("S:m","P:n") at segment placeholder P:n. One pass over the
// scripts, however many segments the page has.
func streamedCalls(scripts string, moves map[string]string) {
	for rest := scripts; ; {
		i := strings.Index(rest, "$R")
		if i < 0 {
			return
		}
		rest = rest[i+len("$R"):]
		if len(rest) < 2 || rest[1] != '(' || (rest[0] != 'C' && rest[0] != 'R' && rest[0] != 'S') {
			continue
		}
		kind := rest[0]
		a, after, ok := quotedArg(rest[2:])
		if !ok {
			continue
		}
		after = strings.TrimLeft(after, " ")
		if !strings.HasPrefix(after, ",") {
			continue
		}
		b, _, ok := quotedArg(after[1:])
		if !ok {
			continue
		}
		if kind == 'S' {
			a, b = b, a // $RS names the segment first
		}
		if len(moves) < maxStreamedSegments {
			moves[a] = b
		}
	}
}

// streamedRuntimeMove reads the move React's external runtime asks for
// with a template instead of a call: data-bid and data-sid for a
// boundary, data-sid and data-pid for a segment.
func streamedRuntimeMove(t *html.Node, moves map[string]string) {
	if len(moves) >= maxStreamedSegments {
		return
	}
	sid := getAttr(t, "data-sid")
	if bid := getAttr(t, "data-bid"); bid != "" {
		moves[bid] = sid
	} else if pid := getAttr(t, "data-pid"); pid != "" {
		moves[pid] = sid
	}
}

// quotedArg reads one short quoted string at the start of s (after
// spaces): React's ids are a few characters, so a longer one is no id.
func quotedArg(s string) (arg, rest string, ok bool) {
	s = strings.TrimLeft(s, " ")
	if s == "" || (s[0] != '"' && s[0] != '\'') {
		return "", "", false
	}
	end := strings.IndexByte(s[1:min(len(s), maxStreamedID+2)], s[0])
	if end < 0 {
		return "", "", false
	}
	return s[1 : 1+end], s[2+end:], true
}

// maxStreamedID bounds an id read from a call.
const maxStreamedID = 32

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
