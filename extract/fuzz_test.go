package extract

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFromHTML: any bytes as a page give a document or an error, never a
// panic (not even one FromHTML recovers from), and the output stays valid
// UTF-8 and bounded by the input.
func FuzzFromHTML(f *testing.F) {
	for _, s := range []string{
		`<html><head><title>T</title></head><body><article><h1>A</h1><p>Text <a href="/x">link</a>.</p></article></body></html>`,
		`<p>one<p>two<table><tr><td>cell<td>cell</table><ul><li>a<li>b</ul>`,
		`<div style="display:none">hidden</div><p hidden>x</p><p aria-hidden=true>y</p><p>visible</p>`,
		"<p>zero\u200bwidth \u202ebidi</p>\xff\xfe<p>bad utf-8</p>",
		strings.Repeat("<div>", 2000) + "deep" + strings.Repeat("</div>", 2000),
		`<a href="javascript:alert(1)">x</a><a href="//evil.example/">y</a><img src=x onerror=alert(1)>`,
		`<pre><code>` + strings.Repeat("`", 50) + `</code></pre><script>while(1){}</script><style>p{}</style>`,
		`<svg><foreignObject><p>in svg</p></foreignObject></svg><math><mi>x</mi></math><template><p>t</p></template>`,
		// Streamed segments, nested and cyclic; tab panels; entries.
		`<main><!--$?--><template id="B:0"></template><p>Loading</p><!--/$--></main><div hidden id="S:0"><p>a</p><template id="B:0"></template></div><div hidden id="S:1"><template id="B:1"></template></div>`,
		`<button role="tab" aria-controls="p q p">T</button><div id="p" role="tabpanel" hidden style="display:none;;height:0"><p hidden>x</p></div><div id="q" data-extract-panel>y</div>`,
		`<ul><li class="c"><a href="/1">One item</a> $1</li><li class="c"><a href="/2">Two item</a> $2</li><li class="c"><a href="/3">Three</a> $3</li><li class="c"><a href="/4">Four</a> $4</li></ul><h2>You may also like</h2><p>x</p>`,
		// Selectors the rule index keys (escaped names, quoted values, odd quotes, :not/:has).
		`<style>.md\:hidden{display:none}#a\-b .c>p{color:#fff}[title="x y"] .t{opacity:0}.q[title='a"b'] i{font-size:0}:not(.v) b{left:-9999px;position:absolute}.x:has(.y .z){display:none}</style><div id="a-b" class="md:hidden"><p class="c">x</p></div><p class="t" title="x y">t</p><div class=" c	md:hidden "><i class="q">q</i><b>b</b></div>`,
		"", "<", "<!--", "<![CDATA[x]]>", "<base href='http://other.example/'><a href=y>z</a>",
	} {
		f.Add(s)
	}
	base, _ := url.Parse("https://example.org/dir/page")
	f.Fuzz(func(t *testing.T, html string) {
		doc, err := FromHTML(html, base)
		if err != nil {
			if strings.Contains(err.Error(), "panic") {
				t.Fatalf("FromHTML panicked: %v", err)
			}
			return
		}
		// Links are made absolute, so short relative hrefs grow; nothing
		// else should multiply the input.
		limit := 8*len(html) + 64*len(doc.Links) + 4096
		if n := len(doc.Markdown) + len(doc.Title); n > limit {
			t.Fatalf("%d bytes of HTML gave %d bytes of output", len(html), n)
		}
		if !utf8.ValidString(doc.Markdown) || !utf8.ValidString(doc.Title) {
			t.Fatalf("invalid UTF-8 in the output")
		}
		for _, l := range doc.Links {
			if u, err := url.Parse(l.URL); err != nil || !u.IsAbs() {
				t.Fatalf("link %q is not absolute", l.URL)
			}
		}
	})
}
