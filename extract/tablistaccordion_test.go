package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// rebatePage is a utility's service page: a short intro, then an
// accordion marked up as tabs (each role="tab" item holds its heading
// button and its collapsed role="tabpanel" answer, all inside the
// role="tablist"), then a tab set in the usual markup: a tablist of
// labels alone, its panels beside it.
func rebatePage() string {
	return `<style>.collapse:not(.show){display:none}</style>
<main><h1>Heat pump water heater rebates</h1>
<p>Replace an old electric tank with a listed heat pump water heater, send us the installer's invoice within 90 days, and a credit shows on your bill within two billing cycles.</p>
<p><a class="btn" href="https://apply.example.com/">Start an application</a></p>
<h3>What you could save</h3>
<div class="stats"><div class="stat"><p class="big">60%</p><p>less electricity</p><p>A heat pump unit needs roughly three fifths less power than a plain electric tank to heat the same water.</p></div>
<div class="stat"><p class="big">$300</p><p>off each year</p><p>A family of four typically takes about $300 off its yearly water heating bill.</p></div></div>
<h4>Check whether your home qualifies.</h4>
<div class="accordion" id="accordion-7" role="tablist" aria-multiselectable="true">
<div class="accordion-item" role="tab" id="heading-7-1"><h2 class="accordion-header"><button class="accordion-button collapsed" aria-controls="collapse-7-1">Eligibility</button></h2>
<div id="collapse-7-1" class="panel-collapse collapse" role="tabpanel" aria-labelledby="heading-7-1"><ul><li>The new unit has to replace an electric or propane water heater already installed in the same home.</li><li>Only homes with an active residential account can apply; shops and offices are excluded.</li></ul></div></div>
<div class="accordion-item" role="tab" id="heading-7-2"><h2 class="accordion-header"><button class="accordion-button collapsed" aria-controls="collapse-7-2">How to apply</button></h2>
<div id="collapse-7-2" class="panel-collapse collapse" role="tabpanel" aria-labelledby="heading-7-2"><p>Send the web form with the model number as printed on the unit's rating plate, and attach the installer's invoice with the date the work was done.</p></div></div>
</div>
<h2>Compare offers</h2>
<div class="tabs" role="tablist"><button role="tab" aria-selected="true" aria-controls="plan-basic">Basicplanlabel</button><button role="tab" aria-selected="false" aria-controls="plan-plus">Plusplanlabel</button></div>
<div id="plan-basic" role="tabpanel"><p>The standard offer refunds half the price of one water heater, up to four hundred dollars, once per address.</p></div>
<div id="plan-plus" role="tabpanel" hidden><p>The plus offer also pays for a second unit in larger homes with two heating zones, up to six hundred dollars in all.</p></div>
<div class="promo-band"><p>NightShift: a bill credit for letting us heat your water overnight, when demand is lowest.</p><p><a href="https://nightshift.example.com/">Claim your credit</a></p></div>
<div class="promo-band"><p>Browse the store for discounted water heaters and other efficient appliances.</p><p><a href="https://store.example.com/">Visit the store</a></p></div>
</main>
<script>document.querySelectorAll(".accordion-button").forEach(function(b){b.addEventListener("click",function(){b.classList.toggle("collapsed")})});</script>`
}

// TestTablistHoldingPanelsIsRead: an accordion marked up as a tablist
// that holds its panels is read (its answers; the heading buttons go
// as every button does); a tablist of
// labels alone is still the chrome it always was, its panels read
// beside it.
// The main region is checked (what a page of many parts is read from),
// then the page's Markdown.
func TestTablistHoldingPanelsIsRead(t *testing.T) {
	src := page(`<title>Heat pump water heater rebates | Example Energy</title>`, siteChrome(rebatePage()))
	want := []string{"active residential account", "model number as printed", "refunds half the price", "two heating zones"}
	gone := []string{"Basicplanlabel", "Plusplanlabel"}
	root, err := parseClean(src)
	if err != nil {
		t.Fatal(err)
	}
	region := textOf(mainRegion(root, &defaultConfig))
	d, err := FromHTML(src, mustURL(t, "https://energy.example.com/rebates/water-heaters"))
	if err != nil {
		t.Fatal(err)
	}
	for _, got := range []struct{ name, text string }{{"region", region}, {"Markdown", d.Markdown}} {
		for _, w := range want {
			if !strings.Contains(got.text, w) {
				t.Errorf("%q lost from the %s:\n%s", w, got.name, got.text)
			}
		}
		for _, g := range gone {
			if strings.Contains(got.text, g) {
				t.Errorf("tab label %q kept in the %s:\n%s", g, got.name, got.text)
			}
		}
	}
}

// hostileTablist is a role="tablist" holding depth nested divs (each
// with a sibling span, so wide and deep), with a role="tabpanel" at
// element number at (counted in page order; 0: none).
func hostileTablist(depth, at int) *html.Node {
	el := func(a atom.Atom, attrs ...html.Attribute) *html.Node {
		return &html.Node{Type: html.ElementNode, DataAtom: a, Data: a.String(), Attr: attrs}
	}
	list := el(atom.Div, html.Attribute{Key: "role", Val: "tablist"})
	n, count := list, 0
	for range depth {
		for _, a := range []atom.Atom{atom.Span, atom.Div} {
			c := el(a)
			if count++; count == at {
				c.Attr = append(c.Attr, html.Attribute{Key: "role", Val: "tabpanel"})
			}
			n.AppendChild(c)
		}
		n = n.LastChild
	}
	return list
}

// TestTablistPanelScanBound: whether a tablist holds its panels is read
// from its first TablistPanelScan elements only (it runs on every
// element of every region walk): a hostile tablist of 50,000 elements
// costs that many reads at most, and a panel past them leaves the
// tablist chrome, while one among them makes it content.
func TestTablistPanelScanBound(t *testing.T) {
	scan := defaultConfig.TablistPanelScan
	for _, tc := range []struct {
		name       string
		at         int
		wantChrome bool
		wantReads  int
	}{
		{"no panel", 0, true, scan},
		{"a panel past the scan", 50000, true, scan},
		{"a panel among the first", 7, false, 7},
		{"a panel at the scan's last element", scan, false, scan},
	} {
		list := hostileTablist(25000, tc.at)
		if got := isChromeByKind(list, false); got != tc.wantChrome {
			t.Errorf("%s: isChromeByKind = %v, want %v", tc.name, got, tc.wantChrome)
		}
		reads := 0
		findFirstUpTo(list, func(n *html.Node) bool { reads++; return isTabPanel(n) }, scan)
		if reads != tc.wantReads {
			t.Errorf("%s: %d elements read, want %d", tc.name, reads, tc.wantReads)
		}
	}
}
