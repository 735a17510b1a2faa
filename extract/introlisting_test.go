package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// courses are a club's training plans: a linked name and a summary cut
// short, as a listing shows them.
var courses = [][2]string{
	{"First 5K in eight weeks", "Three short runs a week, walking breaks that shrink each week, and a gentle race at the end for runners who have never raced before..."},
	{"Faster 5K", "For runners who finish a 5K already and want to take a minute off it with one interval session, one tempo run and one easy run a week..."},
	{"First 10K", "Ten weeks from a comfortable 5K to the 10K line, adding a little distance to the weekend run and a hill session every other week..."},
	{"10K personal best", "Two quality sessions a week, strides after the easy runs and a taper that leaves your legs fresh for the race morning you chose..."},
	{"Half marathon for beginners", "Twelve weeks of gradually longer weekend runs, with rest days placed so that the long runs never come on tired legs..."},
	{"Half marathon improver", "For a second or third half marathon: marathon-pace blocks inside the long run and a weekly threshold session on the flat..."},
	{"First marathon", "Eighteen weeks, four runs a week, one long run that peaks at twenty miles three weeks out, and cross-training on the other days..."},
	{"Marathon on three runs a week", "For busy runners: a long run, a tempo run and an interval session each week, with cycling or swimming on two other days..."},
	{"Masters marathon", "Built for runners over fifty: more recovery between the hard days, strength work twice a week and a longer taper at the end..."},
	{"Trail ultra, 50K", "Back-to-back weekend runs on hilly ground, time on feet instead of pace, and practice with the food and kit you will race in..."},
}

// coursesIntro is the coach's introduction above them: more prose than
// all the summaries, so the article path keeps it.
var coursesIntro = strings.Repeat(`<p>Helping runners reach the start line fit and the finish line smiling is what this club has done for thirty years. Every plan below was written by our coaches, tested by members of every age and pace, and revised each winter from what they told us about the weeks that felt too hard or too easy.</p>`, 5)

// introPage is a page calling itself an article in og:type: text (in
// its own block, or in the element wrap names), then entries.
func introPage(wrap, text, entries string) string {
	return page(`<title>Training plans | Harbour Runners</title><meta property="og:type" content="article"><script>window.dataLayer=[];</script>`,
		siteChrome(`<main><`+wrap+` class="page-content"><h1>Training plans</h1>`+text+`</`+wrap+`>`+entries+`</main>`))
}

func courseEntries(n int) string {
	var b strings.Builder
	b.WriteString(`<h2>All plans</h2><ul class="plan-list">`)
	for i, c := range courses[:n] {
		fmt.Fprintf(&b, `<li class="plan"><a href="/plans/%d">%s</a><p>%s</p></li>`, i, c[0], c[1])
	}
	b.WriteString(`</ul>`)
	return b.String()
}

