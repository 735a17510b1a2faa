package extract

import (
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// extraction is a content tree from one extractor.
type extraction struct {
	node   *html.Node
	author string // trafilatura's byline, used when the page metadata has none
	source string // which extractor produced node
}

// trafilaturaOpts: no fallback (both better and faster on the benchmark),
// links kept for the link list, publication date from our own metadata
// reader instead of htmldate's slow full-page scan.
func trafilaturaOpts(base *url.URL) trafilatura.Options {
	return trafilatura.Options{
		OriginalURL:     base,
		IncludeLinks:    true,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
	}
}

// runTrafilatura never panics: a crash in the library becomes an error so
// the caller can fall back.
func runTrafilatura(doc *html.Node, base *url.URL) (ex extraction, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("trafilatura panicked: %v", r)
		}
	}()
	res, err := trafilatura.ExtractDocument(doc, trafilaturaOpts(base))
	if err != nil {
		return ex, err
	}
	if res.ContentNode == nil {
		return ex, fmt.Errorf("trafilatura found no content")
	}
	return extraction{node: res.ContentNode, author: res.Metadata.Author, source: "trafilatura"}, nil
}

func runReadability(doc *html.Node, base *url.URL) (ex extraction, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("readability panicked: %v", r)
		}
	}()
	p := readability.NewParser()
	// Its default logger formats every record at Info and above, and the
	// attributes of every With, into io.Discard (about 2% of a page's
	// allocations); a discarding handler formats nothing.
	p.Logger = slog.New(slog.DiscardHandler)
	// doc is a copy of our own (mainContent): readability may change it.
	art, err := p.ParseAndMutate(doc, base)
	if err != nil {
		return ex, err
	}
	if art.Node == nil {
		return ex, fmt.Errorf("readability found no content")
	}
	return extraction{node: art.Node, author: art.Byline(), source: "readability"}, nil
}

// bodyNode is the last resort: the whole <body>, minus what is never
// content.
func bodyNode(doc *html.Node) *html.Node {
	var body *html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		if body != nil {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			body = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	if body == nil {
		body = doc
	}
	return stripNonContent(cloneNode(body))
}

func stripNonContent(n *html.Node) *html.Node {
	removeElements(n, func(c *html.Node) bool {
		switch c.DataAtom {
		case atom.Script, atom.Style, atom.Nav, atom.Form, atom.Button, atom.Select,
			atom.Svg, atom.Iframe, atom.Object, atom.Embed, atom.Canvas, atom.Input, atom.Textarea:
			return true
		}
		return false
	})
	return n
}

// cloneNode is a deep copy of n. A whole page is copied for readability at
// every extraction: its nodes and attributes are taken from two slices
// sized by a first count, two allocations instead of one or two per node
// (the garbage collector's work grows with their number).
func cloneNode(n *html.Node) *html.Node {
	var c treeCopier
	c.count(n)
	c.nodes = make([]html.Node, 0, c.nNodes)
	c.attrs = make([]html.Attribute, 0, c.nAttrs)
	return c.copy(n)
}

type treeCopier struct {
	nNodes, nAttrs int
	nodes          []html.Node
	attrs          []html.Attribute
}

func (c *treeCopier) count(n *html.Node) {
	c.nNodes++
	c.nAttrs += len(n.Attr)
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.count(ch)
	}
}

func (c *treeCopier) copy(n *html.Node) *html.Node {
	c.nodes = append(c.nodes, html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace})
	m := &c.nodes[len(c.nodes)-1]
	if len(n.Attr) > 0 {
		start := len(c.attrs)
		c.attrs = append(c.attrs, n.Attr...)
		// Capacity capped at the node's own attributes: an append to one
		// node's list reallocates it instead of overwriting the next's.
		m.Attr = c.attrs[start:len(c.attrs):len(c.attrs)]
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		m.AppendChild(c.copy(ch))
	}
	return m
}

// rendered is an extraction turned into Markdown with its links.
type rendered struct {
	markdown string
	links    []Link
	// wholeBody: the text is the page's whole body, no main text found
	// (Document.WholeBody).
	wholeBody bool
}

// cut is r after a pass that only drops text gave md: md with the links
// it still holds when it is shorter, r as it was when the pass dropped
// nothing.
func (r rendered) cut(md string) rendered {
	if len(md) < len(r.markdown) {
		return rendered{markdown: md, links: linksIn(r.links, md), wholeBody: r.wholeBody}
	}
	return r
}

func render(ex extraction, base *url.URL, src *pageText) (r rendered, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("render %s content: panic: %v", ex.source, p)
		}
	}()
	if ex.source == "trafilatura" {
		restoreSpaces(ex.node, src)
		restoreCodeBlocks(ex.node)
		restoreTables(ex.node, src)
		restoreCutTables(ex.node, src, &defaultConfig)
		r.wholeBody = restoreFlattened(ex.node, src)
	}
	if ex.source == "region" || ex.source == "thread" {
		// Copies of the page's parts (mainRegion, the thread's posts):
		// the items of a card's or a post's metadata line, and a
		// region's stacked labels.
		spaceInlineSiblings(ex.node, ex.source == "region", &defaultConfig)
	}
	// cardgrids.go: a product grid marked up as an ordered list reads
	// without the numbers its stylesheet hides.
	unnumberCardGrids(ex.node, &defaultConfig)
	r.wholeBody = r.wholeBody || ex.source == "body"
	r.links = fixLinks(ex.node, base)
	r.markdown, err = toMarkdown(ex.node)
	return r, err
}

// wordCount counts letter/digit runs, enough to tell empty from not.
func wordCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		// Bytes, not a range over runes: ASCII (most of any page) needs no
		// decoding, which made this loop a few % of FromHTML.
		var w bool
		if c := s[i]; c < utf8.RuneSelf {
			w = asciiWord[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			w = isWordRune(r)
			i += size
		}
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// restoreCodeBlocks: trafilatura turns <pre> into a bare block-level
// <code>, which Markdown would render inline with its newlines lost. A
// <code> holding a newline and not inside <pre> becomes <pre> again.
func restoreCodeBlocks(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		// Trafilatura renames nodes without updating DataAtom: compare names.
		if c.Data == "pre" {
			continue
		}
		if c.Data == "code" && strings.Contains(textOf(c), "\n") {
			c.Data, c.DataAtom = "pre", atom.Pre
			continue
		}
		restoreCodeBlocks(c)
	}
}
