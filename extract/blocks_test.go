package extract

import (
	"strings"
	"testing"
)

// hasBlock reports that para is one whole Markdown block of md: blank
// lines (or the ends of md) on both sides.
func hasBlock(md, para string) bool {
	for _, b := range markdownBlocks(md) {
		if md[b.start:b.end] == para {
			return true
		}
	}
	return false
}

// Short pages fall below trafilatura's 250-character minimum and go through
// its baseline, which used to return the text of the whole <article> as one
// paragraph: headings and paragraphs on one line, words glued where the HTML
// has no whitespace between tags.
func TestFromHTMLShortPagesKeepBlocks(t *testing.T) {
	const (
		s1 = "The “smart quotes” café serves naïve crème brûlée for 5 € — façade included."
		s2 = "Second paragraph with ‘single quotes’ and an ellipsis… and a dagger †."
	)
	tests := []struct {
		name, html string
		blocks     []string // each must be a block of its own
	}{
		{"article, no whitespace between tags",
			page(`<title>Café “Façade”</title>`, `<article><h1>Café “Façade”</h1><p>`+s1+`</p><p>`+s2+`</p></article>`),
			[]string{s1, s2}},
		{"article, whitespace between tags",
			page(`<title>Café “Façade”</title>`, "<article>\n<h1>Café “Façade”</h1>\n<p>"+s1+"</p>\n<p>"+s2+"</p>\n</article>"),
			[]string{s1, s2}},
		{"article with a subheading",
			page(`<title>Notes</title>`, `<article><h1>Notes</h1><p>`+s1+`</p><h2>Later</h2><p>`+s2+`</p></article>`),
			[]string{s1, "## Later", s2}},
		{"no article element",
			page(`<title>Notes</title>`, `<div><h2>Menu of the day</h2><p>`+s1+`</p><p>`+s2+`</p></div>`),
			[]string{s1, s2}},
		{"whole body, words glued across blocks",
			page(`<title>Menu</title>`, `<div><h2>Menu of the day</h2><p>Soup of <b>the</b> day.</p><p>Second <a href="/x">line</a> here.</p><ul><li>one</li><li>two</li></ul></div><footer>foot</footer>`),
			[]string{"## Menu of the day", "Soup of **the** day.", "Second [line](https://example.com/x) here.", "- one\n- two"}},
		{"JSON-LD articleBody with line breaks",
			page(`<title>Menu</title><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"`+s1+`\n\n`+s2+`"}</script>`,
				`<article><h1>Menu</h1><p>Short one.</p><p>Short two.</p></article>`),
			[]string{s1, s2}},
		{"tiny paragraphs",
			page(`<title>Tiny</title>`, `<article><h1>Tiny</h1><p>One short line.</p><p>Another short line.</p></article>`),
			[]string{"One short line.", "Another short line."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := FromHTML(tc.html, mustURL(t, "https://example.com/p"))
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range tc.blocks {
				if !hasBlock(d.Markdown, b) {
					t.Errorf("block %q missing or merged in:\n%q", b, d.Markdown)
				}
			}
			if strings.Contains(d.Markdown, "”The") || strings.Contains(d.Markdown, "included.Second") {
				t.Errorf("words run together:\n%q", d.Markdown)
			}
		})
	}
}

// A byline removed by the extractor must not leave its separator behind,
// and a closing paragraph of prose with inline links is content, not a
// link list.
func TestFromHTMLArticleEdges(t *testing.T) {
	const further = `<p>Further reading: the <a href="/long">long history of coastal lights</a> and our <a href="/report.pdf">annual lights report</a>.</p>`
	html := page(`<title>Lamps | Review</title><meta name="author" content="Marta Quill">`,
		`<main><article><h1>Lamps</h1>
<p class="byline">By <span class="author">Marta Quill</span> · <time datetime="2024-03-14">March 14, 2024</time></p>`+
			articleBody+further+`</article></main>
<aside><h3>Most read</h3><ol><li><a href="/a/1">Ten breakwaters that failed</a></li><li><a href="/a/2">Dredging the Thames</a></li><li><a href="/a/3">Tide tables explained</a></li></ol></aside>`)
	d, err := FromHTML(html, mustURL(t, "https://example.com/lamps"))
	if err != nil {
		t.Fatal(err)
	}
	md := strings.TrimSpace(d.Markdown)
	if strings.HasPrefix(md, "·") || hasBlock(md, "·") {
		t.Errorf("byline separator left behind:\n%q", md)
	}
	if !strings.Contains(md, "Further reading: the [long history of coastal lights](https://example.com/long)") {
		t.Errorf("closing paragraph with inline links dropped:\n%q", md)
	}
	var urls []string
	for _, l := range d.Links {
		urls = append(urls, l.URL)
	}
	want := []string{"https://example.com/long", "https://example.com/report.pdf"}
	if strings.Join(urls, " ") != strings.Join(want, " ") {
		t.Errorf("links %v, want %v", urls, want)
	}
	if strings.Contains(md, "Ten breakwaters") {
		t.Errorf("sidebar link list kept:\n%q", md)
	}
}

func TestTrimEdgesDebrisAndProseLinks(t *testing.T) {
	body := para1 + "\n\n" + para2 + "\n\n" + para3
	further := "Further reading: the [long history of coastal lights](https://x.org/long) and our [annual lights report](https://x.org/r.pdf)."
	tests := []struct{ name, md, want string }{
		{"leading separator dropped", "·\n\n" + body, body},
		{"separator after the headline dropped", "# Lamps\n\n·\n\n" + body, body},
		{"trailing separators dropped", body + "\n\n| ·", body},
		{"separator between paragraphs dropped", para1 + "\n\n•\n\n" + para2 + "\n\n" + para3, body},
		{"thematic break between paragraphs kept", para1 + "\n\n* * *\n\n" + para2 + "\n\n" + para3, para1 + "\n\n* * *\n\n" + para2 + "\n\n" + para3},
		{"closing sentence with inline links kept", body + "\n\n" + further, body + "\n\n" + further},
		{"opening sentence with inline links kept", further + "\n\n" + body, further + "\n\n" + body},
		{"links joined by separators dropped", body + "\n\n[Privacy](https://x.org/p) · [Terms](https://x.org/t) · [Contact us](https://x.org/c).", body},
		{"label then links dropped", body + "\n\nMore on this: [Ten breakwaters that failed](https://x.org/1), [Dredging the Thames](https://x.org/2)", body},
		{"single linked headline dropped", body + "\n\n[Who will make the Rock Hall in 2020?](https://x.org/h)", body},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := trimEdges(tc.md, nil, "Lamps"); got != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// Blocks shorter than a shingle (four words) still get the other
// extractor's vote: found when their words occur there in a row.
func TestCombineShortEdgeBlocks(t *testing.T) {
	body := para1 + "\n\n" + para2 + "\n\n" + para3
	tests := []struct{ name, tf, rd, want string }{
		{"short list both kept", body + "\n\n- one\n- two", body + "\n\n- one\n- two", body + "\n\n- one\n- two"},
		{"short line only trafilatura kept", body + "\n\nThree stray words", body, body},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, _ := combine(tc.tf, tc.rd, ""); got != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}
