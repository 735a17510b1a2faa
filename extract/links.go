package extract

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// fixLinks makes every link under root absolute and returns the content
// links in reading order, deduplicated by URL. Links a reader cannot follow
// (javascript:, mailto:, in-page fragments, unparsable) are unwrapped so
// their text stays in the content without a dead target.
func fixLinks(root *html.Node, base *url.URL) []Link {
	var links []Link
	seen := map[string]int{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				walk(c)
				if c.Data == "a" {
					if u, ok := resolveLink(getAttr(c, "href"), base); ok {
						c.Attr = []html.Attribute{{Key: "href", Val: u}}
						text := collapseSpace(textOf(c))
						if i, dup := seen[u]; dup {
							if links[i].Text == "" {
								links[i].Text = text
							}
						} else {
							seen[u] = len(links)
							links = append(links, Link{Text: text, URL: u})
						}
					} else {
						unwrap(c)
					}
				} else if c.Data == "img" {
					if src, ok := resolveLink(getAttr(c, "src"), base); ok {
						setAttr(c, "src", src)
					}
				}
			}
			c = next
		}
	}
	walk(root)
	return links
}

func resolveLink(href string, base *url.URL) (string, bool) {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return "", false
	}
	u, err := url.Parse(href)
	if err != nil {
		return "", false
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	default:
		// javascript:, mailto:, data:, tel:, and relative links without a base.
		return "", false
	}
	if u.Host == "" {
		return "", false
	}
	return u.String(), true
}

// unwrap replaces n by its children.
func unwrap(n *html.Node) {
	p := n.Parent
	if p == nil {
		return
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		n.RemoveChild(c)
		p.InsertBefore(c, n)
		c = next
	}
	p.RemoveChild(n)
}

func setAttr(n *html.Node, key, val string) {
	for i := range n.Attr {
		if n.Attr[i].Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// hasText: n holds text other than white space (textOf(n) trimmed is not
// empty), read up to the first such text instead of building all of it.
func hasText(n *html.Node) bool {
	if n.Type == html.TextNode {
		return strings.TrimSpace(n.Data) != ""
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasText(c) {
			return true
		}
	}
	return false
}

// collapseSpace is strings.Join(strings.Fields(s), " "): s's runs of
// non-space (Unicode white space splits) one space apart. It runs on the
// text of most elements of a page, several passes over: s comes back as
// it is, with nothing allocated, when it is collapsed already, and is
// otherwise rebuilt in one allocation (Fields and Join made a slice and
// a string).
func collapseSpace(s string) string {
	if isCollapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for f := range strings.FieldsSeq(s) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f)
	}
	return b.String()
}

// isCollapsed: s neither starts nor ends with white space, and its only
// white space is single ' ' bytes.
func isCollapsed(s string) bool {
	prevSpace := true // at the start, a space would be leading
	for i := 0; i < len(s); {
		space, size := spaceAt(s, i)
		if space && (prevSpace || s[i] != ' ') {
			return false
		}
		prevSpace = space
		i += size
	}
	return !prevSpace || s == ""
}

// spaceAt reports whether the rune at s[i] is white space (unicode.IsSpace;
// an invalid byte is not) and its width in bytes. ASCII, most of any
// page, is answered without decoding.
func spaceAt(s string, i int) (space bool, size int) {
	if c := s[i]; c < utf8.RuneSelf {
		return c == ' ' || c >= '\t' && c <= '\r', 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), size
}

// fragmentMark holds, on a link within the page ("#details") that
// absolutizeLinks took the address of, the id it pointed to.
const fragmentMark = "data-extract-fragment"

// inPageFragment is the id an in-page link (href "#details") points to,
// "" for any other href.
func inPageFragment(href string) string {
	href = strings.TrimSpace(href)
	if len(href) < 2 || href[0] != '#' {
		return ""
	}
	return href[1:]
}

// absolutizeLinks rewrites every href in the page to an absolute http(s)
// URL before extraction, and removes the href of links a reader cannot
// follow: extractors resolve "mailto:x" against the page URL otherwise. An
// in-page link keeps the id it points to (fragmentMark).
func absolutizeLinks(n *html.Node, base *url.URL) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.Data == "a" {
			for k := 0; k < len(c.Attr); k++ {
				if c.Attr[k].Key != "href" {
					continue
				}
				if u, ok := resolveLink(c.Attr[k].Val, base); ok {
					c.Attr[k].Val = u
				} else if f := inPageFragment(c.Attr[k].Val); f != "" {
					// A link within the page is no link of the result,
					// but what it opens is read (reviewtab.go).
					c.Attr[k] = html.Attribute{Key: fragmentMark, Val: f}
				} else {
					c.Attr = append(c.Attr[:k], c.Attr[k+1:]...)
					k--
				}
			}
		}
		absolutizeLinks(c, base)
	}
}
