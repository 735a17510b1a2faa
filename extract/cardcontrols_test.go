package extract

import (
	"fmt"
	"strings"
	"testing"
)

// hikingTrails are the entries of a park's list of trails: name, one line
// about it, its length.
var hikingTrails = [][3]string{
	{"Cedar Ridge Loop", "A shaded climb through old cedars to a view over the reservoir.", "6.2 km"},
	{"Miller's Creek Trail", "Follows the creek past three small falls; wet in spring.", "4.8 km"},
	{"Blackrock Summit", "A steep scramble to the park's highest point, exposed in wind.", "9.1 km"},
	{"Heron Marsh Boardwalk", "Flat and step-free, with two bird hides along the marsh.", "2.3 km"},
	{"Old Quarry Path", "Loops around the flooded quarry and the workers' cottages.", "5.5 km"},
	{"Foxglove Meadow Walk", "Open meadows that flower from June, with benches on the way.", "3.1 km"},
}

// trailListPage is a park's list of trails whose cards carry the site's
// controls as links (a quick view, a compare list, a saved list, a read
// more link): a listing, not a shop.
func trailListPage() string {
	var b strings.Builder
	b.WriteString(`<h1>Trails in Eastbrook Park</h1><p>Every marked trail in the park, with its length; the rangers check them weekly.</p><ul class="trail-grid">`)
	for i, tr := range hikingTrails {
		fmt.Fprintf(&b, `<li class="trail-card"><a href="/trails/%d"><img src="/img/trail-%d.jpg" alt=""></a>
<h3><a href="/trails/%d">%s</a></h3><p>%s</p><span class="length">%s</span>
<div class="card-actions"><div><a class="qv" href="/trails/%d?view=quick">Quick view</a></div>
<div class="compare"><input type="checkbox" name="compare" value="%d"> Add to compare</div>
<div><a href="/my-trails/save/%d">Save for later</a></div></div>
<a class="more" href="/trails/%d">Read more</a></li>`, i, i, i, tr[0], tr[1], tr[2], i, i, i, i)
	}
	b.WriteString(`</ul>`)
	return page(`<title>Trails | Eastbrook Park</title><script>window.parkMap = {zoom: 12};</script>`,
		siteChrome(`<main>`+b.String()+`</main>`))
}

func TestFromHTMLListingCardsLoseTheirControls(t *testing.T) {
	// The entries and the intro are the content; the labels of each card's
	// controls are not, though the page sells nothing.
	d, err := FromHTML(trailListPage(), mustURL(t, "https://parks.example.org/eastbrook/trails"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Markdown, "rangers check them weekly") {
		t.Errorf("the intro lost:\n%s", d.Markdown)
	}
	for _, tr := range hikingTrails {
		for _, part := range tr {
			if !strings.Contains(d.Markdown, part) {
				t.Errorf("entry part %q lost:\n%s", part, d.Markdown)
			}
		}
	}
	for _, gone := range []string{"Quick view", "Add to compare", "Save for later", "Read more", "We use cookies", "Privacy policy"} {
		if strings.Contains(d.Markdown, gone) {
			t.Errorf("%q kept:\n%s", gone, d.Markdown)
		}
	}
}
