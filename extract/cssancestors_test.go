package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

func TestAncestorKeys(t *testing.T) {
	k := selectorKeyHash
	for _, tc := range []struct {
		sel  string
		want []uint64
	}{
		{".promo", nil},
		{"div.card", nil},
		{".sidebar a", []uint64{k('.', "sidebar")}},
		{"nav.menu > li.item a", []uint64{k('t', "li"), k('.', "item"), k('t', "nav"), k('.', "menu")}},
		{"#main .post.is-open p", []uint64{k('.', "post"), k('.', "is-open"), k('#', "main")}},
		{`.md\:flex .w-1\/2 span`, []uint64{k('.', "w-1/2"), k('.', "md:flex")}},
		// A sibling's compound is not an ancestor's: only what lies
		// beyond it towards the element counts.
		{".tabs .tab + .panel p", []uint64{k('.', "panel")}},
		{".a ~ .b", nil},
		// What a pseudo-class holds is not required; the compound's own
		// keys are.
		{".card:not(.featured) .price", []uint64{k('.', "card")}},
		{":not(.x) .y", nil},
		{".x:has(.a .b) .c", []uint64{k('.', "x")}},
		{"ul li:nth-child(2n+1) a", []uint64{k('t', "li"), k('t', "ul")}},
		{"* .x", nil},
		{":root .x", nil},
		// Quoted values can hold anything: no filter.
		{`[data-x="a .b"] .tip`, nil},
		{`.a[title="x"] .b`, nil},
	} {
		sel, err := cascadia.Parse(tc.sel)
		if err != nil {
			t.Fatalf("%s: %v", tc.sel, err)
		}
		got := ancestorKeys(sel.String())
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s (printed %q): %d keys %v, want %d %v", tc.sel, sel.String(), len(got), got, len(tc.want), tc.want)
		}
	}
}

// filterPage and filterSheet: a page of nested chrome and content, and
// rules of every combinator, for the filter's soundness tests.
const filterSheet = `
  .sidebar a, nav.menu > ul li.active a { color: red } #main .post p { display: none }
  .card:not(.featured) .price { opacity: 0 } .tabs > li + li a { color: blue } .x:has(.y) .z { top: 0 }
  section#content.wide article p { font-size: 0 } ul.tabs li:nth-child(2n+1) a { left: -9999px }
  .md\:hidden .w-1\/2 b { display: none } body   .grid > * i { visibility: hidden } .a ~ .b span { color: #fff }
  header nav a, footer .links a, .post .meta time, article .byline a { display: none }
  o\:p .x, a\.b > i { display: none }`

const filterPage = `<!doctype html><html><head></head><body class="home">
  <header><nav class="menu"><ul><li class="active"><a href="/">Home</a></li><li><a href="/x">X</a></li></ul></nav></header>
  <aside class="sidebar widget"><div><a href="/a">A</a></div></aside>
  <section id="content" class="wide"><article class="a b"><p>Intro <b>bold</b></p>
  <div id="main"><div class="post is-open"><p class="meta"><time>May</time></p><p>Body <a href="#">link</a></p></div></div>
  <div class="grid"><div class="card featured"><span class="price">9</span></div>
  <div class="card"><span class="price">12</span><i>note</i></div></div>
  <div class="md:hidden"><div class="w-1/2"><b>half</b></div></div>
  <div class="x"><span class="y">y</span><span class="z">z</span></div><div class="a"></div><div class="b"><span>s</span></div>
  <ul class="tabs"><li><a href="#1">1</a></li><li><a href="#2">2</a></li><li><a href="#3">3</a></li></ul>
  <p class="byline">By <a href="/me">me</a></p><o:p><span class="x">Word</span></o:p><a.b><i>odd</i></a.b></article></section>
  <footer><div class="links"><a href="/about">About</a></div></footer></body></html>`

// TestAncestorFilterNeverRejectsAMatch: for every element and every rule,
// a selector that matches is never filtered out, and the filter does
// reject most of what cannot match.
func TestAncestorFilterNeverRejectsAMatch(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(filterPage))
	if err != nil {
		t.Fatal(err)
	}
	st := &styles{rules: parseStylesheet(filterSheet, nil)}
	if len(st.rules) < 15 {
		t.Fatalf("only %d rules parsed", len(st.rules))
	}
	matched, rejected, tried := 0, 0, 0
	forElements(doc, func(n *html.Node) {
		for i, r := range st.rules {
			st.key(i)
			tried++
			may := st.mayMatch(i, st.ancestors(n))
			if !may {
				rejected++
			}
			if r.sel.Match(n) {
				matched++
				if !may {
					t.Errorf("rule %q matches <%s %v> but the filter rejects it", r.sel.String(), n.Data, n.Attr)
				}
			}
		}
	})
	if matched < 15 {
		t.Errorf("only %d matches: the page does not exercise the rules", matched)
	}
	if rejected < tried/2 {
		t.Errorf("the filter rejected %d of %d attempts: it does not filter", rejected, tried)
	}
}

// FuzzAncestorFilter: whatever the selector, the filter never rejects an
// element it matches.
func FuzzAncestorFilter(f *testing.F) {
	for _, s := range strings.Split(filterSheet, "}") {
		if sel, _, ok := strings.Cut(s, "{"); ok {
			f.Add(strings.TrimSpace(sel))
		}
	}
	f.Add(`[data-x="a .b"] .tip`)
	f.Add(`.a\ b .c`)
	doc, err := html.Parse(strings.NewReader(filterPage))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		group, err := cascadia.ParseGroup(src)
		if err != nil {
			return
		}
		st := &styles{}
		for _, s := range group {
			st.rules = append(st.rules, cssRule{sel: s})
		}
		forElements(doc, func(n *html.Node) {
			for i, r := range st.rules {
				st.key(i)
				if r.sel.Match(n) && !st.mayMatch(i, st.ancestors(n)) {
					t.Errorf("rule %q matches <%s %v> but the filter rejects it", r.sel.String(), n.Data, n.Attr)
				}
			}
		})
	})
}

func forElements(n *html.Node, f func(*html.Node)) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			f(c)
			forElements(c, f)
		}
	}
}
