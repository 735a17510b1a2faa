package extract

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"

	"github.com/araddon/dateparse"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what one walk over the cleaned tree collects for metadata.
type pageMeta struct {
	lang      string
	title     string // <title>
	h1        string
	meta      map[string]string // lower-cased name/property/itemprop -> first content
	canonical string
	baseHref  string
	timeAttr  string // first <time datetime>
	jsonLD    []map[string]any
	facts     *rootFacts // what the page-type decisions ask of the page alone (rootfacts.go), once read
}

func collectMeta(doc *html.Node) *pageMeta {
	m := &pageMeta{meta: map[string]string{}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				m.lang = getAttr(n, "lang")
				if m.lang == "" {
					m.lang = getAttr(n, "xml:lang")
				}
			case atom.Title:
				if m.title == "" && !insideSVG(n) {
					m.title = collapseSpace(textOf(n))
				}
			case atom.H1:
				if m.h1 == "" {
					m.h1 = collapseSpace(textOf(n))
				}
			case atom.Meta:
				content := getAttr(n, "content")
				if content == "" {
					content = getAttr(n, "datetime")
				}
				for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
					if key := strings.ToLower(strings.TrimSpace(getAttr(n, k))); key != "" && content != "" {
						if _, ok := m.meta[key]; !ok {
							m.meta[key] = strings.TrimSpace(content)
						}
					}
				}
			case atom.Link:
				if m.canonical == "" && hasToken(getAttr(n, "rel"), "canonical") {
					m.canonical = getAttr(n, "href")
				}
			case atom.Base:
				if m.baseHref == "" {
					m.baseHref = getAttr(n, "href")
				}
			case atom.Time:
				if m.timeAttr == "" {
					m.timeAttr = getAttr(n, "datetime")
				}
				if ip := strings.ToLower(getAttr(n, "itemprop")); ip != "" && getAttr(n, "datetime") != "" {
					if _, ok := m.meta[ip]; !ok {
						m.meta[ip] = getAttr(n, "datetime")
					}
				}
			case atom.Script:
				if n.FirstChild != nil {
					m.jsonLD = appendJSONLD(m.jsonLD, n.FirstChild.Data)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

func insideSVG(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Svg {
			return true
		}
	}
	return false
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// appendJSONLD flattens the objects of one ld+json script (arrays and
// @graph included) into out; broken JSON is ignored.
func appendJSONLD(out []map[string]any, raw string) []map[string]any {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(raw)), &v); err != nil {
		return out
	}
	var add func(v any, depth int)
	add = func(v any, depth int) {
		if depth > 4 {
			return
		}
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				add(e, depth+1)
			}
		case map[string]any:
			out = append(out, t)
			if g, ok := t["@graph"]; ok {
				add(g, depth+1)
			}
		}
	}
	add(v, 0)
	return out
}

// maxLDDepth bounds the walk of one JSON-LD object (a Product's review
// list sits two or three levels down).
const maxLDDepth = 6

// walkLD calls visit on each object of the page's JSON-LD (objs, from
// appendJSONLD) and on the objects nested in them, down to maxLDDepth
// levels; visit says whether to walk into o. @context is vocabulary, not
// data, and a top-level object's @graph is not walked: appendJSONLD put
// its members in objs already, and a product reached twice would read as
// two. Decoded JSON is a tree, so the walk costs what the JSON-LD's size
// does and needs no other bound; keys come in map order, so a visitor
// must not depend on the order it sees objects in.
func walkLD(objs []map[string]any, visit func(o map[string]any) bool) {
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > maxLDDepth {
			return
		}
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				walk(e, depth+1)
			}
		case map[string]any:
			if !visit(t) {
				return
			}
			for k, e := range t {
				if k != "@context" && (k != "@graph" || depth > 0) {
					walk(e, depth+1)
				}
			}
		}
	}
	for _, o := range objs {
		walk(o, 0)
	}
}

func ldTypes(o map[string]any) []string {
	switch t := o["@type"].(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func isArticleType(o map[string]any) bool {
	for _, t := range ldTypes(o) {
		if strings.Contains(t, "Article") || strings.Contains(t, "Posting") || t == "Report" || t == "WebPage" {
			return true
		}
	}
	return false
}

// ldArticle is the first JSON-LD object describing an article.
func (m *pageMeta) ldArticle() map[string]any {
	var page map[string]any
	for _, o := range m.jsonLD {
		if isArticleType(o) {
			for _, t := range ldTypes(o) {
				if t != "WebPage" {
					return o
				}
			}
			if page == nil {
				page = o
			}
		}
	}
	return page
}

func ldString(o map[string]any, key string) string {
	if o == nil {
		return ""
	}
	switch v := o[key].(type) {
	case string:
		return strings.TrimSpace(v)
	case []any:
		if len(v) > 0 {
			if s, ok := v[0].(string); ok {
				return strings.TrimSpace(s)
			}
		}
	}
	return ""
}

// ldNames reads author-like values: a string, an object with "name", or a
// list of either.
func ldNames(v any) []string {
	switch t := v.(type) {
	case string:
		if s := strings.TrimSpace(t); s != "" && !strings.HasPrefix(s, "http") {
			return []string{s}
		}
	case map[string]any:
		if s, ok := t["name"].(string); ok && strings.TrimSpace(s) != "" {
			return []string{strings.TrimSpace(s)}
		}
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, ldNames(e)...)
		}
		return out
	}
	return nil
}

