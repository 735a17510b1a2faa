package extract

import (
	"fmt"
	"strings"
	"testing"
)

// Pages in the shapes WCXB's page types take on the web, written here:
// each carries the chrome its kind of site wraps around the content.

// siteChrome is the header, navigation and footer of an ordinary site.
func siteChrome(content string) string {
	return `<header class="site-header"><a href="/">Acme</a>
<nav><ul><li><a href="/products">Products</a></li><li><a href="/blog">Blog</a></li><li><a href="/about">About us</a></li></ul></nav>
<form role="search"><input type="search" placeholder="Search"><button>Go</button></form></header>` +
		content +
		`<div id="cookie-banner"><p>We use cookies to improve your experience on our website and for marketing.</p><button>Accept all</button></div>
<footer class="site-footer"><p>Acme Inc., 12 Harbour Road, Springfield. Registered in England.</p>
<ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of service</a></li></ul></footer>`
}

// forumPosts are the posts of a thread: author, date, body.
var forumPosts = [][3]string{
	{"marta_k", "2025-03-02", "My backup script stops after the first directory when the path contains a space. I tried quoting the variable but rsync still reports that the second half of the name is not a directory."},
	{"devon", "2025-03-02", "Quote the variable where you call rsync, not where you assign it: the shell splits it again at the call site. Using an array for the arguments avoids the problem entirely."},
	{"marta_k", "2025-03-03", "Switching to an array worked. For the record, the loop over the directories also needed IFS set to a newline because one of the folder names ends with a tab."},
	{"lee", "2025-03-04", "Another option is find with -print0 piped into xargs -0, which handles every odd character a file name can hold, including newlines, without changing IFS at all."},
}

func discoursePosts() string {
	var b strings.Builder
	for i, p := range forumPosts {
		fmt.Fprintf(&b, `<div class="topic-body crawler-post" id="post_%d"><div class="crawler-post-meta">
<span class="creator"><a href="/u/%s"><span itemprop="name">%s</span></a></span>
<time datetime="%sT10:00:00Z" class="post-time">%s</time></div>
<div class="post" itemprop="text"><p>%s</p></div>
<div class="crawler-post-infos"><span>%d Likes</span></div></div>`, i+1, p[0], p[0], p[1], p[1], p[2], i+2)
	}
	return b.String()
}

