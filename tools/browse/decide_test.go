package browse

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
)

var testURL, _ = url.Parse("https://example.com/post")

// words repeats a sentence of prose to about n words.
func words(n int) string {
	const s = "The keeper climbed the tower stairs at dusk and lit the lamp for the night. "
	return strings.Repeat(s, max(1, n/15))
}

const chrome = `<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/about">About</a></nav></header>`
const footer = `<footer><p>© 2024 Example Media. All rights reserved.</p><a href="/privacy">Privacy</a></footer>`

// blogChrome is a blog's masthead, sidebar and footer around its <main>:
// prose, but only the site's chrome, and more than holeWords words of it
// in all, though no block of it reads as an article (the extractor finds
// no main text and falls back to the whole body).
func blogChrome(main string) string {
	return `<header class="masthead"><h2><a href="/">Notes from the Apiary</a></h2><p class="tagline">A beekeeper's diary from the allotment behind the railway, kept since 2011.</p>` +
		`<nav><a href="/">Home</a> <a href="/archive">Archive</a> <a href="/hives">The hives</a> <a href="/contact">Contact</a></nav></header>` +
		`<div class="layout"><main>` + main + `</main><aside class="sidebar">` +
		`<div class="widget about"><h3>About me</h3><p>I kept bees for a hobby while I delivered the post, and now that I have retired I keep twelve hives and far too many notebooks. This is where I write up the inspections and answer letters from people about to start their first colony.</p></div>` +
		`<div class="widget subscribe"><h3>Follow by email</h3><p>Leave your address and new posts arrive by email, about once a month. Nothing else is ever sent.</p><form><input type="email"><button>Follow</button></form></div>` +
		`<div class="widget archive"><h3>Archive</h3><ul><li><a href="/2024/06">June 2024</a> (3)</li><li><a href="/2024/05">May 2024</a> (5)</li></ul></div></aside></div>` +
		`<footer class="site-footer"><p>Words and photographs are the author's own; ask before reusing them. Comments are read before they appear.</p>` +
		`<p><a href="/feed.xml">RSS</a> · <a href="/privacy">Privacy</a></p></footer>`
}

func doc(t *testing.T, body string) *extract.Document {
	t.Helper()
	d, err := extract.FromHTML(body, testURL)
	if err != nil {
		t.Fatal(err)
	}
	return noscriptView(body, d, testURL)
}

func TestRenderReason(t *testing.T) {
	bundle := "<script>" + strings.Repeat("var a=function(e){return e+1};", 1500) + "</script>"
	article := "<article><h1>Lamps</h1><p>" + words(400) + "</p></article>"
	tests := []struct {
		name string
		html string
		want bool
	}{
		{"whole article with analytics", `<html><head><script>gtag('js')</script></head><body>` + chrome + article + footer + `</body></html>`, false},
		{"whole article, empty comments mount and Disqus noscript", `<html><body>` + chrome + article +
			`<div id="app"></div><noscript>Please enable JavaScript to view the comments powered by Disqus.</noscript>` + bundle + footer + `</body></html>`, false},
		{"whole article, loading comments", `<html><body>` + chrome + article + `<p>Loading comments…</p><script src="/c.js"></script>` + footer + `</body></html>`, false},
		{"server-rendered inside #__next", `<html><body><div id="__next">` + chrome + article + footer + `</div>` + bundle + `</body></html>`, false},
		{"short page without scripts", `<html><body>` + chrome + `<main><p>Opening hours: nine to five.</p></main>` + footer + `</body></html>`, false},
		{"placeholder next to chrome", `<html><body>` + chrome + `<main><div id="story">Loading…</div></main><aside><h3>Newsletter</h3><p>` + words(40) + `</p></aside><script>load()</script>` + footer + `</body></html>`, true},
		{"empty mount point", `<html><body>` + chrome + `<main><div id="root"></div></main>` + footer + `<script src="/main.js"></script></body></html>`, true},
		{"data-reactroot placeholder", `<html><body>` + chrome + `<div data-reactroot="">Loading</div><script src="/r.js"></script>` + footer + `</body></html>`, true},
		{"angular template", `<html><body ng-app="x">` + chrome + `<main><h1>{{ article.title }}</h1><p>{{ article.lede }}</p></main><script src="/ng.js"></script></body></html>`, true},
		{"noscript asks for JavaScript", `<html><body>` + chrome + `<main><div class="body"></div><noscript>This site requires JavaScript to work.</noscript></main><script>go()</script>` + footer + `</body></html>`, true},
		// A page-wide wrapper a script reveals is read over HTTP (extract
		// counts what a person sees after load), so no render is needed.
		{"content hidden until a script shows it", `<html><body><div style="visibility:hidden">` + chrome + article + `</div><script>document.body.firstChild.style.visibility=''</script></body></html>`, false},
		{"short text next to a large bundle", `<html><body>` + chrome + `<main><h1>Release 4.2</h1><p>` + words(70) + `</p></main>` + bundle + `</body></html>`, true},
		// No main text in the HTTP copy: the extractor falls back to the
		// whole body, whose sidebar has more than holeWords prose words;
		// the hole in <main> still says a script writes the article.
		{"empty mount point under a long sidebar", `<html><body>` + blogChrome(`<div id="root"></div>`) + `<script src="/main.js" defer></script></body></html>`, true},
		{"skeleton in main under a long sidebar", `<html><body>` + blogChrome(`<div id="story" class="story-skeleton"><div class="line"></div><div class="line short"></div></div>`) + `<script>setTimeout(draw, 400)</script></body></html>`, true},
		{"article in main beside a long sidebar", `<html><body>` + blogChrome(article) + `<script src="/main.js" defer></script></body></html>`, false},
		{"forum posts in a noscript view", `<html><body><section id="d-splash">Loading…</section><div id="main"></div><noscript><div id="main-outlet">` +
			strings.Repeat(`<div class="crawler-post"><span class="creator">ann</span><div class="post"><p>`+words(60)+`</p></div></div>`, 5) + `</div></noscript>` + bundle + `</body></html>`, false},
	}
	for _, tt := range tests {
		d := doc(t, tt.html)
		if got := renderReason(tt.html, d); (got != "") != tt.want {
			t.Errorf("%s: reason %q; want render %v (prose %d, scan %+v)", tt.name, got, tt.want, proseWords(d.Markdown), scanHTML(tt.html))
		}
	}
}

