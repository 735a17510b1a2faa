package browse

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
	"github.com/deepresearch-mcp/deepresearch-mcp/extract/score"
)

// proseWords counts the words of Markdown main content outside links and
// images: what a reader reads, not menus and link lists, which are nearly
// all link text. It is the measure every choice between two versions of a
// page uses, so a page of site chrome never outweighs a short article.
func proseWords(md string) int {
	n := 0
	for len(md) > 0 {
		i := strings.IndexByte(md, '[')
		if i < 0 {
			break
		}
		n += len(score.Tokens(md[:i]))
		rest := md[i:]
		end := linkEnd(rest)
		if end <= 0 {
			md = rest[1:]
			continue
		}
		md = rest[end:]
	}
	return n + len(score.Tokens(md))
}

// linkEnd returns the length of the Markdown link or image "[text](url)" at
// the start of s, or 0 when s does not start with one.
func linkEnd(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				if i+1 >= len(s) || s[i+1] != '(' {
					return 0
				}
				if j := strings.IndexByte(s[i+1:], ')'); j >= 0 {
					return i + 1 + j + 1
				}
				return 0
			}
		case '\n':
			if i+1 < len(s) && s[i+1] == '\n' {
				return 0 // a link never spans paragraphs
			}
		}
	}
	return 0
}

// noscriptView re-extracts a page whose content is in <noscript> (a forum
// that serves every post there for readers without JavaScript, while the
// app outside shows a splash), when that gives more main content than the
// page as a script-running browser would see it.
func noscriptView(body string, doc *extract.Document, pageURL *url.URL) *extract.Document {
	if doc != nil && proseWords(doc.Markdown) >= holeWords {
		return doc
	}
	if s := scanHTML(body); s.noscriptText < noscriptNotice {
		return doc
	}
	alt, err := extract.FromHTML(unwrapNoscript(body), pageURL)
	if err != nil || doc != nil && proseWords(alt.Markdown) <= proseWords(doc.Markdown) {
		return doc
	}
	return alt
}

// unwrapNoscript turns <noscript> elements into <div>s so the parser reads
// their markup as elements (with scripting on, it is raw text).
func unwrapNoscript(body string) string {
	var b strings.Builder
	b.Grow(len(body))
	for {
		i := indexFold(body, "noscript")
		if i < 0 {
			b.WriteString(body)
			return b.String()
		}
		ends := i+8 < len(body) && strings.IndexByte("> \t\n\r/", body[i+8]) >= 0
		switch {
		case ends && i >= 2 && body[i-2:i] == "</":
			b.WriteString(body[:i-2])
			b.WriteString("</div")
		case ends && i >= 1 && body[i-1] == '<':
			b.WriteString(body[:i-1])
			b.WriteString("<div data-noscript")
		default:
			b.WriteString(body[:i+8])
		}
		body = body[i+8:]
	}
}

// indexFold is strings.Index for an ASCII lower-case needle, ignoring the
// case of s, without copying s.
func indexFold(s, needle string) int {
	for i := 0; i+len(needle) <= len(s); i++ {
		j := 0
		for ; j < len(needle); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != needle[j] {
				break
			}
		}
		if j == len(needle) {
			return i
		}
	}
	return -1
}

// chooseRendered decides between the HTTP copy of a page and its render by
// main content: the render replaces the HTTP copy only when it holds at
// least as much prose. A render that lost content (an app that failed to
// load its data and wiped what the server sent, a splash that never went
// away) never replaces a fuller HTTP copy. The note says why when the HTTP
// copy is kept.
func chooseRendered(httpPage, rendered *Page) (*Page, string) {
	h, r := proseWords(httpPage.Doc.Markdown), proseWords(rendered.Doc.Markdown)
	if r >= h && r > 0 {
		return rendered, ""
	}
	return httpPage, fmt.Sprintf("rendering in Chromium gave less main content (%d words) than plain HTTP (%d words); showing the HTTP version", r, h)
}

// emptyFallback fills an HTML page that has no readable text with what
// the page still says about itself (its description), with a note, so an
// empty result never passes for the page; ok is false when there is
// nothing at all.
func emptyFallback(p *Page, body string) (ok bool) {
	if p == nil || p.Doc == nil || strings.TrimSpace(p.Doc.Markdown) != "" {
		return true
	}
	if p.ContentType != "text/html" && p.ContentType != "application/xhtml+xml" {
		return true
	}
	desc := ""
	if body != "" {
		desc = scanHTML(body).description
	}
	if desc == "" {
		return false
	}
	p.Doc.Markdown = extract.StripInvisible(desc)
	p.TotalChars = len([]rune(p.Doc.Markdown))
	p.Note = joinNote(p.Note, "the page shows no readable text (its content is hidden or written by scripts that did not run); this is the page's own description of itself")
	return true
}
