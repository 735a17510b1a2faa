package extract

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
)

// The helpers below run on every element or text of a page, so they read
// bytes where their definitions read runes or build slices. Each is held
// here to its definition, written the plain way.

// fastPathInputs are strings of the shapes the fast paths branch on:
// ASCII, other scripts, every kind of white space, invalid UTF-8.
var fastPathInputs = []string{
	"", " ", "one", "one two", " one", "one ", "one  two", "one\ttwo", "one\ntwo\r\n",
	"\v\f", "a \u00a0b", "a\u0085b", "a\u2003b\u3000c", "\u205f", "naïve café", "Быстрая лиса, 42",
	"敏捷的 狐狸", "a\xffb \xc3", "x\u0301y", "snake_case kebab-case CamelCase", "v1.2.3 $40",
	"post-date", "POST_DATE", "entry Timestamp", "TİME", "datetime-local", "dates", "updated_at",
	"sig signature", "ipsSignature", "\t lead and trail \n",
}

// collapseSpaceByFields is the definition collapseSpace implements.
func collapseSpaceByFields(s string) string { return strings.Join(strings.Fields(s), " ") }

// wordTokensByRunes is the definition AppendWordTokens implements: runs of
// letters, numbers and '_' over the string's runes (an invalid byte reads
// as U+FFFD, which is none of them).
func wordTokensByRunes(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// hasDateNameByFields is the definition hasDateName implements.
func hasDateNameByFields(class string) bool {
	for _, f := range strings.FieldsFunc(strings.ToLower(class), func(r rune) bool { return r == ' ' || r == '-' || r == '_' }) {
		switch f {
		case "date", "time", "timestamp", "datetime", "posted", "published":
			return true
		}
	}
	return false
}

func checkFastPaths(t *testing.T, s string) {
	t.Helper()
	if got, want := collapseSpace(s), collapseSpaceByFields(s); got != want {
		t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
	}
	if got, want := AppendWordTokens(nil, s), wordTokensByRunes(s); strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
		t.Errorf("AppendWordTokens(%q) = %q, want %q", s, got, want)
	}
	if got, want := hasDateName(s), hasDateNameByFields(s); got != want {
		t.Errorf("hasDateName(%q) = %v, want %v", s, got, want)
	}
}

func TestFastPathsMatchTheirDefinitions(t *testing.T) {
	for _, s := range fastPathInputs {
		checkFastPaths(t, s)
	}
	// The table says something: each branch is taken.
	for _, tc := range []struct {
		got, want any
	}{
		{collapseSpace("\t lead  and\u00a0trail \n"), "lead and trail"},
		{hasDateName("entry Timestamp"), true},
		{hasDateName("TİME"), true}, // Unicode lower-casing, not ASCII folding
		{hasDateName("updated_at"), false},
		{len(AppendWordTokens(nil, "naïve_café 42")), 2},
	} {
		if tc.got != tc.want {
			t.Errorf("got %v, want %v", tc.got, tc.want)
		}
	}
}

func FuzzFastPaths(f *testing.F) {
	for _, s := range fastPathInputs {
		f.Add(s)
	}
	f.Fuzz(checkFastPaths)
}

// TestCollapsedStringIsNotCopied: a string with nothing to collapse comes
// back without an allocation (the point of the fast path).
func TestCollapsedStringIsNotCopied(t *testing.T) {
	s := strings.Repeat("word ", 50) + "end"
	if n := testing.AllocsPerRun(100, func() { _ = collapseSpace(s) }); n != 0 {
		t.Errorf("collapseSpace of a collapsed string allocates %v times", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = hasDateName("post-meta Entry_Header") }); n != 0 {
		t.Errorf("hasDateName of an ASCII class allocates %v times", n)
	}
}

// bestLookalikeGroupByScan is the definition bestLookalikeGroup
// implements, by brute force: each look, in the order it first appears,
// is counted over all of kids.
func bestLookalikeGroupByScan(kids []lookalike, minMembers int, share float64) (members []*html.Node, words int) {
	sameLook := func(a, b *html.Node) bool { return a.Data == b.Data && getAttr(a, "class") == getAttr(b, "class") }
	for i, first := range kids {
		if slices.ContainsFunc(kids[:i], func(k lookalike) bool { return sameLook(k.n, first.n) }) {
			continue // counted where its look first appeared
		}
		var ms []*html.Node
		size, ws := 0, 0
		for _, k := range kids {
			if sameLook(k.n, first.n) {
				size++
				if k.member {
					ms, ws = append(ms, k.n), ws+k.words
				}
			}
		}
		if len(ms) >= minMembers && float64(len(ms)) >= share*float64(size) && ws > words {
			members, words = ms, ws
		}
	}
	return members, words
}

// TestLookalikeGroupMatchesDefinition: sibling runs of every mix (few or
// no members, members without words, groups tied) pick the same group.
func TestLookalikeGroupMatchesDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	looks := []struct{ tag, class string }{{"div", "post"}, {"div", "ad"}, {"li", "post"}, {"div", ""}}
	picked := 0
	for trial := range 2000 {
		kids := make([]lookalike, rng.IntN(12))
		for i := range kids {
			l := looks[rng.IntN(len(looks))]
			n := &html.Node{Type: html.ElementNode, Data: l.tag}
			if l.class != "" {
				n.Attr = []html.Attribute{{Key: "class", Val: l.class}}
			}
			kids[i] = lookalike{n: n, member: rng.IntN(3) > 0, words: rng.IntN(3) * rng.IntN(40)}
		}
		minMembers, share := 1+rng.IntN(4), float64(rng.IntN(4))/4
		got, gw := bestLookalikeGroup(kids, minMembers, share)
		want, ww := bestLookalikeGroupByScan(kids, minMembers, share)
		if gw != ww || !slices.Equal(got, want) {
			t.Fatalf("trial %d: got %d members (%d words), want %d (%d words)", trial, len(got), gw, len(want), ww)
		}
		if ww > 0 {
			picked++
		}
	}
	if picked == 0 {
		t.Fatal("no trial picked a group: the comparison says nothing")
	}
}

// BenchmarkFastPaths: each helper against its definition, on the class
// names and texts of a page's elements.
func BenchmarkFastPaths(b *testing.B) {
	classes := []string{"post-meta", "entry-header clearfix", "PostDate", "col-md-8 col-sm-12", "c-article__time", "wp-block-group", "sidebar widget_recent_entries", "btn btn-primary"}
	texts := []string{"A collapsed line of text, as most are.", "  Indented\n\t\ttext  across\nlines  ", strings.Repeat("word ", 40) + "end"}
	for _, tc := range []struct {
		name   string
		inputs []string
		fn     func(string)
	}{
		{"hasDateName", classes, func(s string) { _ = hasDateName(s) }},
		{"hasDateNameByFields", classes, func(s string) { _ = hasDateNameByFields(s) }},
		{"classHides", classes, func(s string) { _ = classHides(s) }},
		{"classHidesByFields", classes, func(s string) { _ = classHidesByFields(s) }},
		{"collapseSpace", texts, func(s string) { _ = collapseSpace(s) }},
		{"collapseSpaceByFields", texts, func(s string) { _ = collapseSpaceByFields(s) }},
		{"AppendWordTokens", texts, func(s string) { _ = AppendWordTokens(nil, s) }},
		{"wordTokensByRunes", texts, func(s string) { _ = wordTokensByRunes(s) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, s := range tc.inputs {
					tc.fn(s)
				}
			}
		})
	}
}
