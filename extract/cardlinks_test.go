package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// coaches are the entries of a directory page whose cards are each one
// link: a name, a fee, a headline (the card's title) and a bio.
var coaches = [][3]string{
	{"Amira H.", "Patient algebra coach for adult learners", "I spent twelve years teaching evening classes to adults returning to study, and I start every course by finding the gaps a school left behind."},
	{"Bruno T.", "Calculus explained with drawings first", "Every limit and derivative starts as a sketch on paper before it becomes a formula, which is how most of my students finally see why the rules work."},
	{"Chen L.", "Statistics for nursing and health students", "I help students in health programmes read studies with confidence, from confidence intervals to the pitfalls of small samples in clinical trials."},
	{"Dara M.", "Exam preparation in linear algebra", "We work through past papers together and build a notebook of worked examples you can revise from in the last weeks before the exam."},
	{"Elif S.", "Discrete maths for computing courses", "Proof by induction, graphs and counting arguments are where computing students struggle most, so that is where our first sessions go."},
	{"Femi O.", "Probability with games and simulations", "Dice, cards and small programs turn abstract probability into experiments you can run, and the formulas then follow from what you observed."},
	{"Greta V.", "Mathematics for economics degrees", "Optimisation, matrices and a little real analysis: I focus on the parts of an economics degree that the lectures cover fastest and assume most."},
	{"Hugo R.", "Geometry and trigonometry refreshers", "Short, focused sessions for students who need their trigonometry back before a physics or engineering module begins next term."},
	{"Ines P.", "Number theory for the curious", "For students who enjoy the puzzles behind primes and congruences, with problems chosen from olympiad training and first year courses."},
	{"Jonas K.", "Differential equations step by step", "Separable, linear and systems of equations, each with the physical problem it models, so that the methods stay attached to a reason."},
}

// cardDirectory is a directory page whose results are card links, with
// the site's chrome, a toolbar, pagination and a script around them.
func cardDirectory() string {
	var b strings.Builder
	b.WriteString(`<main><section class="results"><p class="eyebrow">Get one-to-one help</p><h1>The best maths coaches online</h1>
<div class="toolbar"><button>Filters</button><select><option>Sort by rating</option></select></div><div class="results-list">`)
	for i, c := range coaches {
		fmt.Fprintf(&b, `<a class="coach-card" href="/coaches/%d"><div class="photo"><img src="/p/%d.jpg" alt=""></div><div class="bio"><div class="name">%s</div><strong class="fee">$%d/hour</strong><h3 class="headline">%s</h3><p>%s</p></div><div class="stats"><span>4.%d</span> <span>(%d reviews)</span></div></a>`,
			i, i, c[0], 40+5*i, c[1], c[2], i, 20+i*7)
	}
	b.WriteString(`</div><nav class="pagination"><a href="?page=2">Next page</a></nav></section></main><script>window.__results = {"page": 1};</script>`)
	return page(`<title>Maths coaches | Learn</title>`, siteChrome(b.String()))
}

// cardStory is a story with a rail of card-link teasers under it.
func cardStory() string {
	var b strings.Builder
	b.WriteString(`<main><article><h1>Night classes return to the harbour library</h1>`)
	for i := 0; i < 6; i++ {
		b.WriteString(`<p>The harbour library reopened its evening classroom on Monday after a winter of repairs, and the first course to fill was the adult numeracy class, which the library runs with volunteers from the college every Tuesday and Thursday.</p>`)
	}
	b.WriteString(`</article><div class="more">`)
	for i, c := range coaches[:6] {
		fmt.Fprintf(&b, `<a class="teaser" href="/news/%d"><h3>%s</h3><p>Read the interview.</p></a>`, i, c[1])
	}
	b.WriteString(`</div></main>`)
	return page(`<title>Night classes return | Learn</title>`, siteChrome(b.String()))
}

// TestCardLinksAreEntries: a card drawn as one link around a heading and
// a line about the item is an entry, although all its words are link
// text, and its heading is its title. On such a page the article
// extractors keep the bios (the densest prose) and drop the names and
// headlines: with the cards read as entries, the page is a listing. A
// story's rail of card links is still no listing beside the story.
func TestCardLinksAreEntries(t *testing.T) {
	var bios []string
	for _, c := range coaches {
		bios = append(bios, c[2])
	}
	story := strings.Repeat("The harbour library reopened its evening classroom on Monday after a winter of repairs, and the first course to fill was the adult numeracy class, which the library runs with volunteers from the college every Tuesday and Thursday.\n\n", 6)
	for _, tc := range []struct {
		name, html, articleMD string
		entries               int
		titles                []string
		listing               bool
	}{
		{name: "directory of card links", html: cardDirectory(), articleMD: strings.Join(bios, "\n\n"),
			entries: len(coaches), titles: []string{coaches[0][1], coaches[9][1]}, listing: true},
		{name: "story beside card-link teasers", html: cardStory(), articleMD: story,
			entries: 6, titles: []string{coaches[0][1]}, listing: false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := parseClean(tc.html)
			if err != nil {
				t.Fatal(err)
			}
			region := mainRegion(root, &defaultConfig)
			_, titles, _ := findEntries(region, &defaultConfig)
			if len(titles) != tc.entries {
				t.Fatalf("%d entries, want %d: %q", len(titles), tc.entries, titles)
			}
			for _, want := range tc.titles {
				if !slices.ContainsFunc(titles, func(got string) bool { return strings.TrimSpace(got) == want }) {
					t.Errorf("no entry titled %q: %q", want, titles)
				}
			}
			if got := isListing(region, tc.articleMD, false, &defaultConfig); got != tc.listing {
				t.Errorf("isListing = %v, want %v", got, tc.listing)
			}
		})
	}
}
