package extract

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// blogParagraphs are the body of a framework-built blog post, used by the
// text-page tests below.
var blogParagraphs = []string{
	"We are releasing a small inference engine today, written in about five thousand lines of Python, that keeps the features a production server needs while staying readable from end to end.",
	"The scheduler overlaps the preparation of the next batch with the execution of the current one, so the processor is never idle while the accelerator works through a long prompt.",
	"Prefix caching keeps the attention state of shared prompt prefixes in a tree, and a request that starts like an earlier one reuses that state instead of computing it again.",
	"Long prompts are split into chunks of bounded size before they are processed, which caps the memory a single request can claim and keeps short requests flowing beside it.",
}

// fadeInPost is a page in the shape framework-built sites serve: the
// article inside a wrapper an animation library starts at opacity 0 (a
// script fades it in after load), a header with a menu that slides in,
// and the page's state as JSON in a script, which holds the post again
// and outweighs the visible text.
func fadeInPost() string {
	var body strings.Builder
	for _, p := range blogParagraphs {
		body.WriteString("<p>" + p + "</p>\n")
	}
	state, _ := json.Marshal(map[string]any{"props": map[string]any{"pageProps": map[string]any{
		"frontmatter": map[string]string{"title": "A small inference engine"},
		"content":     strings.Repeat(body.String(), 4),
	}}})
	return `<!DOCTYPE html><html><head><title>A small inference engine | Example Lab</title>
<meta property="og:type" content="article"></head><body>
<div id="__next"><nav class="flex"><a href="/">EXAMPLE LAB</a><a href="/blog">Blog</a><a href="/about">About</a></nav>
<div class="bm-menu-wrap" style="position:fixed;transform:translate3d(100%, 0, 0)" aria-hidden="true"><a href="/join">Join us</a></div>
<div class="" style="opacity:0"><main><h1>A small inference engine</h1><p class="byline">by The Team, Dec 17, 2025</p>
` + body.String() + `</main></div>
<footer><p>© 2025 Example Lab</p></footer></div>
<script id="__NEXT_DATA__" type="application/json">` + string(state) + `</script>
<script>console.log("` + strings.Repeat("x", 20000) + `")</script></body></html>`
}

