package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// guideParas are a guide's sections, each long enough that three of them
// pass RepeatRunMinWords.
var guideParas = func() []string {
	var out []string
	for i, topic := range []string{"drop-in classes", "class packages", "memberships", "private sessions"} {
		out = append(out, fmt.Sprintf("## Pricing %s\n\nStudios price %s by the hour of teaching, the room and the town they are in; a studio in a city centre charges more than one in a suburb, and a teacher with years of training charges more than one in the first year. Section %d of the guide weighs each of these against what students in the area can pay, and ends with a worked example that you can copy for your own timetable and adjust as the term goes on.", topic, topic, i+1))
	}
	return out
}()

func TestDropRepeatedRuns(t *testing.T) {
	text := strings.Join(guideParas, "\n\n")
	day := "### Breakfast\n\n*Eat within an hour of waking*\n\nOats with berries, one cup, and a spoon of nut butter.\n\n### Lunch\n\n*Eat every 2-3 hours*\n\nChicken salad with greens and a slice of bread."
	for _, tc := range []struct {
		name, in, want string
	}{
		{"the whole text twice", text + "\n\n## Sign up\n\n" + text, text + "\n\n## Sign up"},
		{"once", text, text},
		{"a plan's days repeat short runs", day + "\n\n" + day + "\n\n" + day, day + "\n\n" + day + "\n\n" + day},
		{"one long section repeated", text + "\n\n" + guideParas[2], text + "\n\n" + guideParas[2]},
		{"a copy inside a copy keeps the first", "Intro line.\n\n" + text + "\n\n" + text + "\n\n" + text, "Intro line.\n\n" + text},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := dropRepeatedRuns(tc.in, &defaultConfig); got != tc.want {
				t.Errorf("dropRepeatedRuns:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// TestDropRepeatedRunsThresholdsFromConfig: the run's size is the
// config's: a repeated pair of sections goes with two blocks required,
// not with the default's three.
func TestDropRepeatedRunsThresholdsFromConfig(t *testing.T) {
	pair := guideParas[0] // a heading and its paragraph: two blocks
	in := pair + "\n\n" + guideParas[1] + "\n\n" + pair + "\n\n" + pair
	if got := dropRepeatedRuns(in, &defaultConfig); got != in {
		t.Errorf("dropped a two-block run with three required:\n%s", got)
	}
	cfg := defaultConfig
	cfg.RepeatRunMinBlocks, cfg.RepeatRunMinWords = 2, 50
	if got, want := dropRepeatedRuns(in, &cfg), pair+"\n\n"+guideParas[1]; got != want {
		t.Errorf("dropRepeatedRuns with two blocks:\n%s\nwant:\n%s", got, want)
	}
}

// TestFromHTMLPageTextLaidOutTwice: a blog post whose theme writes the
// post twice, one copy for wide screens and one for narrow ones, both
// shown (the stylesheet that picks one is not loaded): it is read once.
func TestFromHTMLPageTextLaidOutTwice(t *testing.T) {
	var post strings.Builder
	for _, p := range guideParas {
		h, body, _ := strings.Cut(p, "\n\n")
		fmt.Fprintf(&post, "<h2>%s</h2><p>%s</p>", strings.TrimPrefix(h, "## "), body)
	}
	page := `<!DOCTYPE html><html><head><title>How much to charge for a class | Example Studio Software</title>
<link rel="stylesheet" href="/theme.css"><script>window.__theme={"layout":"split"};</script></head><body>
<header><nav><a href="/">Example Studio</a> <a href="/pricing">Pricing</a> <a href="/login">Log in</a></nav></header>
<div class="layout"><div class="layout__wide"><article><h1>How much to charge for a class</h1>` + post.String() + `</article></div>
<div class="layout__narrow"><article><h1>How much to charge for a class</h1>` + post.String() + `</article></div></div>
<footer><p>© Example Studio Software</p></footer></body></html>`
	d, err := FromHTML(page, mustURL(t, "https://studio.example/blog/class-prices"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range guideParas {
		_, body, _ := strings.Cut(p, "\n\n")
		if n := strings.Count(d.Markdown, body); n != 1 {
			t.Errorf("section there %d times, want once: %.60q\n%s", n, body, d.Markdown)
		}
	}
}

// TestDropRepeatedRunsIsLinear: a page of many short repeated blocks
// (every run tried, none long enough to go) costs in proportion to its
// blocks: n/8 and n are timed.
func TestDropRepeatedRunsIsLinear(t *testing.T) {
	page := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "Item %d\n\nAdd to cart\n\nIn stock\n\n", i%3)
		}
		return b.String()
	}
	small, big := page(4000), page(32000)
	timeIt := func(page string) func() time.Duration {
		return func() time.Duration {
			start := time.Now()
			dropRepeatedRuns(page, &defaultConfig)
			return time.Since(start)
		}
	}
	ts, tb, ok := growsLinearly(timeIt(small), timeIt(big), 50*time.Millisecond)
	if !ok {
		t.Errorf("8x the blocks took %v against %v", tb, ts)
	}
}

// FuzzDropRepeatedRuns: any Markdown (and any run size the config
// asks) comes back as itself or as its own blocks, in order, some left
// out: never one added or changed.
func FuzzDropRepeatedRuns(f *testing.F) {
	text := strings.Join(guideParas, "\n\n")
	for _, s := range []string{"", text, text + "\n\n" + text, "a\n\nb\n\na\n\nb", "```\nx\n\nx\n```\n\nx\n\nx", "\n\n\n", "Ü ü\n\nü Ü\n\n" + text + "\n\n" + text} {
		f.Add(s, 3, 200)
	}
	f.Fuzz(func(t *testing.T, md string, minBlocks, minWords int) {
		cfg := defaultConfig
		cfg.RepeatRunMinBlocks, cfg.RepeatRunMinWords = minBlocks%8, minWords%400
		got := dropRepeatedRuns(md, &cfg)
		if got == md {
			return
		}
		in, out := markdownBlocks(md), markdownBlocks(got)
		k := 0
		for _, o := range out {
			for k < len(in) && md[in[k].start:in[k].end] != got[o.start:o.end] {
				k++
			}
			if k == len(in) {
				t.Fatalf("block %q is not one of the input's, in order:\n%q\n->\n%q", got[o.start:o.end], md, got)
			}
			k++
		}
		if len(out) >= len(in) {
			t.Fatalf("changed without dropping a block:\n%q\n->\n%q", md, got)
		}
	})
}

// TestDropRepeatedHeadingRuns: a run of entry headings a region shows
// again in the same order (a "Recent posts" widget under a blog's own
// list) goes; titles shared in another order, two titles again, or
// repeated text that is not headings stay.
func TestDropRepeatedHeadingRuns(t *testing.T) {
	posts := []string{
		"## [Planting garlic in late autumn for a June harvest](https://garden.example/garlic)",
		"## [Why my courgettes rot at the flower end](https://garden.example/courgettes)",
		"## [A cheap cold frame from two old windows](https://garden.example/cold-frame)",
	}
	join := func(blocks ...string) string { return strings.Join(blocks, "\n\n") }
	for _, tc := range []struct {
		name, md, want string
	}{
		{"widget repeats the list",
			join("#### Latest from the plot", posts[0], posts[1], posts[2], "#### Recent posts", posts[0], posts[1], posts[2], "#### Seed swaps"),
			join("#### Latest from the plot", posts[0], posts[1], posts[2], "#### Recent posts", "#### Seed swaps")},
		{"another order", join(posts[0], posts[1], posts[2], "#### Popular", posts[2], posts[0], posts[1]),
			join(posts[0], posts[1], posts[2], "#### Popular", posts[2], posts[0], posts[1])},
		{"two again", join(posts[0], posts[1], posts[2], "#### Popular", posts[0], posts[1]),
			join(posts[0], posts[1], posts[2], "#### Popular", posts[0], posts[1])},
		{"not headings", join("Sow thinly and water in.", "Cover with fleece on frosty nights.", "Lift when the leaves yellow.",
			"Sow thinly and water in.", "Cover with fleece on frosty nights.", "Lift when the leaves yellow."),
			join("Sow thinly and water in.", "Cover with fleece on frosty nights.", "Lift when the leaves yellow.",
				"Sow thinly and water in.", "Cover with fleece on frosty nights.", "Lift when the leaves yellow.")},
	} {
		if got := dropRepeatedHeadingRuns(tc.md, &defaultConfig); got != tc.want {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}

// TestDropCardCopies: a list item that shows its card twice (a phone and
// a desktop layout) keeps the first copy; an item whose heading comes
// again over new lines, a heading repeated outside list items and code
// stay.
func TestDropCardCopies(t *testing.T) {
	for _, tc := range []struct{ name, md, want string }{
		{"card twice",
			"# Online workshops\n\n- ### [Pricing a freelance project](/e/1)\n  \n  Tomorrow at 6:00 PM GMT\n  \n  Free\n  \n  Studio North\n  \n  ### [Pricing a freelance project](/e/1)\n  \n  Tomorrow at 6:00 PM GMT\n  \n  Free\n- ### [Bookkeeping for makers](/e/2)\n  \n  Sat, Apr 11, 10:00 AM\n  \n  ### [Bookkeeping for makers](/e/2)\n  \n  Sat, Apr 11, 10:00 AM\n\nMore events next week.",
			"# Online workshops\n\n- ### [Pricing a freelance project](/e/1)\n  \n  Tomorrow at 6:00 PM GMT\n  \n  Free\n  \n  Studio North\n  \n- ### [Bookkeeping for makers](/e/2)\n  \n  Sat, Apr 11, 10:00 AM\n  \n\nMore events next week."},
		{"heading again over new lines",
			"- ### Step one\n  \n  Mix the dry ingredients.\n  \n  ### Step one\n  \n  Then fold in the butter.",
			"- ### Step one\n  \n  Mix the dry ingredients.\n  \n  ### Step one\n  \n  Then fold in the butter."},
		{"outside list items", "### Opening hours\n\nMon-Fri 9-5\n\n### Opening hours\n\nMon-Fri 9-5",
			"### Opening hours\n\nMon-Fri 9-5\n\n### Opening hours\n\nMon-Fri 9-5"},
		{"code", "- ```\n  # build\n  make\n  # build\n  make\n  ```", "- ```\n  # build\n  make\n  # build\n  make\n  ```"},
	} {
		if got := dropCardCopies(tc.md); got != tc.want {
			t.Errorf("%s:\n%q\nwant\n%q", tc.name, got, tc.want)
		}
	}
}
