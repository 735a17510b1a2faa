package extract

import (
	"fmt"
	"strings"
	"testing"
)

// TestFromHTMLShopPitchRailsDropped: under its product a maker's shop
// pitches the rest of its range ("Keep exploring"), its bundles and its
// add-ons, each card a sentence of its own; the product's sections stay,
// the pitches go. A page that sells nothing keeps a section so headed.
func TestFromHTMLShopPitchRailsDropped(t *testing.T) {
	features := []string{
		"Active noise cancellation blocks up to twice as much outside sound as the previous model on a busy train.",
		"A single charge plays for up to eight hours, and the case adds four more charges on the way to work.",
		"Sweat and water resistant to IPX4, so a run in the rain or a hard session at the gym does them no harm.",
	}
	pitches := [][2]string{
		{"Keep exploring Soundbuds.", "Soundbuds Lite bring the same clear sound to a smaller, lighter design for everyday listening."},
		{"Buy a bundle and save!", "Pair your Soundbuds Pro with the charging stand and save twenty percent on both together today."},
		{"Choose your add-ons", "A leather case protects the charging case from scratches and drops in a bag or a pocket."},
	}
	build := func(sells bool) string {
		var b strings.Builder
		b.WriteString(`<main><section class="hero"><h1>Soundbuds Pro</h1>`)
		if sells {
			b.WriteString(`<p class="price">From $249.00</p><form action="/cart/add" method="post"><input type="hidden" name="sku" value="SBP"><button type="submit">Add to bag</button></form>`)
		}
		b.WriteString(`</section>`)
		for i, f := range features {
			fmt.Fprintf(&b, `<section class="feature"><div class="feature-content"><h2>Feature %d</h2><div class="copy">%s</div></div></section>`, i+1, f)
		}
		for _, p := range pitches {
			fmt.Fprintf(&b, `<section class="promo"><div class="promo-content"><h2>%s</h2><div class="copy">%s</div></div></section>`, p[0], p[1])
		}
		b.WriteString(`</main><script>window.analytics = {"page":"product","sku":"SBP"};</script>`)
		return page(`<title>Soundbuds Pro | Example Audio</title>`, siteChrome(b.String()))
	}
	d, err := FromHTML(build(true), mustURL(t, "https://www.example.com/soundbuds-pro/"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range features {
		if !strings.Contains(d.Markdown, f[:40]) {
			t.Errorf("feature %q lost:\n%s", f[:40], d.Markdown)
		}
	}
	for _, p := range pitches {
		if strings.Contains(d.Markdown, p[1][:40]) {
			t.Errorf("pitch %q kept:\n%s", p[0], d.Markdown)
		}
	}
	d, err = FromHTML(build(false), mustURL(t, "https://www.example.com/soundbuds-pro/"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Markdown, pitches[0][1][:40]) {
		t.Errorf("a page that sells nothing lost its section %q:\n%s", pitches[0][0], d.Markdown)
	}
}
