package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestRegionDraftIsTheFirstCopy: the region copy made beside trafilatura
// is what the first mainRegion call returns, and is the copy that call
// would have made; a second call copies afresh (the first may have been
// rendered since), and a page whose region has no words drafts none.
func TestRegionDraftIsTheFirstCopy(t *testing.T) {
	nav := `<header class="site-header"><nav><a href="/">Home</a> <a href="/shop">Shop</a> <a href="/blog">Blog</a></nav>` +
		`<div class="search"><form><input name="q"><button>Search</button></form></div></header>`
	foot := `<footer><p>© Lantern Works</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></footer>` +
		`<script>window.dataLayer = window.dataLayer || [];</script>`
	card := func(name, price string) string {
		return `<li class="product-card"><a href="/p/` + strings.ToLower(name) + `"><img src="/i/` + name + `.jpg" alt="` + name + `">` +
			`<h3>` + name + `</h3></a><span class="price">` + price + `</span><button>Add to cart</button></li>`
	}
	for _, tc := range []struct {
		name, page string
		drafted    bool
	}{
		{"listing", page(`<title>Lamps</title>`, nav+`<main><h1>Desk lamps</h1><ul class="products">`+card("Arc", "$40")+card("Beam", "$55")+
			card("Cone", "$32")+`</ul><div class="share-buttons"><a href="#">Share</a></div></main>`+foot), true},
		{"article", page(`<meta property="og:type" content="article">`, nav+`<article><h1>Wiring a lamp</h1><p>`+
			strings.Repeat("Strip the cord and tie an underwriter's knot before you fix the wires. ", 12)+`</p>`+
			`<aside class="related"><a href="/a">More guides</a></aside></article>`+foot), true},
		{"empty", page(`<title>Loading</title>`, `<div id="app"></div><script>start()</script>`), false},
	} {
		root, err := parseClean(tc.page)
		if err != nil {
			t.Fatal(err)
		}
		cfg := &defaultConfig
		meta := collectMeta(root)
		want := renderHTML(t, mainRegion(root, cfg))
		f := readRootFacts(root, meta, cfg)
		f.draftRegion()
		draft := f.draft
		if (draft != nil) != tc.drafted {
			t.Fatalf("%s: drafted %v, want %v", tc.name, draft != nil, tc.drafted)
		}
		meta.facts = f
		first := meta.mainRegion(root, cfg)
		if tc.drafted && first != draft {
			t.Errorf("%s: the first mainRegion call made its own copy, not the draft", tc.name)
		}
		if got := renderHTML(t, first); got != want {
			t.Errorf("%s: first copy\n%s\nwant\n%s", tc.name, got, want)
		}
		first.AppendChild(&html.Node{Type: html.TextNode, Data: "rendered since"}) // as renderRegion changes its copy
		second := meta.mainRegion(root, cfg)
		if second == first {
			t.Errorf("%s: the second call got the first's copy", tc.name)
		}
		if got := renderHTML(t, second); got != want {
			t.Errorf("%s: second copy\n%s\nwant\n%s", tc.name, got, want)
		}
	}
}

// TestRegionDraftOnlyForItsTree: facts read of another tree (or with
// another config) never hand their draft out.
func TestRegionDraftOnlyForItsTree(t *testing.T) {
	p := page(`<title>T</title>`, `<main><h1>Title</h1><p>`+strings.Repeat("Words of the page. ", 20)+`</p></main>`)
	root, _ := parseClean(p)
	other, _ := parseClean(p)
	meta := collectMeta(root)
	f := readRootFacts(root, meta, &defaultConfig)
	f.draftRegion()
	draft := f.draft
	meta.facts = f
	if got := meta.mainRegion(other, &defaultConfig); got == draft {
		t.Error("another tree's mainRegion took the draft")
	}
	cfg := defaultConfig
	if got := meta.mainRegion(root, &cfg); got == draft {
		t.Error("another config's mainRegion took the draft")
	}
	if got := meta.mainRegion(root, &defaultConfig); got != draft {
		t.Error("the draft was not kept for its own tree and config")
	}
}

func renderHTML(t *testing.T, n *html.Node) string {
	t.Helper()
	var b strings.Builder
	if err := html.Render(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