// TestFadeInWrapperUnderAppState: a wrapper faded in after load holds
// most of what a person reads; the script text beside it, however long,
// is not text a person reads, so the wrapper's content stays.
func TestFadeInWrapperUnderAppState(t *testing.T) {
	d, err := FromHTML(fadeInPost(), mustURL(t, "https://lab.example/blog/small-engine"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range blogParagraphs {
		if !strings.Contains(d.Markdown, p) {
			t.Errorf("lacks %q:\n%s", p, d.Markdown)
		}
	}
	if strings.Contains(d.Markdown, "Join us") {
		t.Errorf("off-screen menu shown:\n%s", d.Markdown)
	}
}

// servicePageParagraphs are the sections of a staffing firm's service page.
var servicePageParagraphs = []string{
	"Bring in bookkeepers, payroll clerks and auditors who have worked with the ledgers and tools your team uses every day.",
	"Whether you run a shop of five or a firm of five thousand, we can have someone at a desk within the week, for a season or for good.",
	"Our consultants read every brief themselves and put forward only the people whose past work matches the job you describe.",
}

// TestNestedRevealWrappers: one rule hides every level of the layout
// (".cmp-container { visibility: hidden }") until the page's components
// load; the outer level holds most of the page, and the levels inside it
// are revealed with it, while an element hidden for good stays out.
func TestNestedRevealWrappers(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><title>Finance staffing | Example Staffing</title>
<style>.cmp-container { visibility: hidden; } .sr-tip { display: none }</style>
<script>window.dataLayer = [{"page": "` + strings.Repeat("finance staffing ", 200) + `"}];</script></head><body>
<div class="root cmp-container"><header><nav><a href="/">Example Staffing</a> <a href="/jobs">Find jobs</a></nav></header>
<main><div class="cmp-container"><h1>Finance staff for every season</h1><p>` + servicePageParagraphs[0] + `</p></div>`)
	for _, p := range servicePageParagraphs[1:] {
		b.WriteString(`<div class="cmp-container"><section><h2>Hire quickly</h2><p>` + p + `</p><span class="sr-tip">Tooltip never shown</span></section></div>`)
	}
	b.WriteString(`</main><footer>© Example Staffing</footer></div></body></html>`)
	d, err := FromHTML(b.String(), mustURL(t, "https://staffing.example/finance"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range servicePageParagraphs {
		if !strings.Contains(d.Markdown, p) {
			t.Errorf("lacks %q:\n%s", p, d.Markdown)
		}
	}
	if strings.Contains(d.Markdown, "Tooltip never shown") {
		t.Errorf("hidden tooltip shown:\n%s", d.Markdown)
	}
}

// readerComments are comments under a blog post; the last quotes the post.
var readerComments = []string{
	"I fell for the film long before I read the book, and the satire only landed for me years later when I finally did. It still holds up, and I think it holds up better now than it did when it came out.",
	"The powered suits are the part I miss most on screen; the novel spends pages on how they move and what they carry, and the film drops them entirely for a budget it did not have.",
	"My introduction to the genre was heavily weighted toward the old masters, and rereading them as an adult has been a mixed experience, though this one survived better than most of them.",
	"Even an accurate adaptation would have struggled to find an audience, because the book reads like an argument meant to be taken seriously, and a film of an argument is a hard sell.",
}

// blogWithComments is a blog post in the shape blogging platforms serve:
// the body class says the post has comments, the post itself, then the
// comment section (id "comments", an ordered comment list, the reply
// form), one comment quoting the post's closing line.
func blogWithComments() string {
	return blogWithTheseComments(append(readerComments, "“"+blogParagraphs[len(blogParagraphs)-1]+"” Exactly, and that is why I keep coming back to it."), "ol", "li")
}

// blogWithTheseComments is blogWithComments with these comments, each an
// item (element) of the comment list (list: its element).
func blogWithTheseComments(comments []string, list, item string) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><title>Comfort watch, day eighteen | Whatever</title><meta property="og:type" content="article"></head>
<body class="single single-post has-comments"><div id="wrap"><div id="masthead"><a href="/">Whatever</a></div>
<div class="post"><h1>Comfort watch, day eighteen</h1><div class="entry">`)
	for _, p := range blogParagraphs {
		b.WriteString("<p>" + p + "</p>")
	}
	b.WriteString(`</div><div id="comments" class="comments-wrapper"><h3>42 Responses</h3><` + list + ` class="commentlist">`)
	for i, c := range comments {
		fmt.Fprintf(&b, `<%s class="comment depth-1" id="li-comment-%d"><article class="comment"><footer class="comment-meta"><span class="comment-name">Reader %d</span> <a class="comment-time">December 18, 2025 at 9:%02d am</a></footer><div class="comment-content"><p>%s</p></div></article></%s>`, item, i, i, 10+i, c, item)
	}
	b.WriteString(`</` + list + `><div id="respond" class="comment-respond"><h3>Leave a Reply</h3><form><textarea></textarea></form></div></div></div>
<div id="sidebar"><h4>Recent comments</h4><ul><li>Reader 1 on Day seventeen</li></ul></div></div></body></html>`)
	return b.String()
}

// TestTrailingCommentsDropped: the readers' comments after a post are not
// the post; the post's own closing paragraph, though a comment quotes it,
// stays.
func TestTrailingCommentsDropped(t *testing.T) {
	d, err := FromHTML(blogWithComments(), mustURL(t, "https://whatever.example/2025/12/18/day-eighteen/"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range blogParagraphs {
		if !strings.Contains(d.Markdown, p) {
			t.Errorf("lacks %q:\n%s", p, d.Markdown)
		}
	}
	for _, c := range append(readerComments, "why I keep coming back", "Leave a Reply") {
		if strings.Contains(d.Markdown, c) {
			t.Errorf("kept comment text %q:\n%s", c, d.Markdown)
		}
	}
}

// TestTrailingCommentsQuotingThePost: among the comments (each a block
// of its own: the list is of divs), one quotes the post's opening
// paragraph whole and one is a single word; neither ends the comment
// section, and the post's own paragraphs all stay.
func TestTrailingCommentsQuotingThePost(t *testing.T) {
	var comments []string
	for i := range 6 {
		comments = append(comments, fmt.Sprintf("%s (%d)", readerComments[i%len(readerComments)], i))
		if i == 1 {
			comments = append(comments, "“"+blogParagraphs[0]+"”", "Agreed.")
		}
	}
	d, err := FromHTML(blogWithTheseComments(comments, "div", "div"), mustURL(t, "https://whatever.example/2025/12/18/day-eighteen/"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range blogParagraphs {
		if !strings.Contains(d.Markdown, p) {
			t.Errorf("lacks %q:\n%s", p, d.Markdown)
		}
	}
	if n := strings.Count(d.Markdown, blogParagraphs[0]); n != 1 {
		t.Errorf("the quoted paragraph is there %d times, want once:\n%s", n, d.Markdown)
	}
	for _, c := range append(readerComments[:3], "Agreed", "Leave a Reply") {
		if strings.Contains(d.Markdown, c) {
			t.Errorf("kept comment text %q:\n%s", c, d.Markdown)
		}
	}
}

// FuzzDropTrailingComments: whatever the Markdown and the comment
// section's text, the result is the Markdown or a shorter start of it.
func FuzzDropTrailingComments(f *testing.F) {
	post := strings.Join(blogParagraphs, "\n\n")
	for _, s := range [][2]string{{post + "\n\n" + strings.Join(readerComments, "\n\n"), strings.Join(readerComments, " ")}, {"", "x y z w"}, {"Agreed.\n\n" + post, post}, {"a b c d\n\na b c d", "a b c d"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, md, section string) {
		set := shingleSet(wordTokens(section, nil))
		got := dropTrailingComments(md, set, &defaultConfig)
		if !strings.HasPrefix(md, got) || (got != md && wordCount(stripLinks(got)) < defaultConfig.ArticleMinWords) {
			t.Fatalf("dropTrailingComments(%q) = %q", md, got)
		}
	})
}
