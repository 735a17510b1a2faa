package extract

import (
	"strings"
	"testing"
)

const para1 = "The council voted on Tuesday to expand the network of protected bike lanes across the northern districts."
const para2 = "Supporters said the plan would make commuting safer for thousands of residents who ride every day."
const para3 = "The first segments are expected to open in the autumn after a review of the traffic data by engineers."

func TestTrimEdges(t *testing.T) {
	body := para1 + "\n\n" + para2 + "\n\n" + para3
	tests := []struct {
		name, md, title, want string
	}{
		{"clean article untouched", body, "Bike lanes", body},
		{"headline and standfirst dropped", "# Bike lanes expand\n\n## A dek that sums it up\n\n" + body, "Bike lanes expand", body},
		{"other leading heading kept", "# Something else\n\n" + body, "Bike lanes expand", "# Something else\n\n" + body},
		{"related links list dropped", body + "\n\n- [Story one](https://x.org/1)\n- [Story two](https://x.org/2)\n- [Story three](https://x.org/3)", "", body},
		{"newsletter call to action dropped", body + "\n\nSign up for our daily newsletter to get the news in your inbox.", "", body},
		{"copyright dropped", body + "\n\n© 2024 Example Media. All rights reserved.", "", body},
		{"trailing headings dropped", body + "\n\n### More stories\n\n### Another teaser", "", body},
		{"link-dense share line dropped", "[Facebook](https://f.com/x) [Twitter](https://t.com/x)\n\n" + body, "", body},
		{"paragraph with own sentence around links kept",
			"Read [the report](https://x.org/r) which the council published after a long public consultation in the spring and summer.\n\n" + body, "",
			"Read [the report](https://x.org/r) which the council published after a long public consultation in the spring and summer.\n\n" + body},
		{"subscribers is not subscribe", body + "\n\nA preview was shared with paying subscribers.", "", body + "\n\nA preview was shared with paying subscribers."},
		{"ad slot label inside the article dropped", para1 + "\n\nAdvertisement\n\n" + para2 + "\n\n**Continue Reading Below**\n\n" + para3, "", body},
		{"section prefix in og:title still matches", "# Is football violence a crime?\n\n" + body, "Opinion | Is Football Violence a Crime?", body},
		{"never trims everything", "- [a](https://x.org/a)\n- [b](https://x.org/b)", "", "- [a](https://x.org/a)\n- [b](https://x.org/b)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := trimEdges(tc.md, nil, tc.title); got != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

func TestCombine(t *testing.T) {
	body := para1 + "\n\n" + para2 + "\n\n" + para3
	t.Run("readability wins when it holds trafilatura's text and twice more", func(t *testing.T) {
		more := body + "\n\n" + strings.ReplaceAll(body, "council", "mayor") + "\n\n" + strings.ReplaceAll(body, "bike", "bus")
		got, useRd := combine(para1+"\n\n"+para2, more, "")
		if !useRd || got != more {
			t.Errorf("useRd=%v got %q", useRd, got)
		}
	})
	t.Run("edge block absent from readability dropped", func(t *testing.T) {
		tf := "Promo text that the other extractor did not keep at all here.\n\n" + body
		got, useRd := combine(tf, body, "")
		if useRd || got != body {
			t.Errorf("useRd=%v got %q", useRd, got)
		}
	})
	t.Run("middle block kept even if readability lacks it", func(t *testing.T) {
		tf := para1 + "\n\nA middle paragraph only trafilatura kept, with its own words.\n\n" + para2 + "\n\n" + para3
		got, _ := combine(tf, body, "")
		if got != tf {
			t.Errorf("got %q", got)
		}
	})
	t.Run("readability wins when trafilatura kept a box beside it", func(t *testing.T) {
		// Trafilatura settled on the author's bio card; readability found
		// the long review it sits beside and shares nothing with the card.
		bio := "##### Jane Roaster\n\nHello, and welcome! I'm the editor of this site and have roasted coffee at home for more than a decade."
		review := strings.Repeat(body+"\n\n", 3) + strings.ReplaceAll(body, "council", "panel") + "\n\n" + strings.ReplaceAll(body, "bike", "tram")
		review = strings.TrimSuffix(review, "\n\n")
		got, useRd := combine(bio, review, "")
		if !useRd || got != review {
			t.Errorf("useRd=%v got %q", useRd, got)
		}
		// The same box beside a readability result only a little longer is
		// a disagreement, not a misplaced pick: trafilatura stands.
		got, useRd = combine(bio, para1, "")
		if useRd || got != bio {
			t.Errorf("short readability: useRd=%v got %q", useRd, got)
		}
		// Beside an article a script has yet to write, readability's pick
		// is the sidebar: a most-read list and a newsletter box, not a
		// body of text, however much longer than trafilatura's banner.
		banner := "Breaking: ferry timetable changes for the winter season announced this morning."
		sidebar := "### Most read\n\n1. [Council approves plan to rebuild the fish market](https://x.org/1)\n2. [Storm warning issued for the northern coast](https://x.org/2)\n\n" +
			"### The morning briefing\n\n" + para2 + " " + para3 + " Get the most important stories delivered to your inbox every weekday at seven."
		got, useRd = combine(banner, sidebar, "")
		if useRd || got != banner {
			t.Errorf("sidebar beside a placeholder: useRd=%v got %q", useRd, got)
		}
	})
	t.Run("trafilatura empty: readability", func(t *testing.T) {
		got, useRd := combine("", body, "")
		if !useRd || got != body {
			t.Errorf("useRd=%v got %q", useRd, got)
		}
	})
	t.Run("readability empty: trafilatura", func(t *testing.T) {
		got, useRd := combine(body, "", "")
		if useRd || got != body {
			t.Errorf("useRd=%v got %q", useRd, got)
		}
	})
}
