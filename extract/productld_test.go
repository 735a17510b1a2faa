package extract

import (
	"encoding/json"
	"strings"
	"testing"
)

// scriptRenderedProduct is a shop's product page whose description a
// script writes in: the static page has the name, price, buy form and a
// newsletter box; the description is only in the JSON-LD Product.
func scriptRenderedProduct(t *testing.T, desc, shown string) string {
	t.Helper()
	ld, err := json.Marshal(map[string]any{
		"@context": "https://schema.org", "@type": "Product", "name": "Merino quarter socks",
		"description": desc,
		"offers":      map[string]any{"@type": "Offer", "price": "14.00", "priceCurrency": "USD"},
	})
	if err != nil {
		t.Fatal(err)
	}
	body := siteChrome(`<main><section id="product-root"><script type="application/ld+json">` + string(ld) + `</script>
<h1>Merino quarter socks</h1><p class="price">$14.00</p>` + shown + `
<form action="/cart"><select name="size"><option>M</option><option>L</option></select><button>Add to cart</button></form>
<div id="pdp-details"></div></section>
<section class="signup"><p>Enter your email for 20% off your first order, plus the latest news.</p><form><input type="email"><button>Join</button></form></section></main>`)
	return page(`<title>Merino quarter socks | Acme</title><meta property="og:type" content="product">`, body)
}

func TestFromHTMLProductDescriptionFromStructuredData(t *testing.T) {
	const htmlDesc = `<p>These quarter socks are knitted from fine merino wool that keeps feet warm in winter &amp; cool in summer, and they don&apos;t itch.</p><ul><li>Cushioned sole from heel to toe for long days on your feet</li><li>Seamless toe that you will never feel inside a shoe</li><li>Arch support band that keeps the sock in place all day</li></ul>`
	const plainDesc = "These quarter socks are knitted from fine merino wool that keeps feet warm in winter and cool in summer.\nA cushioned sole runs from heel to toe for long days on your feet, and the seamless toe is never felt inside a shoe.\nAn arch support band keeps them in place all day."
	for _, tc := range []struct {
		name, desc, shown string
		want, never       []string
	}{
		{name: "HTML description, static page shows none of it", desc: htmlDesc,
			want:  []string{"fine merino wool", "keeps feet warm in winter & cool in summer", "don't itch", "Seamless toe that you will never feel"},
			never: []string{"<p>", "&amp;", "<li>"}},
		{name: "plain description with line breaks", desc: plainDesc,
			want: []string{"knitted from fine merino wool", "arch support band keeps them in place"}},
		{name: "the page shows the description itself", desc: plainDesc,
			shown: "<div class=\"details\"><p>" + strings.ReplaceAll(plainDesc, "\n", "</p><p>") + "</p></div>",
			want:  []string{"knitted from fine merino wool"}},
		{name: "a tagline is not a description", desc: "Merino quarter socks with a cushioned sole and a seamless toe.",
			never: []string{"cushioned sole and a seamless toe"}},
		{name: "an encoded string is not text", desc: strings.ReplaceAll(plainDesc, " ", "%20"),
			never: []string{"%20", "merino%20wool"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := FromHTML(scriptRenderedProduct(t, tc.desc, tc.shown), mustURL(t, "https://shop.example.com/products/merino-quarter"))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if strings.Count(d.Markdown, w) != 1 {
					t.Errorf("want %q once in:\n%s", w, d.Markdown)
				}
			}
			for _, n := range tc.never {
				if strings.Contains(d.Markdown, n) {
					t.Errorf("%q in:\n%s", n, d.Markdown)
				}
			}
		})
	}
}

func TestDescriptionParagraphs(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"One line.\nTwo lines.", []string{"One line.", "Two lines."}},
		{"<p>Warm &amp; soft</p><p>Second<br>third</p>", []string{"Warm & soft", "Second", "third"}},
		{"<b>Bold</b> and <i>italic</i> words", []string{"Bold and italic words"}},
		{"", nil},
		{"<p></p>\n\n", nil},
	} {
		got := descriptionParagraphs(tc.in)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("descriptionParagraphs(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzDescriptionParagraphs(f *testing.F) {
	for _, s := range []string{"<p>a &amp; b</p>", "x\ny", "<ul><li>one<li>two</ul>", "<", "&#xZZ;", strings.Repeat("<div>", 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		total := 0
		for _, p := range descriptionParagraphs(s) {
			if p == "" || strings.Contains(p, "\n") {
				t.Fatalf("paragraph %q of %q", p, s)
			}
			total += len(p)
		}
		if total > 2*maxProductDescBytes {
			t.Fatalf("%d bytes out of %d", total, len(s))
		}
	})
}
