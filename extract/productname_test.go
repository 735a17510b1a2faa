package extract

import (
	"strings"
	"testing"
)

func TestStartAtProductName(t *testing.T) {
	const title = "Portman Lights P1 Roadcase | Acme Photo"
	for _, tc := range []struct{ name, md, want string }{
		{"header above the name", "[Deals](/deals)\n\nHello, Log In\n\n# Portman Lights P1 Roadcase - 4 Units\n\n$1,772.00", "# Portman Lights P1 Roadcase - 4 Units\n\n$1,772.00"},
		{"a section's h1 first", "# Follow the author\n\nGet new releases\n\n# Portman Lights P1 Roadcase\n\nA road case for four lamps.", "# Portman Lights P1 Roadcase\n\nA road case for four lamps."},
		{"the name first", "# Portman Lights P1 Roadcase\n\nText", "# Portman Lights P1 Roadcase\n\nText"},
		{"no heading names the product", "Intro text\n\n# Our story\n\nText", "Intro text\n\n# Our story\n\nText"},
		{"a one-word heading", "Intro text\n\n# Portman\n\nText", "Intro text\n\n# Portman\n\nText"},
		{"a quote above the name", "\u201cThe best case we have toured with: every lamp arrived in one piece after six weeks on the road across Europe.\u201d\n\n# Portman Lights P1 Roadcase\n\nText", "\u201cThe best case we have toured with: every lamp arrived in one piece after six weeks on the road across Europe.\u201d\n\n# Portman Lights P1 Roadcase\n\nText"},
		{"more above than below", "Hello, Log In\n\nDeals of the day end soon\n\n# Portman Lights P1 Roadcase\n\n$99", "Hello, Log In\n\nDeals of the day end soon\n\n# Portman Lights P1 Roadcase\n\n$99"},
	} {
		if got := startAtProductName(tc.md, title, &defaultConfig); got != tc.want {
			t.Errorf("%s: startAtProductName = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestFromHTMLShopHeaderAboveProductName: a shop draws its header (deal
// timer, account and cart links, breadcrumbs) inside the page's main box,
// above the product's name; the text starts at the name.
func TestFromHTMLShopHeaderAboveProductName(t *testing.T) {
	body := `<main><div class="topbar"><a href="/deals"><strong>Deal Zone</strong> Ends in 14:04:15</a>
<span class="account">Hello, Log In</span><span>Account &amp; Orders</span><a href="/cart">My Cart</a></div>
<div class="expert"><div class="copy">Video Chat with a Lighting Expert - Live</div></div>
<section class="hero"><h1>Portman Lights P1 Roadcase - 4 Units</h1><p class="price">$1,772.00</p>
<form action="/cart/add" method="post"><input type="hidden" name="sku" value="POP1RC4"><button type="submit">Add to Cart</button></form></section>
<section class="feature"><div class="feature-content"><h2>Built for the road</h2><div class="copy">A road case for four P1 lamps, built from plywood with aluminium edges and foam cut to hold each lamp.</div></div></section>
<section class="feature"><div class="feature-content"><h2>Easy to move</h2><div class="copy">Recessed handles, locking catches and castors on the base take it from the truck to the stage.</div></div></section>
<section class="feature"><div class="feature-content"><h2>Room for cables</h2><div class="copy">A lid compartment holds each lamp's power cable and DMX lead so nothing is left behind at the venue.</div></div></section>
</main><script>window.__ANALYTICS__ = {"page":"product","sku":"POP1RC4"};</script>`
	head := `<title>Portman Lights P1 Roadcase | Acme Photo</title>`
	d, err := FromHTML(page(head, siteChrome(body)), mustURL(t, "https://photo.example.com/c/product/portman-p1-roadcase"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(d.Markdown, "# Portman Lights P1 Roadcase") {
		t.Errorf("the text does not start at the product's name:\n%s", d.Markdown)
	}
	for _, want := range []string{"$1,772.00", "foam cut to hold each lamp", "castors on the base", "DMX lead"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("lost %q:\n%s", want, d.Markdown)
		}
	}
}
