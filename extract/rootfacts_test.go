package extract

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestRootFactsAreTheDecisionsAnswers: the facts read beside trafilatura
// are what the decisions compute without them, on a thread, a shop page
// and an article; and with them in pageMeta the decisions give the same
// answers.
func TestRootFactsAreTheDecisionsAnswers(t *testing.T) {
	post := func(who, day, text string) string {
		return `<div class="post"><span class="author">` + who + `</span><time datetime="2024-05-0` + day + `">May ` + day +
			`</time><p>` + text + ` ` + strings.Repeat("more words about the question at hand ", 4) + `</p></div>`
	}
	for _, tc := range []struct {
		name, page      string
		shop, wantPosts bool
	}{
		{"thread", page("<title>Q</title>", `<main><h1>Boot fails</h1>`+post("ann", "1", "It fails.")+post("bob", "2", "Try safe mode.")+
			post("cy", "3", "Same here.")+`</main><footer><a href="/">Home</a></footer>`), false, true},
		{"shop", page(`<script type="application/ld+json">{"@type":"Product","name":"Lamp"}</script>`,
			`<main><h1>Lamp</h1><p>A desk lamp.</p><button>Add to cart</button></main>`), true, false},
		{"article", page(`<meta property="og:type" content="article">`,
			`<article itemscope itemtype="https://schema.org/NewsArticle"><h1>News</h1><p>`+strings.Repeat("Story text. ", 40)+`</p></article>`), false, false},
	} {
		root, err := parseClean(tc.page)
		if err != nil {
			t.Fatal(err)
		}
		meta := collectMeta(root)
		cfg := &defaultConfig
		f := readRootFacts(root, meta, cfg)
		if meta.facts != nil {
			t.Fatalf("%s: readRootFacts changed meta", tc.name)
		}
		if want := structuredTypes(meta, root); !slices.Equal(f.types, want) {
			t.Errorf("%s: types %q, want %q", tc.name, f.types, want)
		}
		if want := isShop(root, meta, &defaultConfig); f.shop != want || f.shop != tc.shop {
			t.Errorf("%s: shop %v, computed %v, want %v", tc.name, f.shop, want, tc.shop)
		}
		n, pageLevel := regionRoot(root, cfg)
		rw, own, _ := regionWords(n, pageLevel, cfg)
		if f.rw != rw || f.rwOwn != own || rw == 0 {
			t.Errorf("%s: region words %d/%d, want %d/%d (nonzero)", tc.name, f.rw, f.rwOwn, rw, own)
		}
		if f.hasPosts != tc.wantPosts {
			t.Errorf("%s: posts read %v, want %v", tc.name, f.hasPosts, tc.wantPosts)
		}
		if f.hasPosts && (!slices.Equal(f.posts, findPosts(root, cfg)) || len(f.posts) < 3) {
			t.Errorf("%s: %d posts, want findPosts' %d (at least 3)", tc.name, len(f.posts), len(findPosts(root, cfg)))
		}
		meta.facts = f
		if got := structuredTypes(meta, root); !slices.Equal(got, f.types) {
			t.Errorf("%s: with facts, types %q", tc.name, got)
		}
		if isShop(root, meta, &defaultConfig) != tc.shop {
			t.Errorf("%s: with facts, shop %v", tc.name, !tc.shop)
		}
		other := &html.Node{Type: html.DocumentNode}
		if a, o := meta.regionWords(other, cfg); a != 0 || o != 0 {
			t.Errorf("%s: another tree's region words came from the facts: %d/%d", tc.name, a, o)
		}
	}
}
