package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func renderNode(t *testing.T, n *html.Node) string {
	t.Helper()
	var b strings.Builder
	if err := html.Render(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// A copy renders as the original does, and neither changes with the other:
// readability edits its copy (attributes added, removed, nodes moved)
// while the original is read on.
func TestCloneNodeIsIndependent(t *testing.T) {
	for _, page := range []string{
		`<p>one</p>`,
		`<!DOCTYPE html><html lang="en"><head><title>T</title><style>p{color:red}</style></head>` +
			`<body class="a b"><nav id="n"><a href="/x" rel="nofollow">x</a></nav>` +
			`<article data-k="1"><h1>Head</h1><p>Text <b>bold</b> <img src="i.png" alt="i"></p>` +
			`<svg viewBox="0 0 1 1"><path d="M0"/></svg><!-- note --></article>` +
			`<script>var a = "<p>";</script></body></html>`,
	} {
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		want := renderNode(t, doc)
		cp := cloneNode(doc)
		if got := renderNode(t, cp); got != want {
			t.Fatalf("copy renders\n%s\nwant\n%s", got, want)
		}
		// Edit every element of the copy: grow its attribute list, change
		// the first attribute, and drop its last child.
		var edit func(n *html.Node)
		edit = func(n *html.Node) {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				edit(c)
			}
			if n.Type == html.ElementNode {
				if len(n.Attr) > 0 {
					n.Attr[0].Val = "changed"
				}
				n.Attr = append(n.Attr, html.Attribute{Key: "data-added", Val: "1"})
				if n.LastChild != nil {
					n.RemoveChild(n.LastChild)
				}
			}
		}
		edit(cp)
		if got := renderNode(t, doc); got != want {
			t.Fatalf("editing the copy changed the original:\n%s\nwant\n%s", got, want)
		}
		// Appending to one node's attributes must not overwrite the next
		// node's, which sit after it in the same backing slice.
		var check func(n *html.Node)
		check = func(n *html.Node) {
			if n.Type == html.ElementNode {
				last := n.Attr[len(n.Attr)-1]
				if last.Key != "data-added" {
					t.Errorf("<%s>: last attribute %q, want data-added (overwritten by a neighbour)", n.Data, last.Key)
				}
				for _, a := range n.Attr[:len(n.Attr)-1] {
					if a.Key == "data-added" {
						t.Errorf("<%s>: data-added inside its original attributes", n.Data)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				check(c)
			}
		}
		check(cp)
	}
}
