package extract

import (
	"fmt"
	"strings"
	"testing"
)

// tideTables are the entries of a harbour office's list of tide tables:
// place, its table (both links), and the table's period.
var tideTables = [][3]string{
	{"North Channel", "Tide table 2026", "January to December"}, {"Inner Basin", "Tide table 2026", "January to June"},
	{"Fish Market Steps", "Tide table 2026", "April to September"}, {"East Quay", "Tide table 2026", "January to December"},
	{"Lighthouse Point", "Tide table 2026", "March to October"}, {"Ferry Berths", "Tide table 2026", "January to December"},
	{"Old Dock", "Tide table 2026", "May to August"}, {"Salt Marsh Creek", "Tide table 2026", "January to December"},
}

// tideListPage is the harbour office's list, titled "Recent posts" (a
// rail's phrase as the page's own title), with a rail of the site's
// stories under the entries.
func tideListPage() string {
	var b strings.Builder
	b.WriteString(`<h1>Recent posts</h1><p>Tide tables posted by the harbour office this year.</p><table class="tables">`)
	for i, tt := range tideTables {
		fmt.Fprintf(&b, `<tr><td><a href="/places/%d">%s</a></td><td><a href="/tides/%d.pdf">%s</a></td><td>%s</td></tr>`, i, tt[0], i, tt[1], tt[2])
	}
	b.WriteString(`</table><h2>Related articles</h2><div class="teasers">
<div class="teaser"><h3><a href="/guides/mooring">A visitor's guide to mooring</a></h3><p>Where guest boats may tie up and what the harbour master asks of them.</p></div>
<div class="teaser"><h3><a href="/history/lighthouse">The lighthouse at two hundred</a></h3><p>How the north light was built, rebuilt and finally automated.</p></div></div>`)
	return page(`<title>Tide tables | Port of Eastmouth</title><script>window.portTides = [];</script>`,
		siteChrome(`<main>`+b.String()+`</main>`))
}

func TestFromHTMLListLosesItsStoryRail(t *testing.T) {
	// The list's title is a rail's phrase and stays with its entries; the
	// rail of the site's stories under them goes.
	d, err := FromHTML(tideListPage(), mustURL(t, "https://port.example.org/tides"))
	if err != nil {
		t.Fatal(err)
	}
	for _, keep := range []string{"Recent posts", "posted by the harbour office"} {
		if !strings.Contains(d.Markdown, keep) {
			t.Errorf("%q lost:\n%s", keep, d.Markdown)
		}
	}
	for _, tt := range tideTables {
		for _, part := range tt {
			if !strings.Contains(d.Markdown, part) {
				t.Errorf("entry part %q lost:\n%s", part, d.Markdown)
			}
		}
	}
	for _, gone := range []string{"Related articles", "guide to mooring", "lighthouse at two hundred", "We use cookies"} {
		if strings.Contains(d.Markdown, gone) {
			t.Errorf("%q kept:\n%s", gone, d.Markdown)
		}
	}
}

func TestDropRailsStoryRailBelowTheTitle(t *testing.T) {
	for _, tc := range []struct {
		name, md, want string
	}{
		{"rail under content", "# Exhibitions\n\nShows this spring.\n\n## Related articles\n\nA teaser.\n\n## Visit\n\nOpen daily.",
			"# Exhibitions\n\nShows this spring.\n\n## Visit\n\nOpen daily."},
		{"title is the phrase", "# Recent posts\n\nFirst post.\n\nSecond post.", "# Recent posts\n\nFirst post.\n\nSecond post."},
		{"phrase opens a longer heading", "# Guide\n\nText.\n\n### Latest news from the harbour\n\nTeaser.", "# Guide\n\nText."},
		{"phrase inside a heading", "# Guide\n\nText.\n\n## Our latest news and events\n\nKept.", "# Guide\n\nText.\n\n## Our latest news and events\n\nKept."},
		{"shop rail first still a rail", "## You may also like\n\nA card.\n\n# Kettle\n\nBoils water.", "# Kettle\n\nBoils water."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := dropRails(tc.md, false, &defaultConfig); got != tc.want {
				t.Errorf("dropRails:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}
