package extract

import (
	"fmt"
	"strings"
	"testing"
)

// eventCards is a listing of online events as a responsive site sends it:
// every card holds a phone layout (with the organiser and its followers)
// and, beside it, a desktop layout of the same event without them; the
// linked stylesheet that hides one of the two is not in the page.
func eventCards() string {
	events := [][4]string{
		{"Pricing workshops for small bakeries", "Tomorrow at 6:00 PM CET", "Crumb Collective", "1.2k followers"},
		{"Getting started with community radio", "Thu, Apr 9, 7:30 PM BST", "Open Air Studio", "310 followers"},
		{"Repair cafe volunteer training", "Sat, Apr 11, 10:00 AM CEST", "Fix It Together", "845 followers"},
		{"Intro to urban beekeeping", "Sun, Apr 12, 2:00 PM EDT", "Rooftop Hives", "96 followers"},
		{"Writing grant applications that get read", "Tue, Apr 14, 5:00 PM PDT", "Small Arts Fund", "2.4k followers"},
		{"Bike maintenance basics for commuters", "Wed, Apr 15, 6:30 PM GMT", "Spoke Works", "530 followers"},
	}
	var b strings.Builder
	b.WriteString(`<ul class="results">`)
	for i, e := range events {
		fmt.Fprintf(&b, `<li class="card"><div class="card-mobile"><h3><a href="/e/%d">%s</a></h3><p>%s · Free</p><p>%s · %s</p></div>
<div class="card-desktop"><h3><a href="/e/%d">%s</a></h3><p>%s · Free</p></div></li>`, i, e[0], e[1], e[2], e[3], i, e[0], e[1])
	}
	b.WriteString(`</ul>`)
	return b.String()
}

func TestFromHTMLSiblingCopiesDropped(t *testing.T) {
	// An events site's listing: the banner comes in a phone and a desktop
	// copy, and so does every event card of its grid.
	body := siteChrome(`<main><div class="hero"><div class="hero-sm"><h1>Online community events</h1><p>Workshops, talks and trainings you can join from home this month.</p></div>
<div class="hero-lg"><h1>Online community events</h1><p>Workshops, talks and trainings you can join from home this month.</p></div></div>` + eventCards() + `
<nav class="pagination"><a href="?page=2">Next page</a></nav></main>`)
	d, err := FromHTML(page(`<title>Online community events | Acme Events</title>`, body), mustURL(t, "https://events.example.com/d/online/"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Pricing workshops for small bakeries", "Crumb Collective", "Spoke Works", "Sun, Apr 12, 2:00 PM EDT"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("%q lost:\n%s", want, d.Markdown)
		}
	}
	for _, once := range []string{"Pricing workshops for small bakeries", "Thu, Apr 9, 7:30 PM BST", "Bike maintenance basics", "trainings you can join from home"} {
		if n := strings.Count(d.Markdown, once); n != 1 {
			t.Errorf("%q %d times, want once:\n%s", once, n, d.Markdown)
		}
	}
}

func TestSiblingCopy(t *testing.T) {
	cfg := &defaultConfig
	w := func(s string) []string { return wordTokens(s, nil) }
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Intro to urban beekeeping Sun Apr 12 Free Rooftop Hives 96 followers", "Intro to urban beekeeping Sun Apr 12 Free", true},
		{"Intro to urban beekeeping Sun Apr 12", "Intro to urban beekeeping Sun Apr 12", true},
		{"Free", "Free", false}, // a label, not a copy
		{"Intro to urban beekeeping", "Intro to urban beekeeping on a rooftop in the city with a local club of keepers every Sunday", false},
		{"Intro to urban beekeeping Sun Apr 12", "Sun Apr 12 Intro to urban beekeeping", false}, // not in order
	} {
		if got := siblingCopy(w(tc.a), w(tc.b), cfg); got != tc.want {
			t.Errorf("siblingCopy(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
