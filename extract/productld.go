package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Some shops render a product's description with a script: the static
// page shows the name, the price and the buttons, and the description is
// only in the page's data (its schema.org Product's "description", which
// search engines read; the app's state). A reader of the rendered page
// sees it. When the static page shows none of it, the structured data's
// description is the product's text, and it is added to the result.

// maxProductDescBytes bounds the description read from structured data.
const maxProductDescBytes = 16 << 10

// withProductDescription returns md with the page's one declared
// product's description added (after its level-one heading, else first)
// when the page's visible text shows almost none of it; otherwise md.
func withProductDescription(md string, root *html.Node, meta *pageMeta, cfg *config) string {
	desc := ""
	for _, o := range meta.jsonLD {
		if declaredKind(ldTypes(o)) == kindProduct {
			desc = ldString(o, "description")
			break
		}
	}
	// The JSON-LD is read first: most pages have no product description
	// there, and the page's structured types cost a walk of the tree.
	if wordCount(desc) < cfg.ProductDescMinWords || !declaresOneProduct(structuredTypes(meta, root)) {
		return md
	}
	paras := descriptionParagraphs(desc)
	toks := wordTokens(strings.Join(paras, "\n"), nil)
	// Text, not a code or an encoded string: its words stand apart.
	if len(toks) < cfg.ProductDescMinWords || len(strings.Fields(strings.Join(paras, " ")))*2 < len(toks) {
		return md
	}
	if coverage(toks, shingleSet(wordTokens(visibleText(root), nil))) >= cfg.ProductDescShown {
		return md
	}
	add := strings.Join(paras, "\n\n")
	blocks := markdownBlocks(md)
	if len(blocks) > 0 && headingLevel(md[blocks[0].start:blocks[0].end]) == 1 {
		end := blocks[0].end
		return md[:end] + "\n\n" + add + md[end:]
	}
	if strings.TrimSpace(md) == "" {
		return add
	}
	return add + "\n\n" + md
}

// descriptionParagraphs splits a structured-data description (plain text
// with line breaks, or HTML) into paragraphs of plain text: tags dropped,
// entities decoded, a block tag or a line break ends a paragraph.
func descriptionParagraphs(desc string) []string {
	if len(desc) > maxProductDescBytes {
		desc = desc[:maxProductDescBytes]
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		if p := collapseSpace(cur.String()); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	z := html.NewTokenizer(strings.NewReader(desc))
	for {
		switch z.Next() {
		case html.ErrorToken:
			flush()
			return paras
		case html.TextToken:
			lines := strings.Split(string(z.Text()), "\n")
			for i, l := range lines {
				if i > 0 {
					flush()
				}
				cur.WriteString(l)
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch atom.Lookup(name) {
			case atom.P, atom.Br, atom.Li, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Tr, atom.Ul, atom.Ol:
				flush()
			default:
				cur.WriteByte(' ')
			}
		}
	}
}

// visibleText is the text under n a reader could see: not the code or
// data of scripts, styles and templates.
func visibleText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
			b.WriteByte(' ')
			return
		case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Template):
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
