package extract

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestIsVoteLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"12 points by ana 3 hours ago | hide | past | 4 comments", true},
		{"1 point by k_moss 0 minutes ago | hide | past | discuss", true},
		{"via quillfox 2 days ago | 17 comments", true},
		{"38 votes submitted 5 hours ago by lena", true},
		{"posted 3 hours ago", false},                          // no count
		{"12 points", false},                                   // no time
		{"4 comments · 2 hours", false},                        // no "ago"
		{"Dinner at the harbour 12 points 3 hours ago", false}, // an entry's title and its line
		{"By Ines Marr, March 3, 2026 | 12 comments", false},
	}
	for _, tc := range tests {
		if got := isVoteLine(wordTokens(tc.line, nil), &defaultConfig); got != tc.want {
			t.Errorf("isVoteLine(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

func TestDropVoteLines(t *testing.T) {
	row := func(i int) string {
		return fmt.Sprintf(`<li><a href="/s/%d">A story title number %d about gardens</a><div class="meta"><span>%d points</span> by <a href="/u/%d">user%d</a> <a href="/s/%d">%d hours ago</a> | <a href="/s/%d">%d comments</a></div></li>`, i, i, i*3, i, i, i, i, i, i+2)
	}
	tests := []struct {
		name, in string
		keep     []string
		drop     []string
	}{
		{"a list of entries", "<ul>" + row(1) + row(2) + row(3) + row(4) + "</ul>",
			[]string{"story title number 1", "story title number 4"}, []string{"points", "comments", "hours ago"}},
		{"too few to be a list's", "<ul>" + row(1) + row(2) + "</ul>",
			[]string{"3 points", "6 points"}, nil},
		{"line inside a heading", `<h2>9 points 3 hours ago</h2><h2>4 points 2 hours ago</h2><h2>5 points 1 hours ago</h2>`,
			[]string{"9 points"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<body>" + tc.in + "</body>"))
			if err != nil {
				t.Fatal(err)
			}
			dropVoteLines(doc, &defaultConfig)
			got := textOf(doc)
			for _, w := range tc.keep {
				if !strings.Contains(got, w) {
					t.Errorf("lost %q: %q", w, got)
				}
			}
			for _, w := range tc.drop {
				if strings.Contains(got, w) {
					t.Errorf("kept %q: %q", w, got)
				}
			}
		})
	}
}

// aggregatorFrontPage is a small link aggregator's "newest" page, laid out
// as a table: a header row of links, then per entry a row with its rank,
// an empty vote arrow and its title (with the site it links to), and a row
// under it with its votes, submitter, age and actions; a "More" link ends
// it.
func aggregatorFrontPage() string {
	var rows strings.Builder
	for i, s := range [][2]string{
		{"A field guide to the mosses of city walls", "mossnotes.example"},
		{"Show TN: A tiny synthesizer that runs on a bus ticket printer", "github.example/penpal"},
		{"Why our build cache forgot everything on Tuesdays", "buildlog.example"},
		{"The last typewriter repair shop in the valley", "valleytimes.example"},
		{"Ask TN: How do you keep notes that survive ten years?", ""},
		{"Reverse engineering a 1990s pocket translator", "retroworks.example"},
	} {
		site := ""
		if s[1] != "" {
			site = fmt.Sprintf(` <span class="site">(<a href="/from?site=%s">%s</a>)</span>`, s[1], s[1])
		}
		fmt.Fprintf(&rows, `<tr class="entry"><td class="rank">%d.</td><td><a class="arrow" href="/vote?id=%d"></a></td><td class="title"><a href="https://%s/post-%d">%s</a>%s</td></tr>
<tr><td colspan="2"></td><td class="sub"><span class="score">%d points</span> by <a href="/user?id=tinker%d">tinker%d</a> <span class="age"><a href="/item?id=%d">%d minutes ago</a></span> | <a href="/hide?id=%d">hide</a> | <a href="/item?id=%d">%d comments</a></td></tr>
<tr class="spacer"></tr>
`, i+1, 900+i, s[1], i, s[0], site, 2+i*5, i, i, 900+i, 4+i*7, 900+i, 900+i, i*2+1)
	}
	body := `<center><table id="page"><tr><td><table class="top"><tr><td><a href="/"><b>Tinkerer News</b></a><a href="/newest">new</a> | <a href="/ask">ask</a> | <a href="/submit">submit</a></td><td><a href="/login">login</a></td></tr></table></td></tr>
<tr><td><table class="items">` + rows.String() + `<tr><td colspan="2"></td><td><a class="more" href="/newest?next=894">More</a></td></tr></table></td></tr></table></center>`
	return page(`<title>New Links | Tinkerer News</title>`, body)
}

func TestFromHTMLAggregatorVoteLines(t *testing.T) {
	d, err := FromHTML(aggregatorFrontPage(), mustURL(t, "https://news.tinkerer.example/newest"))
	if err != nil {
		t.Fatal(err)
	}
	text := StripMarkdownLinks(d.Markdown)
	for _, want := range []string{"A field guide to the mosses of city walls", "Why our build cache forgot everything on Tuesdays", "Reverse engineering a 1990s pocket translator"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, d.Markdown)
		}
	}
	for _, gone := range []string{"minutes ago", "points by", "hide"} {
		if strings.Contains(text, gone) {
			t.Errorf("keeps the vote lines (%q):\n%s", gone, d.Markdown)
		}
	}
}
