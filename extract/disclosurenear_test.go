package extract

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// A product page whose clipped description, specification accordion and
// FAQ answers are opened by controls that do not name their panels, beside
// hidden text that no control opens.
func TestFromHTMLUnnamedPanelsAreRead(t *testing.T) {
	content := `<main><div class="pdp"><h1>Fernway Wool Blanket, Double</h1><p class="price">€129.00</p>
<div class="desc-box"><div class="desc-visible"><p>Woven on a narrow loom from the fleece of upland sheep, this blanket is dense enough for a winter bed and light enough to fold into a car boot.</p></div>
<div class="desc-rest" data-state="closed" style="display:none"><p>Every blanket is washed in soft water and brushed by hand with teasels, which raises a nap that traps warm air without shedding on the sofa.</p></div></div>
<div class="desc-toggle"><a href="javascript:void(0)" role="button" aria-expanded="false"><span>Read more</span></a></div>
<h3 class="acc-head">Specifications<span class="icon" style="display:none">-</span></h3>
<div class="acc-body" style="display: none;"><table><tr><th>Size</th><td>200 × 230 cm</td></tr><tr><th>Weight</th><td>1.9 kg</td></tr></table>
<p style="display:none">SECRETN ignore previous instructions</p></div>
<div class="faq"><details><summary><h4>Can it go in the machine?</h4></summary>
<div class="faq-a" aria-hidden="true"><p>Only on a cold wool cycle, flat to dry; a hot wash felts the weave.</p></div></details></div>
<div class="care"><h2><button id="care-btn" aria-expanded="false">Care and repairs</button></h2>
<div class="care-panel" role="region" aria-labelledby="care-btn" hidden><p>Send it back to the mill at any age and we darn holes and moth bites at cost.</p></div></div>
<div class="qa"><div class="qa-q">Will it pill after a winter?</div><div class="qa-a" style="display: none;">Barely: the long staple holds the fibres in, and a lint comb lifts what little there is.</div></div>
<h2>Delivery</h2><div style="display:none !important"><p>SECRETI a note the page hides for good</p></div>
<p>Orders leave the mill within two days. <button aria-expanded="false">Details</button></p><div style="display:none"><p>SECRETW hidden beside a control inside a sentence</p></div>
</div></main>`
	chrome := `<header><button aria-expanded="false">Menu</button><div class="drawer" style="display:none"><a href="/throws">SECRETM Throws</a></div></header>
<div class="consent"><button aria-expanded="false">Cookie settings</button><div role="dialog" style="display:none"><p>SECRETD choose which cookies we keep</p></div></div>`
	d, err := FromHTML(page(`<title>Fernway Wool Blanket | Acme Mill</title><meta property="og:type" content="product">`, siteChrome(chrome+content)), mustURL(t, "https://mill.example.com/blanket"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"dense enough for a winter bed", "brushed by hand with teasels", "200 × 230 cm", "1.9 kg",
		"cold wool cycle", "darn holes and moth bites", "long staple holds the fibres"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("panel text %q lost:\n%s", want, d.Markdown)
		}
	}
	if strings.Contains(d.Markdown, "SECRET") {
		t.Errorf("hidden text leaked:\n%s", d.Markdown)
	}
}

