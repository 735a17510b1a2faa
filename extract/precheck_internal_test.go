package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// isQuestionByWords is the definition isQuestion implements: it builds
// the block's text for every small block (isQuestion first asks whether
// any of its text holds a question mark).
func isQuestionByWords(n *html.Node, cfg *config) bool {
	if !smallSubtree(n, maxQuestionNodes) {
		return false
	}
	w := wordsOf(n, cfg.FAQQuestionMaxBytes)
	if len(w) > cfg.FAQQuestionMaxBytes || !(strings.HasSuffix(w, "?") || strings.HasSuffix(w, "？") || strings.HasSuffix(w, "؟")) {
		return false
	}
	return !holdsLink(n)
}

// labelLinesByText is the definition labelLines implements: it collapses
// the text of every short element (labelLines first asks whether a
// line without a colon could be one at all).
func labelLinesByText(n *html.Node, cfg *config, out []cardLine) []cardLine {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || skipsCards[c.DataAtom] {
			continue
		}
		raw, short := textUpTo(c, lineBytes*cfg.CardLineWords)
		if !short {
			out = labelLinesByText(c, cfg, out)
			continue
		}
		text := collapseSpace(raw)
		if label, value, ok := readLabelLine(c, text, cfg); ok && onlyLine(c, text, cfg) {
			if !holdsDate(c) {
				out = append(out, cardLine{n: c, label: label, value: value})
			}
			continue
		}
		if text != "" {
			out = labelLinesByText(c, cfg, out)
		}
	}
	return out
}

// precheckPage holds the shapes the two pre-checks branch on: questions
// whose mark sits in a nested element, in other scripts' marks, in a
// script only, after trailing spaces and no-break spaces, behind a
// link; label lines with the colon in an element of its own, a
// definition list with no colon, blocks of only white space, long text.
const precheckPage = `<html><body>
<div class="faq">
  <div><span>Can I return</span> <em>a kettle?</em></div><div hidden>Within 30 days.</div>
  <p>Where is my order？</p><p>Track it from your account.</p>
  <span>هل يمكنني الإرجاع؟</span>
  <strong>Is it safe? </strong><b>Is it safe?&nbsp;</b>
  <div>Shipping<script>var q = "?";</script></div>
  <p><a href="/faq">What is new?</a></p>
  <p>Not a question. Or is it? No.</p>
  <div>` + "\u00a0\u2003" + `</div><div> </div><dt>Why?</dt><dd>Because.</dd>
</div>
<div class="post">
  <div class="card"><a href="/u/ada">Ada Lind</a>
    <div>Joined: Aug 30, 2020</div><div>Posts<b>:</b> 1,204</div>
    <div><span>Location:</span> Dorran</div>
    <dl><dt>Messages</dt><dd>312</dd></dl><dl><dt>Likes:</dt><dd>9</dd><dt>x</dt><dd>y</dd></dl>
    <div>Member</div><div>` + "\u00a0" + `</div>
    <p>Ratio: 1:2 and a sentence that is far too long to be any card's line at all, running on and on past the bound of words a line may have.</p>
  </div>
  <p>The kettle arrived dented: the box was fine.</p>
</div>
</body></html>`

func TestPrechecksMatchTheirDefinitions(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(precheckPage))
	if err != nil {
		t.Fatal(err)
	}
	cfg := &defaultConfig
	questions := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			got, want := isQuestion(n, cfg), isQuestionByWords(n, cfg)
			if got != want {
				t.Errorf("isQuestion(<%s> %q) = %v, its definition says %v", n.Data, textOf(n), got, want)
			}
			if want {
				questions++
			}
			if got, want := labelLines(n, cfg, nil), labelLinesByText(n, cfg, nil); !slices.Equal(got, want) {
				t.Errorf("labelLines(<%s>) = %v, its definition says %v", n.Data, got, want)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	// The page must exercise both sides of each check.
	if questions < 5 {
		t.Errorf("%d question blocks on the page, want at least 5", questions)
	}
	lines := labelLinesByText(doc, cfg, nil)
	labels := map[string]bool{}
	for _, l := range lines {
		labels[l.label] = true
	}
	for _, want := range []string{"joined", "posts", "location", "messages"} {
		if !labels[want] {
			t.Errorf("no %q line among %v", want, lines)
		}
	}
	if findFirst(doc, func(n *html.Node) bool { return n.DataAtom == atom.Dl }) == nil {
		t.Fatal("no definition list on the page")
	}
}

func TestFoldLookupMatchesToLower(t *testing.T) {
	words := map[string]bool{}
	for _, w := range fastPathInputs {
		words[strings.ToLower(w)] = true
	}
	long := strings.Repeat("Ab", foldBytes) // past the stack buffer
	words[strings.ToLower(long)] = true
	inputs := append([]string{long, "HIDDEN", "Hidden", "hidden", "visually-Hidden", "İ", "ǅ", "ÀB"}, fastPathInputs...)
	hits := 0
	for _, w := range inputs {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToTitle(w)} {
			if got, want := foldLookup(words, v), words[strings.ToLower(v)]; got != want {
				t.Errorf("foldLookup(%q) = %v, words[strings.ToLower] = %v", v, got, want)
			} else if got {
				hits++
			}
		}
	}
	if hits < len(inputs) {
		t.Errorf("%d hits over %d inputs: the lookups say little", hits, len(inputs))
	}
	kinds := map[string]uint8{"post": 1, "date": 2}
	if got := foldLookup(kinds, "DATE") | foldLookup(kinds, "Post"); got != 3 {
		t.Errorf("kinds of DATE and Post = %d, want 3", got)
	}
}

