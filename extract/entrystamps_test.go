package extract

import (
	"fmt"
	"strings"
	"testing"
)

func TestDropEntryStamps(t *testing.T) {
	entries := func(stamp string, n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "### [Review of the kettle no. %d](/r/%d)\n\nIt boils fast and pours clean.\n\n%s\n\n", i, i, fmt.Sprintf(stamp, i+2))
		}
		return strings.TrimSuffix(b.String(), "\n\n")
	}
	for _, tc := range []struct{ name, in, gone, kept string }{
		{"an author and an age under each entry",
			entries("[Dana Ruiz](/author/dana) %d months ago [4](/r#comments)", 4), "months ago", "kettle no. 3"},
		{"plain text, in list items",
			"- [Kettle A](/a)\n  \n  Mo Chen · 2 days ago\n- [Kettle B](/b)\n  \n  Mo Chen · 3 days ago\n- [Kettle C](/c)\n  \n  Mo Chen · 4 days ago", "days ago", "Kettle C"},
		{"two stamps are a story's datelines",
			entries("Dana Ruiz %d hours ago", 2), "", "hours ago"},
		{"a title before its age is the entry",
			"[A long look at the best kettles for small kitchens](/a) 2 hours ago\n\n[Why the whistling kettle came back into fashion](/b) 3 hours ago\n\n[How we tested forty kettles in a month](/c) 5 hours ago",
			"", "forty kettles"},
		{"a sentence that says ago is prose",
			entries("We bought this kettle %d years ago and it still works after daily use in a busy office kitchen.", 4), "", "busy office"},
		{"a quoted reply keeps its header",
			strings.Repeat("> 3 hours ago, Sam said:\n>\n> Descale it monthly.\n\nAgreed.\n\n", 3), "", "3 hours ago, Sam said"},
		{"code is left alone",
			"```\n1 day ago\n2 days ago\n3 days ago\n```", "", "2 days ago"},
	} {
		got := dropEntryStamps(tc.in, &defaultConfig)
		if tc.gone != "" && strings.Contains(got, tc.gone) {
			t.Errorf("%s: %q kept:\n%s", tc.name, tc.gone, got)
		}
		if !strings.Contains(got, tc.kept) {
			t.Errorf("%s: %q lost:\n%s", tc.name, tc.kept, got)
		}
		if strings.Contains(got, "\n\n\n") {
			t.Errorf("%s: blank lines left doubled:\n%q", tc.name, got)
		}
	}
}

// TestFromHTMLEntryStampsDropped: a tech site's topic page lists its
// stories as cards, each with a title, a summary and a line of its
// author, its age and its comment count; the cards keep their titles and
// summaries, the stamps go.
func TestFromHTMLEntryStampsDropped(t *testing.T) {
	stories := []struct{ title, summary, author string }{
		{"Open-back headphones for the home studio", "Five pairs we mixed a record on, and the one we kept.", "Priya Natarajan"},
		{"The best noise-cancelling earbuds for flying", "We wore them on twelve long-haul flights to find the quietest.", "Tom Eriksen"},
		{"Wired or wireless: what you give up for the cable", "Latency, battery and sound compared on three phones.", "Priya Natarajan"},
		{"How to clean ear tips without ruining them", "Soap, water and patience; never alcohol on foam.", "Lena Brooks"},
		{"Budget headphones that do not sound cheap", "Our picks under fifty dollars after a month of listening.", "Tom Eriksen"},
	}
	var b strings.Builder
	b.WriteString(`<main><div class="archive-header"><h1 class="archive-title">Headphones</h1></div><div class="post-list">`)
	for i, s := range stories {
		fmt.Fprintf(&b, `<article class="post-card"><a class="post-card__image" href="/articles/%d"><img src="/img/%d.jpg" alt=""></a>
<h2 class="post-card__title"><a href="/articles/%d">%s</a></h2><p class="post-card__excerpt">%s</p>
<div class="post-card__meta"><a class="author" href="/author/%d">%s</a> <time datetime="2025-0%d-01">%d months ago</time> <a class="comments" href="/articles/%d#comments">%d</a></div></article>`,
			i, i, i, s.title, s.summary, i, s.author, i+1, 3+i, i, 2*i)
	}
	b.WriteString(`</div><nav class="pagination"><a href="?page=2">Next</a></nav></main>`)
	d, err := FromHTML(page(`<title>Headphones - Gadget Desk</title>`, siteChrome(b.String())), mustURL(t, "https://gadgets.example.com/topics/headphones"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(d.Markdown, "months ago") {
		t.Errorf("the entries' stamps kept:\n%s", d.Markdown)
	}
	for _, s := range stories[1:] {
		if !strings.Contains(d.Markdown, s.title) || !strings.Contains(d.Markdown, s.summary) {
			t.Errorf("lost %q or its summary:\n%s", s.title, d.Markdown)
		}
	}
}
