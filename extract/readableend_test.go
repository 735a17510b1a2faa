package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestEndWithReadable: the region is cut after readability's last block
// when it holds readability's text and keeps most of its words; not when
// it holds too little of it, when the cut would take most of the page,
// or when readability's text runs to the region's end.
func TestEndWithReadable(t *testing.T) {
	text := []string{
		"Our electricians rewire older homes without opening every wall, working room by room so you can stay in the house.",
		"Every job starts with a survey of the fuse board and the circuits, and a written quote that does not change once the work begins.",
		"We carry out the certification ourselves and register the work with the council within five days of finishing.",
	}
	rails := []string{
		"### Helpful resources",
		"[How much does a rewire cost? A guide to prices across the country](https://example.com/guide)",
		"[Ten signs your wiring needs replacing, from flickering lights to warm sockets](https://example.com/signs)",
	}
	readable := strings.Join(text, "\n\n")
	region := "# House rewiring\n\n" + readable + "\n\n" + strings.Join(rails, "\n\n")
	for _, tc := range []struct {
		name, md, readable string
		want               string
		cut                bool
	}{
		{"rails after the text", region, readable, "# House rewiring\n\n" + readable, true},
		{"text to the end", "# House rewiring\n\n" + readable, readable, "", false},
		{"readability read other text", region, readable + "\n\nA paragraph the region does not have, about the opening hours of the office in town.", "", false},
		{"readability took one section", strings.Join(rails, "\n\n") + "\n\n" + text[0] + "\n\n" + strings.Repeat("More of the page's own sections, each a service the firm offers. ", 12) + "\n\n" + rails[1], text[0], "", false},
		{"empty readability", region, "", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, cut := endWithReadable(tc.md, newOtherText(tc.readable), &defaultConfig)
			if cut != tc.cut {
				t.Fatalf("cut %v, want %v:\n%s", cut, tc.cut, got)
			}
			if !cut && got != tc.md {
				t.Fatalf("changed without a cut:\n%s", got)
			}
			if cut && got != tc.want {
				t.Fatalf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// rewiringPage is an electrician's service page, undeclared: a hero, the
// service's sections in layout boxes, then what the site sets under
// every page — teaser cards of its guides, each with a "Continue
// reading" link, and a call-to-action strip.
func rewiringPage() string {
	var b strings.Builder
	b.WriteString(`<script>window.dataLayer=window.dataLayer||[];dataLayer.push({"page":"service"});</script><div class="page-wrap"><div class="service-content"><div class="hero"><h1>House rewiring in Leeds</h1><p>Certified electricians, fixed quotes, and a tidy house at the end of every day.</p></div>`)
	sections := [][2]string{
		{"How a rewire works", "We rewire older homes without opening every wall, working room by room so that you can stay in the house while we do it. Floorboards are lifted and put back the same day, and every cable runs in the old routes where it safely can."},
		{"What it costs", "A three-bedroom house usually costs between four and six thousand pounds, depending on how many sockets and lights you want. The survey is free, and the written quote does not change once the work begins unless you ask for more."},
		{"Certificates and paperwork", "We test every circuit when the work is done, issue the electrical installation certificate ourselves, and register the job with building control within five days, so the paperwork is ready when you sell the house."},
		{"How long it takes", "Most houses take five to eight working days. We agree the order of the rooms with you before we start, so the kitchen and one bathroom always have power at the end of the day."},
	}
	for i, s := range sections {
		fmt.Fprintf(&b, `<div class="row"><div class="col"><h2>%s</h2><p>%s</p><div class="price-table">`, s[0], s[1])
		for j, item := range []string{"Survey and written quote for a house of this size", "Rewiring one bedroom with new sockets", "Moving the fuse board to the hallway"} {
			fmt.Fprintf(&b, `<div class="price-row"><div class="price-name">%s, option %d</div><div class="price-amount"><strong>£%d</strong></div></div>`, item, i+1, 100*(i+1)+40*j)
		}
		b.WriteString(`</div></div></div>`)
	}
	b.WriteString(`</div><div class="resources"><div class="container"><h3>Helpful guides</h3><div class="cards">`)
	for _, g := range [][2]string{
		{"Ten signs your wiring needs replacing", "Flickering lights, warm sockets and a fuse board with a wooden back are the usual warnings that a house needs new wiring soon."},
		{"Choosing sockets and switches", "Brushed steel, white plastic or period brass: what each finish costs and how well it wears in a busy family kitchen."},
		{"Living in the house during a rewire", "Where to put the furniture, how to keep one room clean, and what to tell the neighbours before the work starts next door."},
	} {
		fmt.Fprintf(&b, `<div class="card"><h5>%s</h5><p>%s</p><a href="/guides/%s">Continue reading</a></div>`, g[0], g[1], strings.ReplaceAll(strings.ToLower(g[0]), " ", "-"))
	}
	b.WriteString(`</div></div></div><div class="row cta"><h3>Ready for a quote?</h3><p>Call 0113 496 0000 or book a free survey online.</p><a href="/book">Book a survey</a></div></div>`)
	return b.String()
}

// TestFromHTMLServicePageEndsWithItsText: the service's sections stay and
// the guides' teaser cards after them go.
func TestFromHTMLServicePageEndsWithItsText(t *testing.T) {
	d, err := FromHTML(page(`<title>House rewiring in Leeds | Brightline Electrical</title><meta property="og:type" content="website">`, siteChrome("<main>"+rewiringPage()+"</main>")), mustURL(t, "https://brightline.example.co.uk/rewiring"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"without opening every wall", "between four and six thousand", "register the job with building control", "kitchen and one bathroom always have power"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("%q lost:\n%s", want, d.Markdown)
		}
	}
	for _, gone := range []string{"Flickering lights", "Brushed steel", "tell the neighbours", "Continue reading"} {
		if strings.Contains(d.Markdown, gone) {
			t.Errorf("%q kept:\n%s", gone, d.Markdown)
		}
	}
}

// TestEndWithReadableGrowsLinearly: one pass over the region's blocks and
// one over readability's text, however long the page.
func TestEndWithReadableGrowsLinearly(t *testing.T) {
	build := func(n int) (md, readable string) {
		var m, r strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&r, "Paragraph %d of the service text says what the firm does in room %d.\n\n", i, i)
		}
		m.WriteString(r.String())
		for i := 0; i < n/4; i++ {
			fmt.Fprintf(&m, "[Guide %d to something else the site has](https://example.com/g/%d)\n\n", i, i)
		}
		return m.String(), r.String()
	}
	run := func(n int) time.Duration {
		md, readable := build(n)
		start := time.Now()
		if _, cut := endWithReadable(md, newOtherText(readable), &defaultConfig); !cut {
			t.Fatal("no cut")
		}
		return time.Since(start)
	}
	const n = 20000
	run(n / 8) // warm up
	eighth, whole, ok := growsLinearly(func() time.Duration { return run(n / 8) }, func() time.Duration { return run(n) }, time.Second)
	if !ok {
		t.Errorf("8x the blocks took %v against %v (over 24x): not linear", whole, eighth)
	}
}

// FuzzEndWithReadable: endWithReadable reads Markdown blocks of any text
// (readableend.go is their new reader): it never panics, its result is
// md or a prefix of md ending at a block's end, and a cut says so.
func FuzzEndWithReadable(f *testing.F) {
	f.Add("# Title\n\nOur electricians rewire older homes room by room.\n\n[A guide to prices](https://example.com/g)", "Our electricians rewire older homes room by room.")
	f.Add("```\nfenced\n\ntext\n```\n\nOne two three four five.\n\n- six", "One two three four five.")
	f.Add("\xff\xfe one two three four\n\n\n\nfive", "one two three four")
	f.Fuzz(func(t *testing.T, md, readable string) {
		out, cut := endWithReadable(md, newOtherText(readable), &defaultConfig)
		if !strings.HasPrefix(md, out) {
			t.Fatalf("endWithReadable = %q: not a prefix of the region %q", out, md)
		}
		if cut != (len(out) < len(md)) {
			t.Errorf("cut = %v, but %d of %d bytes kept", cut, len(out), len(md))
		}
	})
}
