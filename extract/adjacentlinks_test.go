package extract

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestSpaceAdjacentLinks(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"tag chips", `<div class="tags"><a href="/t/dev">Developer Experience</a><a href="/t/tools">Developer Tools</a><a href="/t/mobile">Mobile</a></div>`,
			"Developer Experience Developer Tools Mobile"},
		{"authors", `<p>By <a href="/a/ines">Ines Marr</a><a href="/a/tomas">Tomas Ek</a></p>`, "By Ines Marr Tomas Ek"},
		{"links inside the chip", `<p><a href="/t/a"><span>Rust</span></a><a href="/t/b"><b>Go</b></a></p>`, "Rust Go"},
		{"one target split in two runs", `<p><a href="/contact">Co</a><a href="/contact">ntact us</a></p>`, "Contact us"},
		{"punctuation link", `<p>See <a href="/guide">the guide</a><a href="/more">.</a></p>`, "See the guide."},
		{"already spaced", `<p><a href="/t/a">Rust</a> <a href="/t/b">Go</a></p>`, "Rust Go"},
		{"text between", `<p><a href="/t/a">Rust</a>,<a href="/t/b">Go</a></p>`, "Rust,Go"},
		{"no target", `<p><a>Rust</a><a href="/t/b">Go</a></p>`, "RustGo"},
		{"han", `<p><a href="/t/a">東京</a><a href="/t/b">大阪</a></p>`, "東京大阪"},
		{"code left alone", `<pre><a href="/x">foo</a><a href="/y">bar</a></pre>`, "foobar"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<body>" + tc.in + "</body>"))
			if err != nil {
				t.Fatal(err)
			}
			spaceAdjacentLinks(doc)
			if got := textOf(doc); got != tc.want {
				t.Errorf("text = %q, want %q", got, tc.want)
			}
		})
	}
}

// engineeringBlogIndex is a company's engineering blog: header, a grid of
// post cards (date, title, one-line summary, a row of topic chips written
// as links with nothing between them) and a footer.
func engineeringBlogIndex() string {
	var cards strings.Builder
	for i, p := range [][3]string{
		{"Shipping the desktop client every week", "How the release train stays on time when forty teams push to one branch.", "Release|Desktop|Tooling"},
		{"What we learned moving search to a new index", "Six months of double writes, one bad Tuesday and the numbers after.", "Search|Infrastructure"},
		{"Feature flags without the debt", "The rules we set for flags that outlive their launch, and the linter that keeps them.", "Developer Experience|Tooling"},
		{"A year of on-call with fewer pages", "Alert budgets, a quieter rotation and the dashboards nobody opens any more.", "Reliability|People|Infrastructure"},
		{"Testing payments in a sandbox that lies", "Our fake bank answers like the real one, including its slow days.", "Payments|Testing"},
	} {
		var tags strings.Builder
		for _, tag := range strings.Split(p[2], "|") {
			fmt.Fprintf(&tags, `<a class="chip" href="/topic/%s">%s</a>`, strings.ToLower(strings.ReplaceAll(tag, " ", "-")), tag)
		}
		fmt.Fprintf(&cards, `<div class="post-card"><div class="post-card__date">Mar %d, 2026</div>
<a href="/2026/03/post-%d"><h4 class="post-card__title">%s</h4></a><div class="post-card__summary">%s</div>
<div class="post-card__tags">%s</div></div>
`, 20-i*3, i, p[0], p[1], tags.String())
	}
	body := siteChrome(`<main><h1>Engineering at Northwind</h1><p>Notes from the teams who build and run the product.</p>
<div class="grid">` + cards.String() + `</div><a class="more" href="/page/2">Older posts</a></main>`)
	return page(`<title>Engineering at Northwind</title>`, body)
}

func TestFromHTMLTopicChipsKeepTheirSpace(t *testing.T) {
	d, err := FromHTML(engineeringBlogIndex(), mustURL(t, "https://engineering.northwind.example/"))
	if err != nil {
		t.Fatal(err)
	}
	text := StripMarkdownLinks(d.Markdown)
	for _, want := range []string{"Release Desktop Tooling", "Reliability People Infrastructure", "Developer Experience Tooling"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, d.Markdown)
		}
	}
	for _, glued := range []string{"ReleaseDesktop", "ExperienceTooling", "PaymentsTesting"} {
		if strings.Contains(text, glued) {
			t.Errorf("chips glued (%q):\n%s", glued, d.Markdown)
		}
	}
}