func TestFromHTMLForumThreadInNoscriptView(t *testing.T) {
	// Discourse's shape: an app shell that scripts fill, and the whole
	// thread for readers without JavaScript inside <noscript>.
	body := `<section id="main"><div class="loading-container"><p>Loading…</p></div></section>
<noscript data-path="/t/rsync-path-with-spaces/4242"><header class="d-header"><a href="/">Example Forum</a></header>
<div id="main-outlet"><h1><a href="/t/rsync-path-with-spaces/4242">rsync stops at a path with a space</a></h1>` +
		discoursePosts() + `</div><footer class="noscript-footer-nav"><a href="/">Home</a> <a href="/categories">Categories</a></footer></noscript>
<noscript><img src="/pixel.gif"></noscript>`
	d, err := FromHTML(page(`<title>rsync stops at a path with a space - Example Forum</title>`, body), mustURL(t, "https://forum.example.org/t/rsync-path-with-spaces/4242"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range forumPosts {
		if !strings.Contains(d.Markdown, p[2][:60]) {
			t.Errorf("post by %s lost:\n%s", p[0], d.Markdown)
		}
	}
	if strings.Contains(d.Markdown, "Loading") {
		t.Errorf("app shell text kept:\n%s", d.Markdown)
	}
}

func TestFromHTMLNoscriptNoticeBesideRealBody(t *testing.T) {
	body := siteChrome("<main><article>"+articleBody+"</article></main>") +
		`<noscript><div class="notice"><p>Please enable JavaScript in your browser settings to use every feature of this site, including comments and the interactive maps.</p></div></noscript>`
	d, err := FromHTML(page("<title>Bike lanes</title>", body), nil)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(d.Markdown, "enable JavaScript") {
		t.Errorf("noscript notice beside a real body reached the content:\n%s", d.Markdown)
	}
	if !strings.Contains(d.Markdown, "protected bike lanes") {
		t.Errorf("article lost:\n%s", d.Markdown)
	}
}

func TestFromHTMLStaticForumThread(t *testing.T) {
	// A phpBB-like thread: posts as repeated sibling blocks with an
	// author, a date, a vote widget and a reply button.
	var b strings.Builder
	b.WriteString(`<main><h1>rsync stops at a path with a space</h1><div class="topic">`)
	for _, p := range forumPosts {
		fmt.Fprintf(&b, `<div class="post"><div class="postprofile"><a href="/member/%s">%s</a> <time datetime="%s">%s</time></div>
<div class="content"><p>%s</p></div><div class="votes"><button>▲</button><span>3</span><button>▼</button></div>
<button class="reply">Reply</button></div>`, p[0], p[0], p[1], p[1], p[2])
	}
	b.WriteString(`</div></main><aside class="sidebar"><h3>Popular threads</h3><ul><li><a href="/t/1">Which NAS for a small office?</a></li><li><a href="/t/2">Printer drivers on ARM laptops</a></li></ul></aside>`)
	d, err := FromHTML(page("<title>rsync stops at a path with a space</title>", siteChrome(b.String())), mustURL(t, "https://forum.example.org/t/4242"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range forumPosts {
		if !strings.Contains(d.Markdown, p[2][:60]) {
			t.Errorf("post by %s lost:\n%s", p[0], d.Markdown)
		}
	}
	for _, chrome := range []string{"Popular threads", "Reply", "We use cookies", "Privacy policy"} {
		if strings.Contains(d.Markdown, chrome) {
			t.Errorf("chrome %q kept:\n%s", chrome, d.Markdown)
		}
	}
}

func TestFromHTMLProductPage(t *testing.T) {
	content := `<main><div class="product"><div class="gallery"><img src="/kettle.jpg" alt="Steel kettle, front view"></div>
<div class="product-info"><h1>Harbour Steel Kettle 1.7 L</h1><p class="price">$49.00</p>
<form action="/cart/add"><label>Colour</label><select><option>Steel</option><option>Black</option></select>
<input type="number" value="1"><button type="submit">Add to cart</button></form>
<div class="description"><p>A brushed steel kettle that boils a full litre in under three minutes and switches itself off when the water boils or the base runs dry.</p>
<p>The lid opens with one press and the limescale filter lifts out for rinsing.</p></div>
<h2>Specifications</h2><table><tr><th>Capacity</th><td>1.7 litres</td></tr><tr><th>Power</th><td>2200 W</td></tr><tr><th>Weight</th><td>1.1 kg</td></tr></table>
</div></div></main>`
	d, err := FromHTML(page(`<title>Harbour Steel Kettle 1.7 L | Acme</title><meta property="og:type" content="product">`, siteChrome(content)), mustURL(t, "https://shop.example.com/kettle"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Title+d.Markdown, "Harbour Steel Kettle") {
		t.Errorf("product title lost: %q\n%s", d.Title, d.Markdown)
	}
	for _, want := range []string{"$49.00", "boils a full litre", "limescale filter", "2200 W", "1.7 litres", "Weight"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("product part %q lost:\n%s", want, d.Markdown)
		}
	}
	for _, chrome := range []string{"Add to cart", "We use cookies", "About us", "Privacy policy"} {
		if strings.Contains(d.Markdown, chrome) {
			t.Errorf("chrome %q kept:\n%s", chrome, d.Markdown)
		}
	}
}

func TestFromHTMLListing(t *testing.T) {
	entries := []struct{ title, summary string }{
		{"Release 4.2: faster imports", "Imports of large archives now run in parallel."},
		{"Release 4.1: a new query planner", "Joins on indexed columns pick better plans."},
		{"Release 4.0: plugins", "Third parties can add storage back ends."},
		{"Release 3.9: audit log", "Every change to a record is kept with its author."},
		{"Release 3.8: dark mode", "The interface follows the system colour scheme."},
		{"Release 3.7: shared views", "Saved filters can be shared with a team."},
		{"Release 3.6: webhooks", "External services hear about new records at once."},
		{"Release 3.5: bulk edits", "Many records change in one step."},
	}
	var b strings.Builder
	b.WriteString(`<main><h1>Releases</h1><div class="cards">`)
	for i, e := range entries {
		fmt.Fprintf(&b, `<div class="card"><h3><a href="/releases/%d">%s</a></h3><p>%s</p></div>`, i, e.title, e.summary)
	}
	b.WriteString(`</div><nav class="pagination"><a href="?page=2">Next page</a></nav></main>`)
	d, err := FromHTML(page("<title>Releases</title>", siteChrome(b.String())), mustURL(t, "https://example.com/releases"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.Contains(d.Markdown, e.title) || !strings.Contains(d.Markdown, e.summary) {
			t.Errorf("entry %q lost:\n%s", e.title, d.Markdown)
		}
	}
	if !strings.Contains(d.Markdown, "(https://example.com/releases/3)") {
		t.Errorf("entry link lost:\n%s", d.Markdown)
	}
	for _, chrome := range []string{"Next page", "We use cookies", "Terms of service"} {
		if strings.Contains(d.Markdown, chrome) {
			t.Errorf("chrome %q kept:\n%s", chrome, d.Markdown)
		}
	}
}

func TestFromHTMLDocsPage(t *testing.T) {
	content := `<div class="docs-layout"><nav class="docs-sidebar"><ul><li><a href="/docs/install">Install</a></li><li><a href="/docs/config">Configuration</a></li><li><a href="/docs/cli">Command line</a></li></ul>
<select class="version-picker"><option>v3.2</option><option>v3.1</option></select></nav>
<main><article><h1>Configuration</h1><p>The server reads its settings from a TOML file at start-up; every key can also be set from the environment, which takes precedence over the file.</p>
<h2>Example</h2><pre><code>[server]
listen = "127.0.0.1:8080"
workers = 4</code></pre>
<div class="admonition warning"><p>Changing workers requires a restart; the server does not reload this key while it runs.</p></div>
<h2>Keys</h2><table><tr><th>Key</th><th>Default</th><th>Meaning</th></tr><tr><td>listen</td><td>:8080</td><td>address to bind</td></tr><tr><td>workers</td><td>2</td><td>request handlers</td></tr></table>
<p>Keys the server does not know are reported at start-up and otherwise ignored, so a typo never stops the service.</p>
<p><a href="https://github.com/acme/server/edit/main/docs/config.md">Edit this page</a></p></article></main>
<aside class="toc"><p>On this page</p><ul><li><a href="#example">Example</a></li><li><a href="#keys">Keys</a></li></ul></aside></div>`
	d, err := FromHTML(page("<title>Configuration - Acme Server docs</title>", siteChrome(content)), mustURL(t, "https://docs.example.com/docs/config"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"```", `listen = "127.0.0.1:8080"`, "workers = 4", "requires a restart", "| listen |", "typo never stops", "## Keys"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("docs part %q lost:\n%s", want, d.Markdown)
		}
	}
	for _, chrome := range []string{"Command line", "v3.1", "On this page", "We use cookies"} {
		if strings.Contains(d.Markdown, chrome) {
			t.Errorf("chrome %q kept:\n%s", chrome, d.Markdown)
		}
	}
}

func TestHasChromeName(t *testing.T) {
	tests := []struct {
		attr string
		want bool
	}{
		{"cookie-banner", true},
		{"site_footer", true},
		{"shareButtons", true},
		{"breadcrumb", true},
		{"post-content", false},
		{"navigator-map", false}, // "nav" inside a longer word is not navigation
		{"menuItem", true},
		{"", false},
		{"product description", false},
	}
	for _, tc := range tests {
		if got := nameKinds(tc.attr, chromeNameKinds, chromeName) != 0; got != tc.want {
			t.Errorf("chrome or widget name %q = %v, want %v", tc.attr, got, tc.want)
		}
	}
}