func (m *pageMeta) first(keys ...string) string {
	for _, k := range keys {
		if v := m.meta[k]; v != "" {
			return v
		}
	}
	return ""
}

// titleSeparators split "Headline | Site" style titles.
var titleSeparators = []string{" | ", " – ", " — ", " - ", " :: ", " · ", " » ", " / "}

// cleanTitle removes a site-name prefix or suffix from a title. guess
// also drops a short trailing part that is not the known site name (a
// <title> is "Headline | Section | Site" far more often than og:title).
func cleanTitle(title, site string, guess bool) string {
	for _, sep := range titleSeparators {
		if !strings.Contains(title, sep) {
			continue
		}
		parts := strings.Split(title, sep)
		first, last := parts[0], parts[len(parts)-1]
		switch {
		case site != "" && strings.EqualFold(strings.TrimSpace(last), site):
			return strings.TrimSpace(strings.Join(parts[:len(parts)-1], sep))
		case site != "" && strings.EqualFold(strings.TrimSpace(first), site):
			return strings.TrimSpace(strings.Join(parts[1:], sep))
		case guess && len(strings.Fields(last)) <= 4 && len(last) < len(first):
			// A short trailing part is almost always the site or section.
			return strings.TrimSpace(strings.Join(parts[:len(parts)-1], sep))
		}
	}
	return title
}

func (m *pageMeta) siteName() string {
	if s := m.first("og:site_name", "application-name", "twitter:site"); s != "" {
		return strings.TrimPrefix(s, "@")
	}
	if art := m.ldArticle(); art != nil {
		if pub := ldNames(art["publisher"]); len(pub) > 0 {
			return pub[0]
		}
	}
	return ""
}

func (m *pageMeta) bestTitle(site string) string {
	if t := m.first("og:title", "twitter:title"); t != "" {
		return cleanTitle(t, site, false)
	}
	if t := ldString(m.ldArticle(), "headline"); t != "" {
		return t
	}
	if m.title != "" {
		return cleanTitle(m.title, site, true)
	}
	return m.h1
}

func (m *pageMeta) byline() string {
	if names := ldNames(m.ldArticle()["author"]); len(names) > 0 {
		return cleanByline(strings.Join(dedupe(names), ", "))
	}
	if a := m.first("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl"); a != "" && !strings.HasPrefix(a, "http") {
		return cleanByline(a)
	}
	return ""
}

// cleanByline drops a leading "By" and collapses spaces.
func cleanByline(s string) string {
	s = collapseSpace(s)
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		s = strings.TrimSpace(s[3:])
	}
	return s
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func (m *pageMeta) published() string {
	candidates := []string{
		ldString(m.ldArticle(), "datePublished"),
		m.first("article:published_time", "og:published_time", "datepublished", "pubdate",
			"publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created",
			"dcterms.date", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime"),
		ldString(m.ldArticle(), "dateCreated"),
		m.timeAttr,
	}
	for _, c := range candidates {
		if d := normalizeDate(c); d != "" {
			return d
		}
	}
	return ""
}

// normalizeDate renders a page's date as RFC 3339 (date only when the page
// gives no time of day).
func normalizeDate(s string) (out string) {
	// dateparse has panicked on odd inputs before; a bad date is no date.
	defer func() {
		if recover() != nil {
			out = ""
		}
	}()
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return ""
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format("2006-01-02")
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t, err = dateparse.ParseAny(s)
		if err != nil {
			return ""
		}
	}
	if t.Year() < 1990 || t.Year() > 2100 {
		return ""
	}
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && !strings.ContainsAny(s, ":") {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}

func (m *pageMeta) language() string {
	l := m.lang
	if l == "" {
		l = m.first("content-language", "og:locale", "language", "dc.language")
	}
	l = strings.TrimSpace(strings.ReplaceAll(l, "_", "-"))
	if i := strings.IndexByte(l, ','); i >= 0 {
		l = l[:i]
	}
	return l
}

// baseURL honours <base href>, resolved against the page URL.
func (m *pageMeta) baseURL(page *url.URL) *url.URL {
	if m.baseHref == "" {
		return page
	}
	b, err := url.Parse(strings.TrimSpace(m.baseHref))
	if err != nil {
		return page
	}
	if page != nil {
		b = page.ResolveReference(b)
	}
	if b.Scheme != "http" && b.Scheme != "https" {
		return page
	}
	return b
}

func (m *pageMeta) canonicalURL(base *url.URL) string {
	for _, c := range []string{m.canonical, m.first("og:url")} {
		if u, ok := resolveLink(c, base); ok {
			return u
		}
	}
	return ""
}
