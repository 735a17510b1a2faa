package extract

import (
	"encoding/json"
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