func TestFromHTMLOgArticleListingWithIntro(t *testing.T) {
	// A page that calls itself an article (og:type, the site's default)
	// and opens with its intro: the plans under it are its content.
	d, err := FromHTML(introPage("div", coursesIntro, courseEntries(len(courses))), mustURL(t, "https://runners.example.org/plans"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Markdown, "thirty years") {
		t.Errorf("intro lost:\n%s", d.Markdown)
	}
	for _, c := range courses {
		if !strings.Contains(d.Markdown, c[0]) {
			t.Errorf("plan %q lost:\n%s", c[0], d.Markdown)
		}
	}
	for _, chrome := range []string{"We use cookies", "Privacy policy", "About us"} {
		if strings.Contains(d.Markdown, chrome) {
			t.Errorf("chrome %q kept:\n%s", chrome, d.Markdown)
		}
	}
}

func TestFromHTMLOgArticleStoryKeepsItsTextBesideTeasers(t *testing.T) {
	// A story with the same shape of teasers under it is still a story:
	// a few teasers (a rail), or teasers under a story marked up as an
	// <article> with its byline, caption, tags and author's box.
	storyParts := `<p class="byline">By Dana Whitfield, running correspondent, with reporting from the club's coaches and members at the Sunday session</p>
<figure><figcaption>Members of the club on the sea wall during the Sunday long run, which now starts half an hour earlier in summer</figcaption></figure>
<p class="tags">Filed under training, marathon, club news, coaching, race reports and the summer season</p>
<div class="author-box"><p>Dana Whitfield has written about amateur running for the local paper for twelve years and has finished nineteen marathons herself.</p></div>`
	for _, tc := range []struct {
		name, wrap, text, entries string
	}{
		{"six teasers", "div", coursesIntro, courseEntries(6)},
		{"ten teasers under a story marked up as an article", "article", coursesIntro + storyParts, courseEntries(len(courses))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := FromHTML(introPage(tc.wrap, tc.text, tc.entries), mustURL(t, "https://runners.example.org/news/plans"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(d.Markdown, "thirty years") {
				t.Errorf("story lost:\n%s", d.Markdown)
			}
			if strings.Contains(d.Markdown, "runners.example.org/plans/3") {
				t.Errorf("teasers kept as the page's entries:\n%s", d.Markdown)
			}
		})
	}
}

func TestIntroThenEntries(t *testing.T) {
	intro := "Helping runners reach the start line fit is what this club has done for thirty years, with plans for every age and pace.\n\nEvery plan below was written by our coaches and tested by members."
	var entries []string
	var md strings.Builder
	for i := 0; i < 8; i++ {
		e := fmt.Sprintf("Plan number %d for runners who want to train four days a week", i)
		entries = append(entries, e)
		fmt.Fprintf(&md, "- [Plan number %d](https://x.test/%d) for runners who want to train four days a week\n", i, i)
	}
	list := md.String()
	// A listing whose titles are headings of their own, each a word or
	// three, over a one-line summary.
	var headed []string
	md.Reset()
	for i, name := range []string{"Couch to 5K", "Faster 5K", "First 10K", "Hill strength", "Half marathon", "Trail basics", "Track Tuesdays", "Masters"} {
		summary := fmt.Sprintf("Plan %d: four sessions a week with one long run", i)
		headed = append(headed, name+" "+summary)
		fmt.Fprintf(&md, "### [%s](https://x.test/h%d)\n\n%s\n\n", name, i, summary)
	}
	headedList := md.String()
	other := "Filed under training, marathon, club news, coaching, race reports, the summer season and everything else the club does on Sundays."
	cfg := &defaultConfig
	for _, tc := range []struct {
		name    string
		md      string
		entries []string
		want    bool
	}{
		{"intro then entries", intro + "\n\n" + list, entries, true},
		{"entries before the intro", list + "\n\n" + intro, entries, false},
		{"other text beside them", intro + "\n\n" + other + "\n\n" + list, entries, false},
		{"entries with their titles in blocks of their own", intro + "\n\n" + headedList, headed, true},
		{"too few entries", intro + "\n\n" + list, entries[:5], false},
		{"no intro", list, entries, false},
	} {
		if got := introThenEntries(tc.md, intro, tc.entries, cfg); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestStoryElementShareFromConfig(t *testing.T) {
	// An <article> holding four of the article path's ten words is not the
	// story under the default share, and is one when the config asks for
	// less; one nested in a wrapper is found the same.
	root, err := parseClean(page("", `<main><div class="wrap"><article><p>one two three four</p></article></div><p>five six seven eight nine ten</p></main>`))
	if err != nil {
		t.Fatal(err)
	}
	low := defaultConfig
	low.IntroListingStoryShare = 0.3
	for _, tc := range []struct {
		name string
		cfg  *config
		want bool
	}{
		{"default share", &defaultConfig, false},
		{"a lower share", &low, true},
	} {
		if got := storyElement(root, 10, tc.cfg); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestFromHTMLOgArticleListingWithIntroIsLinear(t *testing.T) {
	// A hostile listing may hold thousands of entries under its long intro: the
	// entries are found once, the region rendered once, and each block of
	// it classed by lookups. Timed against an eighth of itself: linear work
	// grows 8×, entries × entries 64×.
	run := func(n int) time.Duration {
		var b strings.Builder
		b.WriteString(`<ul class="plan-list">`)
		for i := range n {
			c := courses[i%len(courses)]
			fmt.Fprintf(&b, `<li class="plan"><a href="/plans/%d">%s, group %d</a><p>%s</p></li>`, i, c[0], i, c[1])
		}
		b.WriteString(`</ul>`)
		// An intro long enough that the entries are not twice its words
		// (more is a listing by isListing alone): this rule decides.
		var intro strings.Builder
		for i := range n / 2 {
			fmt.Fprintf(&intro, `<p>Season %d: helping runners reach the start line fit and the finish line smiling is what this club has done for thirty years, with coaches who write every plan and members who test it in all weathers.</p>`, i)
		}
		in := introPage("div", intro.String(), b.String())
		start := time.Now()
		d, err := FromHTML(in, mustURL(t, "https://runners.example.org/plans"))
		took := time.Since(start)
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("group %d", n-1); !strings.Contains(d.Markdown, want) {
			t.Fatalf("the last entry (%q) lost", want)
		}
		return took
	}
	run(64)        // warm up
	const n = 3000 // 1 MB of HTML, under the input cap
	eighth, whole, ok := growsLinearly(func() time.Duration { return run(n / 8) }, func() time.Duration { return run(n) }, time.Second)
	t.Logf("%d entries: %v, an eighth of them: %v", n, whole, eighth)
	if !ok {
		t.Errorf("%d entries took %v, an eighth of them %v: want linear", n, whole, eighth)
	}
}