func TestDetectChallengeShapes(t *testing.T) {
	css := "<style>.g-recaptcha{margin:0}" + strings.Repeat(".a{color:red}\n", 6000) + "</style>"
	js := "<script>" + strings.Repeat("var x=1;", 9000) + "</script>"
	long := "<p>" + words(300) + "</p>"
	tests := []struct {
		name   string
		status int
		body   string
		want   string
	}{
		{"contact form with reCAPTCHA after 90 KB of CSS and JS", 200, "<html><head>" + css + js + "</head><body><h1>Contact</h1><p>" + words(120) +
			`</p><form><input name="email" type="email"><textarea></textarea><div class="g-recaptcha" data-sitekey="k"></div></form></body></html>`, ""},
		{"short contact form with reCAPTCHA", 200, `<html><body><h1>Contact us</h1><form><input name="name"><textarea></textarea><div class="g-recaptcha"></div><button>Send</button></form></body></html>`, ""},
		{"article with hCaptcha comment form", 200, "<html><head>" + js + "</head><body><article>" + long + `</article><form><textarea></textarea><div class="h-captcha"></div></form></body></html>`, ""},
		{"404 on a site with Cloudflare bot detection", 404, `<html><body><h1>Page not found</h1><p>` + words(60) + `</p><script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script></body></html>`, ""},
		{"article quoting the DuckDuckGo anomaly page", 200, `<html><body><article><p>DuckDuckGo answered "bots use DuckDuckGo too" to our scraper.</p>` + long + `</article></body></html>`, ""},
		{"Turnstile interstitial", 403, `<html><head><title>Just a moment...</title></head><body><h2>Verify you are human by completing the action below.</h2><div class="cf-turnstile"></div></body></html>`, "Cloudflare"},
		{"Cloudflare managed challenge", 403, `<html><body><script>window._cf_chl_opt={cvId:'3'}</script><noscript>Enable JavaScript and cookies to continue</noscript></body></html>`, "Cloudflare"},
		{"hCaptcha interstitial behind 90 KB of CSS", 200, "<html><head>" + css + js + `</head><body><h1>One more step</h1><p>Please complete the security check to access the site.</p><form><div class="h-captcha"></div><button>Continue</button></form></body></html>`, "captcha"},
		{"Google unusual traffic", 429, `<html><body><p>Our systems have detected unusual traffic from your computer network.</p><form><div class="g-recaptcha"></div></form></body></html>`, "captcha"},
	}
	for _, tt := range tests {
		if got := detectChallenge(tt.status, http.Header{}, tt.body); got != tt.want {
			t.Errorf("%s: %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestProseWords(t *testing.T) {
	tests := []struct {
		md   string
		want int
	}{
		{"", 0},
		{"One two three.", 3},
		{"- [Home](/)\n- [News](/news)\n- [Sport and leisure](/sport)", 0},
		{"Read the [full report](https://x/r) today.", 3},
		{"![a chart](https://x/c.png) Tides rise.", 2},
		{"Unclosed [bracket and more words", 5},
		{"[a [nested] link](https://x) after", 1},
	}
	for _, tt := range tests {
		if got := proseWords(tt.md); got != tt.want {
			t.Errorf("proseWords(%q) = %d; want %d", tt.md, got, tt.want)
		}
	}
}

func TestUnwrapNoscript(t *testing.T) {
	in := `<head><NOSCRIPT><style>a{}</style></NOSCRIPT></head><body><noscript data-path="/t/1"><p>post</p></noscript><p>noscripted words</p><noscript>x</noscript ></body>`
	want := `<head><div data-noscript><style>a{}</style></div></head><body><div data-noscript data-path="/t/1"><p>post</p></div><p>noscripted words</p><div data-noscript>x</div ></body>`
	if got := unwrapNoscript(in); got != want {
		t.Errorf("unwrapNoscript:\n got %s\nwant %s", got, want)
	}
}

func TestChooseRendered(t *testing.T) {
	pg := func(md string, rendered bool) *Page {
		return newPage("https://example.com/", "https://example.com/", 200, "text/html", rendered, &extract.Document{Markdown: md})
	}
	menus := "- [Home](/)\n- [News](/news)\n- [A very long headline in the most read list](/a/1)\n- [Another long headline in the list](/a/2)"
	tests := []struct {
		name         string
		http, render string
		wantRendered bool
	}{
		{"render has the article", "Loading…", words(300), true},
		{"menus do not outweigh a short article", menus + "\n\n" + menus + "\n\n" + menus, words(30), true},
		{"render lost the posts", words(300), "Something went wrong.", false},
		{"render empty", words(100), "", false},
		{"same text", words(100), words(100), true},
	}
	for _, tt := range tests {
		h, r := pg(tt.http, false), pg(tt.render, true)
		got, note := chooseRendered(h, r)
		if (got == r) != tt.wantRendered {
			t.Errorf("%s: chose rendered %v; want %v (note %q)", tt.name, got == r, tt.wantRendered, note)
		}
		if got == h && note == "" {
			t.Errorf("%s: HTTP kept without a note", tt.name)
		}
	}
}

func TestEmptyFallback(t *testing.T) {
	body := `<html><head><meta name="description" content="Tide tables for forty harbours."></head><body><div style="display:none">hidden</div></body></html>`
	p := newPage("https://example.com/", "https://example.com/", 200, "text/html", false, &extract.Document{})
	if !emptyFallback(p, body) || p.Doc.Markdown != "Tide tables for forty harbours." || p.TotalChars == 0 || !strings.Contains(p.Note, "no readable text") {
		t.Errorf("with a description: %+v", p)
	}
	p = newPage("https://example.com/", "https://example.com/", 200, "text/html", false, &extract.Document{})
	if emptyFallback(p, `<html><body></body></html>`) {
		t.Error("an empty page without a description passed as filled")
	}
	p = newPage("https://example.com/", "https://example.com/", 200, "text/plain", false, &extract.Document{})
	if !emptyFallback(p, "") {
		t.Error("an empty text file is what it is, not an HTML page to fill")
	}
}

func FuzzScanHTML(f *testing.F) {
	for _, s := range []string{`<div id="root"><div>Loading…</div></div>`, `<noscript><p>enable JavaScript</p>`, `<body ng-app><p>{{x}}</p>`, `<meta name="description" content="d"><script>x</script>`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sc := scanHTML(s)
		if sc.textLen < 0 || sc.scriptBytes < 0 || sc.textLen > len(s) {
			t.Fatalf("scan %+v of %d bytes", sc, len(s))
		}
		if u := unwrapNoscript(s); len(u) > 2*len(s)+32 {
			t.Fatalf("unwrapNoscript grew %d bytes to %d", len(s), len(u))
		}
		if n := proseWords(s); n > len(s) {
			t.Fatalf("proseWords %d > %d bytes", n, len(s))
		}
	})
}
