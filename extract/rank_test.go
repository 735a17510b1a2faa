package extract

import (
	"reflect"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"The Quick brown foxes", []string{"quick", "brown", "fox"}},
		{"Studies of the study", []string{"stud", "stud"}},
		{"matches, classes and boxes", []string{"match", "class", "box"}},
		{"In 2019 the GDP grew 3.5%", []string{"2019", "gdp", "grew", "3", "5"}},
		{"Obama's don't e-mail", []string{"obama", "mail"}},
		// "won" is the past of "win"; in "won't" it is an auxiliary.
		{"The team won the cup", []string{"team", "won", "cup"}},
		{"It won't rain, it can’t snow, Won't", []string{"rain", "snow"}},
		{"Matt's tale", []string{"matt", "tale"}},
		{"Éléphants ÉCOLE", []string{"éléphant", "école"}},
		{"東京タワー", []string{"東", "京", "タ", "ワ", "ー"}},
		{"", nil},
	}
	for _, tc := range tests {
		got := Tokenize(tc.in)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRankPassages(t *testing.T) {
	ps := []Passage{
		{Text: "The weather in Paris was mild this spring."},                                  // 0
		{Text: "Solar panels convert sunlight into electricity using photovoltaic cells."},    // 1
		{Text: "Electricity prices rose while solar installations doubled in Europe."},        // 2
		{Text: "Nothing relevant here at all."},                                               // 3
		{Text: "Cells, panels and sunlight are discussed, solar comes later in electricity."}, // 4
		{Text: "Installation guide for the panels.", Heading: "Solar electricity"},            // 5
	}
	t.Run("best first, zero last, stable", func(t *testing.T) {
		got := RankPassages("solar panels electricity", ps)
		if len(got) != len(ps) {
			t.Fatalf("got %d results", len(got))
		}
		if got[0].Index != 1 {
			t.Errorf("best = %d (%q), want 1", got[0].Index, got[0].Text)
		}
		// Zero-score passages keep page order at the end.
		if got[4].Index != 0 || got[5].Index != 3 || got[4].Score != 0 || got[5].Score != 0 {
			t.Errorf("tail = %d,%d scores %v,%v", got[4].Index, got[5].Index, got[4].Score, got[5].Score)
		}
		for i := 1; i < len(got); i++ {
			if got[i].Score > got[i-1].Score {
				t.Errorf("not sorted at %d", i)
			}
		}
		for _, g := range got {
			if g.Passage != ps[g.Index] {
				t.Errorf("result %d carries the wrong passage", g.Index)
			}
		}
	})
	t.Run("adjacent terms beat scattered ones", func(t *testing.T) {
		pair := []Passage{
			{Text: "solar is one topic and the other topic is panels, here mentioned once"},
			{Text: "solar panels appear here together, one topic only, mentioned once"},
		}
		got := RankPassages("solar panels", pair)
		if got[0].Index != 1 {
			t.Errorf("adjacent pair ranked %d first", got[0].Index)
		}
	})
	t.Run("heading match breaks a tie", func(t *testing.T) {
		pair := []Passage{
			{Text: "wind turbines and storage"},
			{Text: "wind turbines and storage", Heading: "Wind power"},
		}
		got := RankPassages("wind", pair)
		if got[0].Index != 1 || got[0].Score <= got[1].Score {
			t.Errorf("heading ignored: %+v", got)
		}
	})
	t.Run("rare term outweighs common term", func(t *testing.T) {
		coll := []Passage{
			{Text: "energy energy energy policy"},
			{Text: "energy geothermal"},
			{Text: "energy market"},
			{Text: "energy news"},
		}
		got := RankPassages("energy geothermal", coll)
		if got[0].Index != 1 {
			t.Errorf("got %d first", got[0].Index)
		}
	})
	t.Run("query of stop words only keeps page order", func(t *testing.T) {
		got := RankPassages("the of and", ps)
		for i, g := range got {
			if g.Index != i || g.Score != 0 {
				t.Errorf("position %d = passage %d score %v", i, g.Index, g.Score)
			}
		}
	})
}

func TestStripMarkdownLinks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"see [the docs](https://x.org/a) now", "see the docs now"},
		{"![alt text](https://x.org/i.png) caption", "alt text caption"},
		{"[![logo](https://x.org/l.png)](https://x.org/)", "logo"},
		{`[a \] b](https://x.org/(paren))`, `a \] b`},
		{`[link](https://x.org/ "Title here") after`, "link after"},
		{"not a [link] and (parens)", "not a [link] and (parens)"},
		{`escaped \[x](y)`, `escaped \[x](y)`},
		{"[unclosed](https://x.org", "[unclosed](https://x.org"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := StripMarkdownLinks(tc.in); got != tc.want {
			t.Errorf("StripMarkdownLinks(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMarkdownBlocks(t *testing.T) {
	md := "para one\nstill one\n\n- a\n- b\n\n- c (second list)\n\n1. loose\n\n   continued\n2. next\n\n```\nx\n\ny\n```\n\nend"
	var got []string
	for _, b := range markdownBlocks(md) {
		got = append(got, md[b.start:b.end])
	}
	want := []string{"para one\nstill one", "- a\n- b", "- c (second list)", "1. loose\n\n   continued\n2. next", "```\nx\n\ny\n```", "end"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("blocks = %q\nwant %q", got, want)
	}
}
