package extract

import (
	"strings"
	"testing"
)

// servicesGridPage is a consultancy's services page built from a component
// framework's parts: an intro, then a grid of linked service cards whose
// every element is named for the "promo" component, a share bar, and the
// site's header and footer.
func servicesGridPage() string {
	services := []struct{ name, desc string }{
		{"Risk Advisory", "We map the risks that matter to your board, from supply chains to regulation, and build the controls that keep them in hand."},
		{"Tax Planning", "Our advisers structure cross-border operations so that each entity files on time and pays what it owes, and nothing more."},
		{"Cloud Migration", "Move ageing data centres to managed platforms in stages, with every workload tested before the old servers are switched off."},
		{"Mergers and Acquisitions", "From the first screening of a target to the day the combined company opens, one team runs diligence, valuation and integration."},
		{"Workforce Strategy", "Plan the skills your organisation will need in five years and the hiring, training and pay that will get you there."},
		{"Forensic Accounting", "When money goes missing or a dispute reaches court, our investigators trace the transactions and explain them to a judge."},
		{"Sustainability Reporting", "Measure emissions across your operations and suppliers, and publish figures that auditors and investors can rely on."},
		{"Cyber Defence", "Round-the-clock monitoring, incident response within the hour, and drills that teach staff to spot a phishing message."},
	}
	var cards strings.Builder
	for i, s := range services {
		cards.WriteString(`<div class="cmp-promo-grid__item"><a class="cmp-promo-link" data-promo-name="` + s.name + `" href="/services/s` + string(rune('a'+i)) + `.html">` +
			`<div class="cmp-promo" data-component="promo"></div><div class="cmp-promo__content"><h3 class="cmp-promo__content__title"><span>` + s.name + `</span></h3>` +
			`<div class="cmp-promo__content__desc">` + s.desc + `</div><div class="cmp-promo__content__cta"><span>Find out more</span></div></div></a></div>`)
	}
	return `<!doctype html><html><head><meta charset="utf-8"><title>Our services | Halden &amp; Reeve</title>
<script>window.dataLayer=window.dataLayer||[];</script></head><body>
<header class="site-header"><a href="/">Halden &amp; Reeve</a><nav class="site-nav"><a href="/services">Services</a> <a href="/industries">Industries</a> <a href="/insights">Insights</a> <a href="/careers">Careers</a></nav></header>
<main><div class="page-content">
<h1 class="cmp-title">Our services</h1>
<div class="cmp-text"><p>Whether you run a family firm or a listed group, our partners bring the same care to every engagement. Pick a service below to see how we work and whom to call.</p></div>
<div class="cmp-share"><span>Share</span> <a href="https://social.example/share?u=services">Post</a> <a href="mailto:?subject=Services">Email</a></div>
<div class="cmp-promo-grid cmp-promo-grid--three-up">` + cards.String() + `</div>
</div></main>
<footer class="site-footer"><p>© 2026 Halden &amp; Reeve LLP. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/cookies">Cookies</a></footer>
</body></html>`
}

func TestFromHTMLKeepsWidgetNamedCardGrid(t *testing.T) {
	d, err := FromHTML(servicesGridPage(), mustURL(t, "https://halden-reeve.example/services.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Risk Advisory", "We map the risks that matter to your board", "Cyber Defence", "Round-the-clock monitoring, incident response"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("card text %q lost:\n%s", want, d.Markdown)
		}
	}
	if strings.Contains(d.Markdown, "Share") {
		t.Errorf("share bar kept:\n%s", d.Markdown)
	}
}

func TestWidgetStems(t *testing.T) {
	tests := []struct {
		html  string
		stems []string
		part  bool // a part of a kept widget with the stems "cmp-promo"
	}{
		{`<div class="cmp-promo-grid__item">x</div>`, []string{"cmp-promo"}, true},
		{`<div class="cmp-promo__content__desc">x</div>`, []string{"cmp-promo"}, true},
		{`<a class="cmp-promoLink">x</a>`, []string{"cmp-promo"}, true},
		{`<div class="promo-box">x</div>`, []string{"promo"}, false},
		{`<div id="votes">x</div>`, []string{"votes"}, false},
		{`<div class="share-bar cmp-promo-x">x</div>`, []string{"share", "cmp-promo"}, true},
		{`<div class="content">x</div>`, nil, false},
	}
	for _, tt := range tests {
		n := firstElementOf(t, tt.html)
		if got := widgetStems(n); strings.Join(got, ",") != strings.Join(tt.stems, ",") {
			t.Errorf("%s: widgetStems = %q, want %q", tt.html, got, tt.stems)
		}
		if got := isWidgetPart(n, []string{"cmp-promo"}); got != tt.part {
			t.Errorf("%s: isWidgetPart = %v, want %v", tt.html, got, tt.part)
		}
	}
}
