package extract

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestStyleBlocks(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		want       []string
	}{
		{"head and body", `<head><style>a{color:red}</style></head><body><STYLE media="all">.x{top:0}</STYLE></body>`,
			[]string{"a{color:red}", ".x{top:0}"}},
		// A sheet for other screens reads as nothing, one for a desktop
		// among others as its @media block (mediaSheet).
		{"media", `<style media="print">.p{}</style><style MEDIA='(min-width: 1000px)'>.d{}</style><style media=&quot;x>.q{}</style>`,
			[]string{"", "@media (min-width: 1000px) {\n.d{}\n}", ""}},
		{"attributes and spacing", "<style\n type=text/css>p{}</style ><style/>q{}</style\t>", []string{"p{}", "q{}"}},
		{"empty style", `<style></style><style>b{}</style>`, []string{"b{}"}},
		{"comment", `<!-- <style>.c{}</style> --><style>d{}</style>`, []string{"d{}"}},
		{"script string", `<script>var s = "<style>.e{}</style>";</script><style>f{}</style>`, []string{"f{}"}},
		{"noscript and textarea", `<noscript><style>.n{}</style></noscript><textarea><style>.t{}</style></textarea><style>g{}</style>`,
			[]string{"g{}"}},
		{"end tag inside text", `<style>h::after{content:"</styles>"}</style>`, []string{`h::after{content:"</styles>"}`}},
		{"line breaks", "<style>i{}\r\nj{}\rk{}</style>", []string{"i{}\nj{}\nk{}"}},
		{"unclosed", `<style>l{}`, nil},
		{"no styles", `<p>styled text</p>`, nil},
	} {
		if got := styleBlocks(tc.page); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestEarlySheetIsTheTreesSheet: the sheets read from the source are the
// sheets the tree holds, so the early parse is used; where they differ
// (a <style> inside SVG decodes its entities; a <noscript> view is opened
// into the page), it is not, and the page is cleaned the same either way.
func TestEarlySheetIsTheTreesSheet(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		early      bool
	}{
		{"plain", `<html><head><style>.ad{display:none}</style></head><body><p>Text</p><div class="ad">Buy</div><style>.x{top:0}</style></body></html>`, true},
		{"media", `<html><head><style media="print">p{display:none}</style><style media="(min-width: 900px)">.ad{display:none}</style></head><body><p>Text</p><div class="ad">Buy</div></body></html>`, true},
		{"svg", `<body><svg><style>.s{fill:&#x72;ed}</style></svg><style>.ad{display:none}</style><p class="ad">Buy</p><p>Text</p></body>`, false},
	} {
		early := startSheetParse(tc.page)
		parsed, err := html.Parse(strings.NewReader(tc.page))
		if err != nil {
			t.Fatal(err)
		}
		var sheets strings.Builder
		forElements(parsed, func(n *html.Node) {
			if n.Data == "style" && n.FirstChild != nil {
				addSheetText(&sheets, mediaSheet(getAttr(n, "media"), n.FirstChild.Data))
			}
		})
		if _, _, _, ok := early.rulesFor(sheets.String()); ok != tc.early {
			t.Errorf("%s: early parse used %v, want %v", tc.name, ok, tc.early)
		}
		doc := parseWithEarly(t, tc.page, early)
		if with, without := renderTree(t, doc), renderTree(t, parseWithEarly(t, tc.page, nil)); with != without {
			t.Errorf("%s: cleaned differently with the early parse:\n%s\nwithout:\n%s", tc.name, with, without)
		}
		if strings.Contains(renderTree(t, doc), "Buy") {
			t.Errorf("%s: the hidden advert is still there", tc.name)
		}
	}
}

