package extract

import (
	"strings"
	"testing"
)

func TestStartAtProductName(t *testing.T) {
	const title = "Halden K2 Copper Kettle | Brightwell Kitchen"
	for _, tc := range []struct{ name, md, want string }{
		{"header above the name", "[Offers](/offers)\n\nHi there, Sign In\n\n# Halden K2 Copper Kettle - 1.7 Litre\n\n\u00a384.50", "# Halden K2 Copper Kettle - 1.7 Litre\n\n\u00a384.50"},
		{"a section's h1 first", "# Meet the maker\n\nNew arrivals every week\n\n# Halden K2 Copper Kettle\n\nA stovetop kettle that whistles when it boils.", "# Halden K2 Copper Kettle\n\nA stovetop kettle that whistles when it boils."},
		{"the name first", "# Halden K2 Copper Kettle\n\nText", "# Halden K2 Copper Kettle\n\nText"},
		{"no heading names the product", "Intro text\n\n# Our workshop\n\nText", "Intro text\n\n# Our workshop\n\nText"},
		{"a one-word heading", "Intro text\n\n# Halden\n\nText", "Intro text\n\n# Halden\n\nText"},
		{"a quote above the name", "\u201cWe have boiled water in it every morning for three winters and the copper has only grown a warmer colour since the day it came.\u201d\n\n# Halden K2 Copper Kettle\n\nText", "\u201cWe have boiled water in it every morning for three winters and the copper has only grown a warmer colour since the day it came.\u201d\n\n# Halden K2 Copper Kettle\n\nText"},
		{"more above than below", "Hi there, Sign In\n\nWeekend offers close at midnight tonight\n\n# Halden K2 Copper Kettle\n\n\u00a345", "Hi there, Sign In\n\nWeekend offers close at midnight tonight\n\n# Halden K2 Copper Kettle\n\n\u00a345"},
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
	body := `<main><div class="promo-strip"><a href="/offers"><strong>Flash Sale</strong> closes in 03:12:40</a>
<span class="signin">Hi there, Sign In</span><span>Returns &amp; Tracking</span><a href="/basket">Basket (0)</a></div>
<div class="helpdesk"><div class="copy">Ask a Kitchen Specialist - Chat Now</div></div>
<section class="hero"><h1>Halden K2 Copper Kettle - 1.7 Litre</h1><p class="price">£84.50</p>
<form action="/basket/add" method="post"><input type="hidden" name="item" value="HK2CU17"><button type="submit">Add to Basket</button></form></section>
<section class="feature"><div class="feature-content"><h2>Made to last</h2><div class="copy">Hammered from one sheet of copper and lined with tin, with a brass spout riveted on by hand.</div></div></section>
<section class="feature"><div class="feature-content"><h2>Cool to hold</h2><div class="copy">An oak handle wrapped in cane stays cool while the water boils on gas, electric or induction hobs.</div></div></section>
<section class="feature"><div class="feature-content"><h2>Tells you when</h2><div class="copy">A two-tone whistle in the spout cap sounds at the boil and the cap lifts away with a thumb lever.</div></div></section>
</main><script>window.dataLayer = [{"pageType":"product","item":"HK2CU17"}];</script>`
	head := `<title>Halden K2 Copper Kettle | Brightwell Kitchen</title>`
	d, err := FromHTML(page(head, siteChrome(body)), mustURL(t, "https://brightwell.example.org/kettles/halden-k2-copper"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(d.Markdown, "# Halden K2 Copper Kettle") {
		t.Errorf("the text does not start at the product's name:\n%s", d.Markdown)
	}
	for _, want := range []string{"£84.50", "lined with tin", "cane stays cool", "thumb lever"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("lost %q:\n%s", want, d.Markdown)
		}
	}
}
