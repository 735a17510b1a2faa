package extract

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// A product page's description is what its reader came for, beside the
// name, price and specifications. Many shops write it with a script (a
// sheet the "Description" button opens, a panel filled from the shop's
// data), so the saved page shows a buy box, a newsletter form and a
// footer, and both extractors keep those. The page still declares the
// product in its structured data (schema.org Product, JSON-LD), with the
// description it shows. When the page declares exactly one product, and
// the extracted text misses that product's description, the description
// is said: the page's own words, as plain text under the product's name.

// maxDescriptionBytes bounds the declared description read from a page:
// a product's description is a few paragraphs (the longest seen: 3 KB),
// and a hostile page could declare megabytes.
const maxDescriptionBytes = 16 << 10

// declaredProduct is the name and description of the one product the
// page's JSON-LD declares, as Markdown (entities decoded, markup rendered,
// links reduced to their text), or "" for both when it declares none,
// several, or one without a description. types are the page's structured
// types (structuredTypes): a page that also declares a list of items, or
// a second product in microdata, is not one product's page.
func declaredProduct(meta *pageMeta, types []string) (name, desc string) {
	if !declaresOneProduct(types) {
		return "", ""
	}
	found := 0
	walkLD(meta.jsonLD, func(o map[string]any) bool {
		if found > 1 {
			return false
		}
		if declaredKind(ldTypes(o)) == kindProduct {
			found++
			name, desc = ldString(o, "name"), ldString(o, "description")
			return false // a product's variants (hasVariant) are the same product
		}
		return true
	})
	if found != 1 {
		return "", ""
	}
	if desc = descriptionText(desc); desc == "" {
		return "", ""
	}
	return descriptionText(collapseSpace(name)), desc
}

// descriptionText turns a declared description into plain text: some
// shops write it as HTML (paragraphs, lists, entities), some percent-encode
// it; the text is read through the package's own sanitizer and converter,
// so whatever markup it holds comes out as it would from a page, with its
// links reduced to their text.
func descriptionText(s string) string {
	s = cutAtRune(s, maxDescriptionBytes)
	if !strings.ContainsAny(s, " \n") && strings.Contains(s, "%20") {
		if d, err := url.PathUnescape(s); err == nil {
			s = d
		}
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	var frag string
	if strings.Contains(s, "<") && strings.Contains(s, ">") {
		frag = s
	} else {
		// Plain text: its line breaks are its paragraphs.
		var b strings.Builder
		for _, line := range strings.Split(html.UnescapeString(s), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				b.WriteString("<p>")
				b.WriteString(html.EscapeString(line))
				b.WriteString("</p>")
			}
		}
		frag = b.String()
	}
	root, err := parseClean(prepareInput("<html><body>" + frag + "</body></html>"))
	if err != nil {
		return ""
	}
	md, err := toMarkdown(bodyNode(root))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(stripLinks(md))
}

// sayDeclaredProduct adds the declared description (declaredProduct) to
// md, the page's extracted Markdown, when md misses it: less than
// cfg.DescriptionKept of its text is in md. A description of fewer than
// cfg.DescriptionMinWords words is a tagline, not worth a block. A result
// with a block of prose (a paragraph, a list; not a heading or a table)
// of cfg.DescriptionOwnShare times the description's words outside links
// already describes the product in the page's own words: the declared
// text is then often a shorter summary written for search engines, and
// is left out. It goes under md's first level-one heading (the product's
// name), or atop md under the declared name.
func sayDeclaredProduct(md, name, desc string, cfg *config) string {
	toks := wordTokens(desc, nil)
	if len(toks) < cfg.DescriptionMinWords {
		return md
	}
	if coverage(toks, shingleSet(wordTokens(stripLinks(md), nil))) >= cfg.DescriptionKept {
		return md
	}
	blocks := markdownBlocks(md)
	for _, b := range blocks {
		blk := md[b.start:b.end]
		if headingLevel(blk) == 0 && !strings.HasPrefix(blk, "|") && float64(wordCount(stripLinkTexts(blk))) >= cfg.DescriptionOwnShare*float64(len(toks)) {
			return md // a description in the page's other words (the declared one is a summary)
		}
	}
	for _, b := range blocks {
		if headingLevel(md[b.start:b.end]) == 1 {
			return md[:b.end] + "\n\n" + desc + md[b.end:]
		}
	}
	if name != "" && !strings.Contains(name, "\n") {
		desc = "# " + name + "\n\n" + desc
	}
	if strings.TrimSpace(md) == "" {
		return desc
	}
	return desc + "\n\n" + md
}
