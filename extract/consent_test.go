package extract

import (
	"strings"
	"testing"
)

func TestConsentNotice(t *testing.T) {
	tests := []struct {
		blk  string
		want bool
	}{
		{"We use cookies to improve your browsing experience and for marketing. Cookies let us remember your preferences.", true},
		{"Quayside uses cookies to analyse traffic and personalise ads. By using our site, you agree to our cookie use and [Privacy Policy](https://quayside.example/privacy).", true},
		{"[Manage Cookie Preferences](https://shop.example/cookies)", true},
		{"Accept all cookies", true},
		{"This content isn't visible due to your cookie preferences. To load it, press Allow below to opt in to embedded content cookies.", true},
		{"To run this shop we log visits. By using it, you agree to our Privacy Policy, including cookie policy.", true},
		// Not the site's own notice.
		{"Under the new law, any app that stores cookies or mails adverts has to ask its users first.", false},
		{"Oat cookies with raisins, a dozen to a tin, baked every morning.", false},
		{"Cookies", false},
		{"Cookie jar", false},
		{"## Cookie policy", false}, // a privacy page's section keeps its heading
		{"The regulator fined the firm because its cookie policy was buried three clicks deep.", false},
		{"", false},
		{strings.Repeat("We use cookies to remember you. ", 20), false}, // a page about cookies, not a banner
	}
	for _, tc := range tests {
		if got := consentNotice(tc.blk, &defaultConfig); got != tc.want {
			t.Errorf("consentNotice(%q) = %v, want %v", tc.blk, got, tc.want)
		}
	}
}

// A tool shop's product page whose cookie banner is plain markup beside
// the product, in boxes with no telling names: the banner and its button
// go, the product (whose text mentions cookies) stays.
func TestFromHTMLShopCookieBannerDrops(t *testing.T) {
	body := siteChrome(`<main><div class="pdp">
<h1>Harbour Driver Kit, 64 bits</h1><p class="px">$44.95</p>
<form action="/cart/add"><button>Add to cart</button></form>
<h2>Description</h2><p>Sixty-four precision bits in a magnetic case, with a swivel-top driver and an extension shaft, for phones, consoles and the small screws of laptop hinges.</p>
<p>The case lid doubles as a tray for loose screws, and a sorting card slots inside it.</p>
<h2>Specifications</h2><table><tr><th>Bits</th><td>64, S2 steel</td></tr><tr><th>Weight</th><td>330 g</td></tr><tr><th>Case</th><td>ABS, magnetic lid</td></tr></table>
<h2>Good to know</h2><p>Our baking-tray magnets keep the bits in place even when the case is dropped beside a plate of cookies.</p>
</div>
<div class="b7"><p>Harbour Tools uses cookies to remember your cart and to measure visits. By using our site, you agree to our cookie use and <a href="/privacy">Privacy Policy</a>.</p>
<p><a href="/cookies">Manage Cookie Preferences</a></p></div></main>
<script>window.dataLayer=[{"page":"pdp"}]</script>`)
	d, err := FromHTML(page(`<title>Harbour Driver Kit | Harbour Tools</title><meta property="og:type" content="product">`, body), mustURL(t, "https://tools.example.com/driver-kit"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Sixty-four precision bits", "S2 steel", "beside a plate of cookies"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("content %q lost:\n%s", want, d.Markdown)
		}
	}
	for _, gone := range []string{"uses cookies to remember your cart", "Manage Cookie Preferences"} {
		if strings.Contains(d.Markdown, gone) {
			t.Errorf("cookie banner %q kept:\n%s", gone, d.Markdown)
		}
	}
}

func FuzzConsentNotice(f *testing.F) {
	f.Add("We use cookies. By using our site you agree.")
	f.Add("Manage cookie preferences")
	f.Add("Oat cookies")
	f.Fuzz(func(t *testing.T, s string) {
		consentNotice(s, &defaultConfig) // no panic; bounded by ConsentMaxBytes
		if len(s) > defaultConfig.ConsentMaxBytes && consentNotice(s, &defaultConfig) {
			t.Fatalf("a block of %d bytes read as a notice", len(s))
		}
	})
}