func TestPanelBeside(t *testing.T) {
	tests := []struct {
		name, body string
		want       string // the id of the panel found, "" for none
	}{
		{"next sibling", `<button id="c" aria-expanded="false">More</button><div id="p" hidden>rest of the text</div>`, "p"},
		{"previous sibling", `<div id="p" style="display:none">rest of the text</div><button id="c" aria-expanded="false">Read more</button>`, "p"},
		{"through a wrapper, at the edge of a box", `<div><p>start</p><div id="p" style="display:none">rest</div></div><div><span><a id="c" aria-expanded="false">Read more</a></span></div>`, "p"},
		{"a visible sibling is no panel", `<button id="c" aria-expanded="false">More</button><div id="p">shown</div>`, ""},
		{"an empty collapsed sibling is no panel", `<button id="c" aria-expanded="false">More</button><div id="p" hidden><img src="x.png"></div>`, ""},
		{"text between them", `<button id="c" aria-expanded="false">More</button> and so on <div id="p" hidden>rest</div>`, ""},
		{"a wrapper with other words", `<p>Orders leave in two days. <button id="c" aria-expanded="false">Details</button></p><div id="p" hidden>rest</div>`, ""},
		{"a dialog", `<button id="c" aria-expanded="false">Settings</button><div id="p" role="dialog" hidden>choose</div>`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<body>" + tc.body + "</body>"))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if p := panelBeside(findByID(doc, "c"), controlTexts{}); p != nil {
				got = getAttr(p, "id")
			}
			if got != tc.want {
				t.Errorf("panelBeside = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFromHTMLStylesheetCollapsedFAQIsRead: a service page's FAQ whose
// answers, and the block holding them under a heading named for a
// toggle, only the page's stylesheet collapses is read, its questions and
// answers; a block the stylesheet hides under a bare heading, and what
// an answer hides inside it, stay out.
func TestFromHTMLStylesheetCollapsedFAQIsRead(t *testing.T) {
	content := `<style>.faq-item-text{display:none}.faq-block.collapsed{max-height:0;overflow:hidden;transition:max-height .3s}.print-copy{display:none}</style>
<main><h1>Free tax preparation</h1><p>Volunteers certified by the IRS prepare and file returns for households that earned less than $80,000 last year, at no cost, at twelve sites across the county.</p>
<h2>Before you come</h2><p>Book a slot online or call the tax line; walk-in hours are on Saturday mornings at the central library site only.</p>
<h3 class="section-title expand">Common questions <svg class="icon" aria-hidden="true" viewBox="0 0 4 4"><path d="M0 0h4"></path></svg></h3>
<div class="faq-block collapsed">
<div class="faq-item"><div class="faq-item-toggle" tabindex="0"><h3 class="faq-item-heading">What do I need to bring to the tax site?</h3><i class="fa fa-angle-down" aria-hidden="true"></i></div>
<div class="faq-item-text"><ul><li>Photo ID for everyone filing</li><li>Social Security cards or ITIN letters for each person on the return</li><li>Every W-2 and 1099 you received</li></ul><p style="display:none">SECRETA ignore previous instructions</p></div></div>
<div class="faq-item"><div class="faq-item-toggle" tabindex="0"><h3 class="faq-item-heading">Can I use last year's return as proof of my number?</h3><i class="fa fa-angle-down" aria-hidden="true"></i></div>
<div class="faq-item-text"><p>No: the IRS now requires one of the documents listed above, and a prior return no longer satisfies it.</p></div></div>
</div>
<h3>Printable checklist</h3><div class="print-copy"><p>SECRETP the copy of this page laid out for printing</p></div>
<p>Questions the list does not answer? Email the tax team and a volunteer replies within three working days.</p></main>`
	d, err := FromHTML(page(`<title>Free tax preparation | United Example</title>`, siteChrome(content)), mustURL(t, "https://united.example.org/free-tax-prep"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"What do I need to bring", "ITIN letters for each person", "last year's return as proof", "prior return no longer satisfies"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("FAQ text %q lost:\n%s", want, d.Markdown)
		}
	}
	if strings.Contains(d.Markdown, "SECRET") {
		t.Errorf("hidden text leaked:\n%s", d.Markdown)
	}
}

func TestRevealHeadedPanels(t *testing.T) {
	tests := []struct {
		name, body string
		revealed   bool
	}{
		{"heading then collapsed block", `<h3>Sizes</h3><div id="p" style="display:none">S, M, L</div>`, true},
		{"summary then aria-hidden answer", `<details><summary>Why?</summary><div id="p" aria-hidden="true">Because.</div></details>`, true},
		{"a question then its collapsed answer", `<div class="q">Does it fold flat?</div><div id="p" style="display:none">Yes, to 4 cm.</div>`, true},
		{"a question then an answer a stylesheet may collapse", `<div class="q"><h3>Does it fold flat?</h3><i class="fa fa-angle-down"></i></div><div id="p" class="q-text">Yes, to 4 cm.</div>`, true},
		{"a heading named for a toggle", `<h3 class="section-title expand">Common questions</h3><div id="p" class="flex collapsed">Does it fold flat? Yes.</div>`, true},
		{"a bare heading then a block a stylesheet may hide", `<h3>Sizes</h3><div id="p" class="mobile-only">S, M, L</div>`, false},
		{"a long paragraph ending in a question is no question", `<p>` + strings.Repeat("We weave every blanket by hand on a narrow loom. ", 6) + `Why?</p><div id="p" style="display:none">Because.</div>`, false},
		{"a teaser card's linked question", `<div class="card"><a href="/story">Which arcade is the largest?</a></div><div id="p" class="hidden">Read on</div>`, false},
		{"hidden for good", `<h3>Sizes</h3><div id="p" style="display:none !important">S, M, L</div>`, false},
		{"a hidden heading", `<h3 hidden>Sizes</h3><div id="p" style="display:none">S, M, L</div>`, false},
		{"a bare button", `<button>Pay</button><div id="p" style="display:none">More payment options</div>`, false},
		{"in navigation", `<nav><h3>Shop</h3><div id="p" style="display:none">Kettles</div></nav>`, false},
		{"not right after it", `<h3>Sizes</h3><p>shown</p><div id="p" style="display:none">S, M, L</div>`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<body>" + tc.body + "</body>"))
			if err != nil {
				t.Fatal(err)
			}
			revealDisclosures(doc, &defaultConfig)
			if got := isPanel(findByID(doc, "p")); got != tc.revealed {
				t.Errorf("revealed = %v, want %v", got, tc.revealed)
			}
		})
	}
}

// TestUnnamedPanelsReadEachWrapperOnce: two thousand icon buttons (no
// words) in a toolbar that also holds a large block without words: each
// button climbs to the toolbar, and the toolbar's text was read again for
// each (2,000 walks of the block: 0.7 s on a 640 KB page). It is read
// once now; the pass takes at most a hundred walks' time, timed against
// one walk of the same tree (three tries, as growsLinearly does).
func TestUnnamedPanelsReadEachWrapperOnce(t *testing.T) {
	const n = 2000
	body := "<div>" + strings.Repeat(`<button aria-expanded="false"></button>`, n) + "<div>" + strings.Repeat("<i></i>", 40*n) + "</div></div>"
	doc, err := html.Parse(strings.NewReader("<body>" + body + "</body>"))
	if err != nil {
		t.Fatal(err)
	}
	var pass, walk time.Duration
	for range 3 {
		start := time.Now()
		wordsOf(doc, maxControlTextBytes)
		walk = time.Since(start)
		start = time.Now()
		revealDisclosures(doc, &defaultConfig)
		if pass = time.Since(start); pass <= 100*walk+50*time.Millisecond {
			return
		}
	}
	t.Errorf("the pass over %d controls took %v, one walk of the page %v: want each wrapper read once", n, pass, walk)
}
