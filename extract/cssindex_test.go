package extract

import (
	"strings"
	"testing"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

func TestSelectorKey(t *testing.T) {
	for _, tc := range []struct {
		sel  string
		want ruleKey
	}{
		{"div", ruleKey{'t', "div"}},
		{".promo", ruleKey{'.', "promo"}},
		{"#site-nav", ruleKey{'#', "site-nav"}},
		{"nav.menu > li.item a", ruleKey{'t', "a"}},
		{"ul.menu > li.item.is-open", ruleKey{'.', "item"}},
		{"section#main.wide", ruleKey{'#', "main"}},
		{".card:not(.is-open)", ruleKey{'.', "card"}},
		{":not(.visible)", ruleKey{}},
		{"*", ruleKey{}},
		{".grid > *", ruleKey{}},
		{`input[type="checkbox"]`, ruleKey{'t', "input"}},
		{`[data-x="a b.c"] .tip`, ruleKey{'.', "tip"}},
		{`.a[title="x y"]`, ruleKey{'.', "a"}},
		{`.md\:hidden`, ruleKey{'.', "md:hidden"}},
		{`.w-1\/2`, ruleKey{'.', "w-1/2"}},
		{`li:nth-child(2n+1)`, ruleKey{'t', "li"}},
		{`.x:has(.a .b)`, ruleKey{'.', "x"}},
		{`.q[title='say "hi']`, ruleKey{}},
	} {
		sel, err := cascadia.Parse(tc.sel)
		if err != nil {
			t.Fatalf("%s: %v", tc.sel, err)
		}
		if got := selectorKey(sel.String()); got != tc.want {
			t.Errorf("%s (printed %q): key %+v, want %+v", tc.sel, sel.String(), got, tc.want)
		}
	}
}

// TestRuleIndexFindsEveryMatch: for every element of a page, every rule
// that matches it is among the rules the index offers, each once.
func TestRuleIndexFindsEveryMatch(t *testing.T) {
	sheet := `
	  body { color: #222 } .md\:hidden { display: none } .w-1\/2 { width: 50% }
	  #masthead .logo, header nav > ul li.active a { color: red }
	  .card:not(.featured) .price { font-weight: bold } .card.featured { border: 1px solid }
	  [aria-expanded="true"] + .panel { display: block } input[type="search"] { width: 1px }
	  ul.tabs > li:nth-child(2n+1) { float: left } :root { --x: 1 } * { box-sizing: border-box }
	  .grid > * { margin: 0 } p:first-child::first-line { color: blue } .a.b.c { top: 0 }
	  section#content.wide article { max-width: 60em } .x:has(.y .z) { opacity: .5 }
	  o\:p { display: none } a\.b.note { color: red }`
	page := `<!doctype html><html><head><style>` + sheet + `</style></head><body>
	  <header id="masthead"><a class="logo" href="/">Shop</a><nav><ul><li class="active"><a href="/">Home</a></li>
	  <li class=" item  active	md:hidden"><a href="/x">X</a></li></ul></nav></header>
	  <section id="content" class="wide"><article class="a b c"><p>Intro</p>
	  <div class="grid"><div class="card featured"><span class="price">9</span></div>
	  <div class="card card"><span class="price">12</span></div><div class="w-1/2 x"><i class="y"><b class="z">z</b></i></div></div>
	  <button aria-expanded="true">More</button><div class="panel">Panel</div>
	  <form><input type="search" name="q"></form><ul class="tabs"><li>A</li><li>B</li><li>C</li></ul>
	  <o:p>Word</o:p><a.b class="note">odd</a.b></article></section></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	rules := parseStylesheet(sheet, nil)
	if len(rules) < 16 {
		t.Fatalf("only %d rules parsed", len(rules))
	}
	ix := newRuleIndex()
	for i, r := range rules {
		ix.add(i, selectorKey(r.sel.String()))
	}
	matched := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			offered := map[int]int{}
			ix.each(c, func(i int) { offered[i]++ })
			for i, r := range rules {
				if offered[i] > 1 {
					t.Errorf("rule %q offered %d times for <%s>", r.sel.String(), offered[i], c.Data)
				}
				if r.sel.Match(c) {
					matched++
					if offered[i] == 0 {
						t.Errorf("rule %q matches <%s %v> but the index did not offer it", r.sel.String(), c.Data, c.Attr)
					}
				}
			}
			walk(c)
		}
	}
	walk(doc)
	if matched < 20 {
		t.Errorf("only %d matches: the page does not exercise the rules", matched)
	}
}

// TestClassHides: the hiding utility classes are found wherever they sit
// in the attribute, whatever the ASCII spacing (tabs, newlines) and case.
// A no-break or em space joins two words into one class, as it does in a
// browser: .hidden does not match "card\u00a0hidden".
func TestClassHides(t *testing.T) {
	for _, tc := range []struct {
		class string
		want  bool
	}{
		{"hidden", true}, {"btn d-none", true}, {"  card\tSR-ONLY\n", true},
		{"card\u00a0hidden", false}, {"x\u2003visually-hidden y", false}, {"x\u2003y visually-hidden", true},
		{"hiddenish", false}, {"card hidden-xs", false}, {"", false}, {"   ", false},
	} {
		if got := classHides(tc.class); got != tc.want {
			t.Errorf("classHides(%q) = %v, want %v", tc.class, got, tc.want)
		}
	}
}
