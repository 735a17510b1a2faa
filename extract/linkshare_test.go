package extract

import (
	"fmt"
	"strings"
	"testing"
)

// lightsPage is a shop's category page whose article path result is
// mostly link text: the tiles' image links (their alt text), names and
// prices, under skip links and a breadcrumb trail that are not marked as
// navigation. Its region drops the images and the skip links.
func lightsPage() string {
	var tiles strings.Builder
	for i, p := range [][3]string{
		{"Trailglow Five Light", "Black rear light with five LEDs clipped to a helmet", "$31.50"},
		{"Helmet Clip Light", "Small white front light that clips onto a helmet strap", "$12.75"},
		{"Bar Mount Headlight 800", "Headlight on a handlebar mount lighting a dark road", "$59.00"},
		{"Seatpost Tail Light", "Red tail light strapped to a seat post in the rain", "$24.50"},
		{"USB Light Set", "Front and rear lights with their charging cable", "$44.00"},
		{"Spoke Reflector Pack", "Four round reflectors fitted to the spokes of a wheel", "$9.95"},
	} {
		fmt.Fprintf(&tiles, `<div class="product-tile"><a class="tile-image" href="/product/%d.html"><img src="/img/%d.jpg" alt="%s"></a>
<div class="tile-body"><span class="badge">New</span><a class="tile-name" href="/product/%d.html">%s</a><div class="tile-price"><span class="sales">%s</span></div></div></div>`, i, i, p[1], i, p[0], p[2])
	}
	body := siteChrome(`<main><div class="skip"><a href="#main">Skip to main content</a> <a href="#footer">Skip to footer content</a></div>
<ol class="crumb-trail"><li><a href="/">Home</a></li><li><a href="/cycling/">Cycling</a></li><li><a href="/cycling/accessories/">Accessories</a></li></ol>
<h1>Lights</h1><div class="refine"><button>Filters</button><span>6 Results</span></div>
<div class="product-grid">` + tiles.String() + `</div></main>`)
	return page(`<title>Lights | Giro Cycling</title>`, body)
}

func TestFromHTMLLinkHeavyResultReadFromTheRegion(t *testing.T) {
	d, err := FromHTML(lightsPage(), mustURL(t, "https://shop.example.com/cycling/accessories/lights"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Lights", "Trailglow Five Light", "$31.50", "Spoke Reflector Pack", "$9.95"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("%q lost:\n%s", want, d.Markdown)
		}
	}
	// The images' alt text and the skip links are what the region drops.
	for _, gone := range []string{"clipped to a helmet", "spokes of a wheel", "Skip to main content", "We use cookies", "Privacy policy"} {
		if strings.Contains(d.Markdown, gone) {
			t.Errorf("%q kept:\n%s", gone, d.Markdown)
		}
	}
}
