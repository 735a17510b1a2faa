package extract

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestDropEmbedCodeBoxes(t *testing.T) {
	const code = `&lt;iframe src=&quot;https://radio.example.org/player/ep-7&quot; width=&quot;100%&quot; height=&quot;120&quot;&gt;&lt;/iframe&gt;`
	const shown = `<code>&lt;iframe src="https://radio.example.org/player/ep-7" width="100%" height="120"&gt;</code>`
	tests := []struct{ name, in, want string }{
		{"overlay with shown code", `<div class="tools"><a href="/ep-7.mp3">Download</a><div class="embed-box"><button>Close</button><label>Embed <input readonly value="` + code + `"></label>` + shown + `</div></div>`,
			"Download"},
		{"textarea and shown code", `<li><span>Share</span><div><textarea readonly>` + code + `</textarea><pre>` + shown + `</pre><span>Copy code</span></div></li>`,
			"Share"},
		{"field alone", `<div><p>Paste this on your site.</p><input readonly value="` + code + `"></div>`,
			"Paste this on your site."},
		{"shown code beside much text", `<div><p>To put the player on your own site, copy the code below into any page of your blog, where it shows as a small bar.</p><input readonly value="` + code + `">` + shown + `</div>`,
			`To put the player on your own site, copy the code below into any page of your blog, where it shows as a small bar.<iframe src="https://radio.example.org/player/ep-7" width="100%" height="120">`},
		{"a field of another kind", `<div><label>Email <input value="you@example.org"></label><code>&lt;b&gt;</code></div>`,
			"Email <b>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<body>" + tc.in + "</body>"))
			if err != nil {
				t.Fatal(err)
			}
			dropEmbedCodeBoxes(doc, &defaultConfig)
			if got := strings.TrimSpace(textOf(doc)); got != tc.want {
				t.Errorf("text = %q, want %q", got, tc.want)
			}
		})
	}
}

// episodeList is a radio show's page: a header, then its episodes, each a
// heading, a teaser and a player whose tools menu holds a download link
// and an embed box (the read-only field for the copy button and the code
// shown as text), then a footer.
func episodeList() string {
	var eps strings.Builder
	for i, e := range [][2]string{
		{"Why the river froze late this year", "Hydrologists explain what a warm autumn does to the ice, and who notices first."},
		{"The bakery that runs on leftover heat", "A town's server room warms the ovens next door; the baker walks us through a night shift."},
		{"Counting owls by ear", "Volunteers with recorders map a forest at night, one hoot at a time."},
		{"What a century of weather diaries tells us", "Three farmers wrote down the sky every morning; a climatologist reads their notebooks."},
	} {
		fmt.Fprintf(&eps, `<article class="episode"><h2><a href="/shows/field-notes/%d">%s</a></h2><p class="teaser">March %d, 2026 • %s</p>
<div class="player"><button class="play">Play</button><time>12-Minute Listen</time>
<ul class="more-tools"><li><a href="https://cdn.radio.example.org/audio/%d.mp3">Download</a></li>
<li><button class="embed">Embed</button><div class="embed-overlay"><button class="close"></button><label><b>Embed</b>
<input class="embed-url" readonly value="&lt;iframe src=&quot;https://radio.example.org/player/embed/%d&quot; width=&quot;100%%&quot; height=&quot;290&quot; frameborder=&quot;0&quot; title=&quot;Embedded audio player&quot;&gt;&lt;/iframe&gt;"></label>
<b class="embed-url"><code>&lt;iframe src="https://radio.example.org/player/embed/%d" width="100%%" height="290" frameborder="0" title="Embedded audio player"&gt;</code></b></div></li></ul></div></article>
`, i, e[0], 20-i, e[1], i, i, i)
	}
	body := siteChrome(`<main><h1>Field Notes</h1><p>Short stories from science, every weekday.</p>` + eps.String() + `</main>`)
	return page(`<title>Field Notes : Radio Example</title>`, body)
}

func TestFromHTMLEpisodeListWithoutEmbedCode(t *testing.T) {
	d, err := FromHTML(episodeList(), mustURL(t, "https://radio.example.org/shows/field-notes"))
	if err != nil {
		t.Fatal(err)
	}
	text := StripMarkdownLinks(d.Markdown)
	for _, want := range []string{"Why the river froze late this year", "Counting owls by ear", "one hoot at a time", "a climatologist reads their notebooks"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, d.Markdown)
		}
	}
	if strings.Contains(text, "iframe") || strings.Contains(text, "frameborder") {
		t.Errorf("keeps the embed code:\n%s", d.Markdown)
	}
}
