package extract

import (
	"net/url"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// hintPages are written for this test: a blog post whose author only its
// byline box names (trafilatura's DOM scan finds it), a shop page with
// its own JSON-LD (an author in it, no section), a post whose metadata
// names a section and tags already, and a fragment with no head in the
// source (html.Parse adds one).
var hintPages = map[string]string{
	"dom author": `<!doctype html><html lang="en"><head><title>Winter pruning of apple trees | Orchard Notes</title>
<meta name="viewport" content="width=device-width"><link rel="stylesheet" href="/site.css"></head>
<body><header class="site-header"><nav><a href="/">Home</a> <a href="/archive">Archive</a></nav></header>
<main><article class="post"><h1>Winter pruning of apple trees</h1>
<div class="byline">By <a class="author" rel="author" href="/people/mara">Mara Lindqvist</a>, 12 January</div>
<p>Prune on a dry day once the leaves are down and the buds are still closed, so the cuts heal before sap rises.</p>
<p>Take out dead and crossing wood first, then open the centre so light reaches the fruiting spurs in summer.</p>
<p>Never remove more than a quarter of the canopy in one winter: the tree answers hard cuts with a thicket of water shoots.</p>
<p class="tags">Filed under <a href="/tag/fruit" rel="tag">fruit</a>, <a href="/tag/winter" rel="tag">winter</a></p></article></main>
<footer class="footer"><p>Text licensed <a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a></p></footer></body></html>`,
	"shop with json-ld": `<html><head><title>Walnut desk organiser</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Walnut desk organiser","brand":{"@type":"Brand","name":"Hollow Oak"}}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Review","author":{"@type":"Person","name":"Jonas Berg"},"reviewBody":"Sturdy."}</script>
</head><body><div class="product"><h1>Walnut desk organiser</h1><p class="price">€48.00</p>
<p>Three trays and a phone slot cut from one oiled walnut board; felt feet keep it from scratching the desk.</p>
<p>Each piece is finished by hand, so the grain and the colour differ a little from the photographs.</p>
<button>Add to basket</button></div></body></html>`,
	"declared section": `<html><head><title>Tidal power in small estuaries</title>
<meta property="article:section" content="Energy"><meta property="article:tag" content="tides">
<meta name="author" content="Ines Okafor"></head><body><article>
<h1>Tidal power in small estuaries</h1><p>Low-head turbines can run in estuaries too shallow for a barrage, and the fish pass through them at slow blade speeds.</p>
<p>The catch is maintenance: silt and weed foul the intakes, and a season of storms can bury a turbine in sand.</p></article></body></html>`,
	"no head": `<p>Only a paragraph, saved without its page around it, long enough that an extractor keeps it as the text.</p>`,
}

// TestTrafilaturaHintChangesNothingWeRead: with the hint in the head,
// trafilatura's content and author and readability's article and byline
// are what they are without it, trafilatura reports the placeholder
// lists (so it took them instead of scanning), and removing the hint
// leaves the tree as it was.
func TestTrafilaturaHintChangesNothingWeRead(t *testing.T) {
	base, _ := url.Parse("https://example.org/page")
	for name, page := range hintPages {
		t.Run(name, func(t *testing.T) {
			parse := func() *html.Node {
				doc, err := parseClean(page)
				if err != nil {
					t.Fatal(err)
				}
				return doc
			}
			plain, hinted := parse(), parse()
			before := renderHinted(t, hinted)
			remove := addTrafilaturaHint(hinted)

			want, err := trafilatura.ExtractDocument(plain, trafilaturaOpts(base))
			if err != nil {
				t.Fatal(err)
			}
			got, err := trafilatura.ExtractDocument(hinted, trafilaturaOpts(base))
			if err != nil {
				t.Fatal(err)
			}
			if g, w := renderHinted(t, got.ContentNode), renderHinted(t, want.ContentNode); g != w {
				t.Errorf("trafilatura's content with the hint:\n%s\nwithout:\n%s", g, w)
			}
			if got.Metadata.Author != want.Metadata.Author || got.Metadata.Title != want.Metadata.Title {
				t.Errorf("trafilatura's author, title with the hint %q, %q; without %q, %q",
					got.Metadata.Author, got.Metadata.Title, want.Metadata.Author, want.Metadata.Title)
			}
			if name == "dom author" && !strings.Contains(want.Metadata.Author, "Lindqvist") {
				t.Errorf("trafilatura's author %q: the byline box was to be found by its DOM scan", want.Metadata.Author)
			}
			if !slices.Contains(got.Metadata.Categories, "-") || !slices.Contains(got.Metadata.Tags, "-") {
				t.Errorf("categories %q, tags %q: trafilatura did not read the hint", got.Metadata.Categories, got.Metadata.Tags)
			}

			rdWant, errW := runReadability(cloneNode(plain), base)
			rdGot, errG := runReadability(cloneNode(hinted), base)
			if (errW == nil) != (errG == nil) {
				t.Fatalf("readability's error with the hint %v, without %v", errG, errW)
			}
			if errW == nil {
				if rdGot.author != rdWant.author {
					t.Errorf("readability's byline with the hint %q, without %q", rdGot.author, rdWant.author)
				}
				if g, w := renderHinted(t, rdGot.node), renderHinted(t, rdWant.node); g != w {
					t.Errorf("readability's article with the hint:\n%s\nwithout:\n%s", g, w)
				}
			}

			remove()
			if after := renderHinted(t, hinted); after != before {
				t.Errorf("tree after removing the hint:\n%s\nbefore adding it:\n%s", after, before)
			}
		})
	}
}

// TestTrafilaturaHintWithoutHead: a tree without <head> (not one
// html.Parse makes) gets no hint, and its remover does nothing.
func TestTrafilaturaHintWithoutHead(t *testing.T) {
	doc := &html.Node{Type: html.DocumentNode}
	p := &html.Node{Type: html.ElementNode, Data: "p"}
	doc.AppendChild(p)
	addTrafilaturaHint(doc)()
	if doc.FirstChild != p || p.NextSibling != nil || p.FirstChild != nil {
		t.Error("the tree changed")
	}
}

func renderHinted(t *testing.T, n *html.Node) string {
	t.Helper()
	if n == nil {
		return "<nil>"
	}
	var b strings.Builder
	if err := html.Render(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// BenchmarkTrafilaturaHint: trafilatura's CPU time on each WCXB page's
// tree (as mainContent gives it), without and with the hint.
func BenchmarkTrafilaturaHint(b *testing.B) {
	pages := loadWCXBHTML(b)
	trees := make([]*html.Node, len(pages))
	for i, s := range pages {
		var err error
		if trees[i], err = parseClean(s); err != nil {
			b.Fatal(err)
		}
	}
	base, _ := url.Parse("https://example.org/page")
	for _, hinted := range []bool{false, true} {
		b.Run(map[bool]string{false: "plain", true: "hinted"}[hinted], func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			b.ReportAllocs()
			var cpu time.Duration
			for i := 0; i < b.N; i++ {
				doc := trees[i%len(trees)]
				remove := func() {}
				if hinted {
					remove = addTrafilaturaHint(doc)
				}
				start := threadCPU()
				_, _ = runTrafilatura(doc, base)
				cpu += threadCPU() - start
				remove()
			}
			b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
		})
	}
}