// FuzzEarlySheet: whatever the page, cleaning with the early parse gives
// the tree cleaning without it gives.
func FuzzEarlySheet(f *testing.F) {
	for _, s := range []string{
		`<style>.a{display:none}</style><p class=a>x</p><p>y</p>`,
		"<style>.b{color:#fff}\r\n</style><svg><style>.c{}</style></svg><noscript><style>.d{}</style></noscript>",
		`<script>"<style>"</script><style>.e{opacity:0}</style><p class=e>z</p><!--<style>-->`,
		`<style>`, `<style></style`, `<STYLE>x{}</STYLE ><style/>y{}</style>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		page = prepareInput(page)
		with, without := renderTree(t, parseWithEarly(t, page, startSheetParse(page))), renderTree(t, parseWithEarly(t, page, nil))
		if with != without {
			t.Errorf("cleaned differently with the early parse:\n%s\nwithout:\n%s", with, without)
		}
	})
}

// parseWithEarly parses and cleans page as parseClean does, with the
// given early parse (nil: none).
func parseWithEarly(t *testing.T, page string, early *earlySheet) *html.Node {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	cleanParsed(doc, early)
	return doc
}

func renderTree(t *testing.T, n *html.Node) string {
	var b bytes.Buffer
	if err := html.Render(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestEarlyRuleKeysAreTheLazyOnes: the keys the early parse makes for
// every rule are those styles.key makes for a rule when first asked, and
// applyStyles takes them with the early rules.
func TestEarlyRuleKeysAreTheLazyOnes(t *testing.T) {
	page := `<html><head><style>
#main .card > a:hover{color:red} nav.site ul li{display:none}
.promo,.promo-banner{opacity:0} article p + p{margin-top:-2000px}
[data-x="a b"] span{visibility:hidden} div#side.col-4 .w\:full{left:-9999px}
:is(.a,.b) i{font-size:0} body *{clip:rect(0 0 0 0)} table td:nth-child(2n+1){width:1px}
</style></head><body><div id="main"><p>Text</p></div></body></html>`
	early := startSheetParse(page)
	early.wait()
	rules, keys, anc, ok := early.rulesFor(early.src)
	if !ok || len(rules) < 9 {
		t.Fatalf("early parse: ok %v, %d rules", ok, len(rules))
	}
	lazy := &styles{rules: rules}
	named := 0
	for i := range rules {
		if keys[i].kind == 1 {
			t.Errorf("rule %d (%s): no early key, though it sets a property the cascade asks for", i, rules[i].sel.String())
			continue
		}
		if got := lazy.key(i); got != keys[i] {
			t.Errorf("rule %d (%s): early key %+v, lazy %+v", i, rules[i].sel.String(), keys[i], got)
		}
		if !slices.Equal(lazy.anc[i], anc[i]) {
			t.Errorf("rule %d (%s): early ancestor keys %v, lazy %v", i, rules[i].sel.String(), anc[i], lazy.anc[i])
		}
		if keys[i].kind != 0 && len(anc[i]) > 0 {
			named++
		}
	}
	if named < 4 {
		t.Errorf("%d rules with a key and ancestor keys: the sheet says little", named)
	}
	// A rule that sets none of those properties gets its keys when asked:
	// the early keys then are what styles.key makes without them.
	early = startSheetParse(`<style>.a .b{margin:0} #c{padding:1px} .d{display:none}</style>`)
	early.wait()
	rules, keys, anc, _ = early.rulesFor(early.src)
	st := &styles{rules: rules, keys: keys, anc: anc}
	if keys[0].kind != 1 || keys[1].kind != 1 || keys[2].kind == 1 {
		t.Fatalf("early keys %+v: want the two layout rules left to styles.key", keys)
	}
	for i := range rules {
		fresh := &styles{rules: rules}
		if got, want := st.key(i), fresh.key(i); got != want || !slices.Equal(st.anc[i], fresh.anc[i]) {
			t.Errorf("rule %d: key %+v %v, without the early keys %+v %v", i, got, st.anc[i], want, fresh.anc[i])
		}
	}
}
