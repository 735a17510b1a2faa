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
<main><h1>Smart thermostat rebates</h1>
<p>Buy a certified smart thermostat from any retailer, send us the receipt within 120 days, and we mail you a rebate check about six weeks later.</p>
<p><a class="btn" href="https://apply.example.com/">Apply for a rebate</a></p>
<h3>Savings at a glance</h3>
<div class="stats"><div class="stat"><p class="big">8%</p><p>cost reduction</p><p>A certified smart thermostat saves a household about 8% on heating and cooling each year.</p></div>
<div class="stat"><p class="big">$50</p><p>annual savings</p><p>Depending on the climate, a household can save about $50 on energy costs each year.</p></div></div>
<h4>See if you qualify for a rebate.</h4>
<div class="accordion" id="accordion-7" role="tablist" aria-multiselectable="true">
<div class="accordion-item" role="tab" id="heading-7-1"><h2 class="accordion-header"><button class="accordion-button collapsed" aria-controls="collapse-7-1">Eligibility</button></h2>
<div id="collapse-7-1" class="panel-collapse collapse" role="tabpanel" aria-labelledby="heading-7-1"><ul><li>The thermostat must control a system with electric or gas heating or central air conditioning.</li><li>Customers applying for a rebate must hold an active residential account; commercial properties are not eligible.</li></ul></div></div>
<div class="accordion-item" role="tab" id="heading-7-2"><h2 class="accordion-header"><button class="accordion-button collapsed" aria-controls="collapse-7-2">How to apply</button></h2>
<div id="collapse-7-2" class="panel-collapse collapse" role="tabpanel" aria-labelledby="heading-7-2"><p>Fill in the online form with the model number as printed on the invoice, and upload a photo of the receipt showing the day, month and year of purchase.</p></div></div>
</div>
<h2>Compare plans</h2>
<div class="tabs" role="tablist"><button role="tab" aria-selected="true" aria-controls="plan-basic">Basicplanlabel</button><button role="tab" aria-selected="false" aria-controls="plan-plus">Plusplanlabel</button></div>
<div id="plan-basic" role="tabpanel"><p>The basic plan refunds half the price of one thermostat, up to fifty dollars, once per account.</p></div>
<div id="plan-plus" role="tabpanel" hidden><p>The plus plan refunds the whole price of two thermostats, up to one hundred dollars each, for homes with two heating zones.</p></div>
<div class="promo-band"><p>FlexPower: money back for letting us pre-cool your home before demand peaks.</p><p><a href="https://flexpower.example.com/">Claim your $50</a></p></div>
<div class="promo-band"><p>Shop the marketplace for discounted thermostats and other efficient products.</p><p><a href="https://marketplace.example.com/">Visit the marketplace</a></p></div>
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
	src := page(`<title>Smart thermostat rebates | Example Energy</title>`, siteChrome(rebatePage()))
	want := []string{"active residential account", "model number as printed", "refunds half the price", "two heating zones"}
	gone := []string{"Basicplanlabel", "Plusplanlabel"}
	root, err := parseClean(src)
	if err != nil {
		t.Fatal(err)
	}
	region := textOf(mainRegion(root, &defaultConfig))
	d, err := FromHTML(src, mustURL(t, "https://energy.example.com/rebates/thermostats"))
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