// TestNoscriptViewWeighedAgainstTheBody: the body's words are counted
// only once the views hold enough (openNoscriptViews), and then still
// decide: a long no-JavaScript notice beside a longer article stays shut,
// the same notice beside an app shell opens.
func TestNoscriptViewWeighedAgainstTheBody(t *testing.T) {
	notice := `<noscript><div><p>` + strings.Repeat("This map of the harbour walks needs scripts to draw its routes, ", 4) + `</p></div></noscript>`
	article := `<article><p>` + strings.Repeat("The ferry to the outer islands leaves the east quay at seven each morning. ", 8) + `</p></article>`
	for _, tc := range []struct {
		name, body string
		open       bool
	}{
		{"beside an article", article + notice, false},
		{"beside an app shell", `<div id="app">Loading…</div>` + notice, true},
	} {
		doc, err := html.Parse(strings.NewReader("<html><body>" + tc.body + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		openNoscriptViews(doc)
		shut := findFirst(doc, func(n *html.Node) bool { return n.DataAtom == atom.Noscript }) != nil
		if shut == tc.open {
			t.Errorf("%s: view opened %v, want %v", tc.name, !shut, tc.open)
		}
	}
}

// TestHasQuestionMarkMatchesContainsAny: the byte searches answer as
// strings.ContainsAny over the three marks, also where a mark's bytes
// are cut or stand beside look-alikes (the full-width "？" and the
// Arabic "؟" share their last byte 0x9F with other characters).
func TestHasQuestionMarkMatchesContainsAny(t *testing.T) {
	inputs := []string{
		"", "plain words", "How do I return an order?", "配送は無料ですか？", "هل الشحن مجاني؟",
		"\xef\xbc", "\xd8", "Ÿ and ȟ and ԟ", "？"[:2] + "؟"[:1], "a?b", "long text " + strings.Repeat("x", 300) + "؟",
		"\u061e\u0620", "\uff1e\uff20", "invalid \xff\x9f bytes",
	}
	hits := 0
	for _, s := range inputs {
		got, want := hasQuestionMark(s), strings.ContainsAny(s, "?？؟")
		if got != want {
			t.Errorf("hasQuestionMark(%q) = %v, strings.ContainsAny says %v", s, got, want)
		}
		if want {
			hits++
		}
	}
	if hits != 5 {
		t.Errorf("%d inputs hold a mark, want 5: the table says little", hits)
	}
}

// TestAmbiguousTagMatchesContainsAny: the byte switch answers as
// strings.ContainsAny over readName's stop characters, on tag names
// html.Parse keeps as written (custom elements, namespaced and broken
// markup) as well as plain ones.
func TestAmbiguousTagMatchesContainsAny(t *testing.T) {
	inputs := []string{
		"div", "p", "my-widget", "x-card_2", "svg:rect", "o:p", "a.b", "h#1", "foo[bar]", "x(y)", `q"`,
		"a b", `back\slash`, "", "ünïcode-tag", "tag\t", "very-long-custom-element-name-here",
	}
	hits := 0
	for _, tag := range inputs {
		got, want := ambiguousTag(tag), strings.ContainsAny(tag, ".#[]:()\" \\")
		if got != want {
			t.Errorf("ambiguousTag(%q) = %v, strings.ContainsAny says %v", tag, got, want)
		}
		if want {
			hits++
		}
	}
	if hits < 8 {
		t.Errorf("%d ambiguous names over %d inputs: the table says little", hits, len(inputs))
	}
}

// classHidesByFields is the definition classHides implements: one of the
// class's words (split at HTML's ASCII whitespace) is a hiding class.
func classHidesByFields(class string) bool {
	for _, w := range strings.FieldsFunc(class, func(r rune) bool { return r < utf8.RuneSelf && htmlSpace(byte(r)) }) {
		if hidingClasses[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// TestClassHidesMatchesItsDefinition: classWords splits class words
// where HTML does, and not at the spaces beyond ASCII (no-break,
// next-line, ideographic) nor at vertical tab, nor around broken bytes.
func TestClassHidesMatchesItsDefinition(t *testing.T) {
	inputs := []string{
		"", " ", "hidden", "card hidden", "card\thidden\n", "\vsr-only\f", "cardhidden", "hidden-xs", "card\u00a0hidden",
		"card\u0085d-none", "card\u3000invisible", "x\u2028hide", "HIDDEN", "Visually-Hidden card", "\xffhidden", "hidden\xc2",
		"a\xc2\xa0b", "col-6  mx-auto   ", "a\u00a0b hidden", "x\u3000y\tSR-only", "hide\x00", "Hide", "btn\tinvisible", "\fd-none\r", "screen-reader-text\r\n", "ǅhidden", "card\u200bhidden",
	}
	hits := 0
	for _, c := range inputs {
		got, want := classHides(c), classHidesByFields(c)
		if got != want {
			t.Errorf("classHides(%q) = %v, its definition says %v", c, got, want)
		}
		if want {
			hits++
		}
	}
	if hits < 10 {
		t.Errorf("%d hiding classes over %d inputs: the table says little", hits, len(inputs))
	}
}
