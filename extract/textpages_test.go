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

// servicePageParagraphs are the sections of a staffing firm's service page.
var servicePageParagraphs = []string{
	"Grow your business with skilled accountants, financial analysts and controllers who already know your systems and software.",
	"Small business or global enterprise, we help you hire the people you need, often within two working days, for a project or for good.",
	"Our recruiters pair years of placing finance staff with matching tools that find people whose experience fits the role you describe.",
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
<main><div class="cmp-container"><h1>Finance and accounting talent that counts</h1><p>` + servicePageParagraphs[0] + `</p></div>`)
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
