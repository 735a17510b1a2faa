package research

import (
	"slices"
	"strings"
	"testing"
)

func TestOriginAdjective(t *testing.T) {
	for _, c := range []struct {
		s, name string
		want    bool
	}{
		{"The Brask scale is named after Moravian chemist Otto Brask.", "Moravian", true},
		{"Ruth Ambry was an English theatre and screen actress.", "English", true},
		{"A tenth follow traditional Karelian religion and animism.", "Karelian", true},
		{"Piet Loma was a Dalmatian-born set designer.", "Dalmatian", true},
		{"Piet Loma was born in Milan in 1908.", "Milan", false},             // a place in a noun's place
		{"Japan is an island country in East Asia.", "Japan", false},         // a function word follows
		{"He moved to Milan, where he died.", "Milan", false},                // a comma follows
		{"The station serves Sudan.", "Sudan", false},                        // a full stop follows
		{"She spoke Welsh and English at home.", "Welsh", false},             // a connector follows
		{"The Christian Democratic Union won.", "Christian", false},          // a capitalised name follows
		{"Her Moravian physicist friend came.", "Moravian physicist", false}, // not one word
		{"Ottoman Austrian physicist", "Austria", false},                     // part of a longer word
		{"A Pakistani cricketer.", "Pakistani", true},
		{"", "Austrian", false},
	} {
		if got := originAdjective(c.s, c.name); got != c.want {
			t.Errorf("originAdjective(%q, %q) = %v, want %v", c.s, c.name, got, c.want)
		}
	}
}

func TestOriginAsked(t *testing.T) {
	for _, c := range []struct {
		q    string
		want bool
	}{
		{"What is the nationality of the author of Blue Harbor?", false}, // the author first
		{"What is the nationality of Otto Brask?", true},
		{"What language is spoken where Otto Brask was born?", true},
		{"In which country was Otto Brask born?", true},
		{"Who employed the chemist the Brask scale is named after?", false},
		{"What religion is most practiced in Karelia?", false},
		{"In which state is the Brask Institute located?", false},
	} {
		p := &Plan{Question: c.q, Entities: capitalSpans(c.q)}
		if got := originAsked(questionRelTerms(p, nil)); got != c.want {
			t.Errorf("%q: originAsked = %v, want %v (terms %v)", c.q, got, c.want, questionRelTerms(p, nil))
		}
	}
}

// A hop asking for someone does not stop at the adjective of origin
// before the person's noun: when the sentence names nobody else new (the
// person's name holds the anchor's), the hop has no bridge there, rather
// than a wrong one.
func TestWalkPassesTheAdjectiveOfOrigin(t *testing.T) {
	q := "Who employed the physicist the Brask number is named after?"
	pages := [][2]string{
		{"Brask number", "The Brask number is named after Moravian physicist Otto Brask."},
	}
	for _, on := range []bool{true, false} {
		p := DefaultParams()
		p.HopOriginOnly = on
		r := walkRun(q, pages)
		r.p = &p
		r.advanceChains(false)
		if len(r.chains) == 0 {
			t.Fatalf("no chain for %q", q)
		}
		got := bridges(r.chains[0])
		if took := slices.Contains(got, "Moravian"); took == on {
			t.Errorf("rule %v: bridges %q (want the adjective Moravian only without the rule)", on, got)
		}
	}
}

// Which name of one sentence a hop takes, by what the hop asks for.
func TestHopTakesAnOriginOnlyWhenAsked(t *testing.T) {
	p := DefaultParams()
	for _, c := range []struct {
		q, subject, s, want string
	}{
		// Asked for a language or a country, the adjective answers.
		{"What language did Otto Brask write in?", "Otto Brask", "Otto Brask was a Moravian poet who wrote plays.", "Moravian"},
		// Asked for a religion, the adjective before "religion" does not.
		{"What religion is the most followed in Karelia?", "Karelia", "In Karelia most people follow Lutheranism, and a tenth follow traditional Karelian religion.", "Lutheranism"},
		// Asked for a city, a place's name shaped like an adjective is still a place.
		{"In which city was Otto Brask born?", "Otto Brask", "Otto Brask was born in Milan in 1908.", "Milan"},
	} {
		plan := &Plan{Question: c.q, Entities: []string{c.subject}}
		st, ok := resolveHop(c.s, c.subject, true, questionRelTerms(plan, nil), nil, nil, nil, nil, &p)
		if !ok || st.Bridge != c.want {
			t.Errorf("%q on %q: bridge %q (ok %v), want %q", c.q, c.s, st.Bridge, ok, c.want)
		}
	}
}

func TestBirthNameAt(t *testing.T) {
	for _, c := range []struct {
		s, name string
		want    bool
	}{
		{"Ruth Ambry (born Ruth Mary Calder; 12 March 1921 – 30 May 1984) was an actress.", "Ruth Mary Calder", true},
		{"Ann Lee (née Ann Marsh) was a singer.", "Ann Marsh", true},
		{"She was born Ann Marsh in a village.", "Ann Marsh", true},
		{"Born Ann Marsh, she took her husband's name.", "Ann Marsh", true},
		{"Otto Brask (born 1953 in Marlow) is a poet.", "Marlow", false},
		{"Otto Brask was born in Marlow.", "Marlow", false},
		{"Piet Loma was a Dalmatian-born American designer.", "American", false},
		{"Ann Marsh", "Ann Marsh", false},
	} {
		if got := birthNameAt(c.s, strings.Index(c.s, c.name)); got != c.want {
			t.Errorf("birthNameAt(%q, %q) = %v, want %v", c.s, c.name, got, c.want)
		}
	}
}

// The walk does not take the subject's name at birth for the person a
// hop asks for.
func TestWalkSkipsTheNameAtBirth(t *testing.T) {
	q := "Who is the spouse of Ruth Ambry?"
	pages := [][2]string{{"Ruth Ambry", "Ruth Ambry (born Ruth Mary Calder; 12 March 1921 – 30 May 1984) was an English theatre actress."}}
	for _, on := range []bool{true, false} {
		p := DefaultParams()
		p.HopBirthName = on
		r := walkRun(q, pages)
		r.p = &p
		r.advanceChains(false)
		got := bridges(r.chains[0])
		if took := slices.Contains(got, "Ruth Mary Calder"); took == on {
			t.Errorf("rule %v: bridges %q (want the name at birth only without the rule)", on, got)
		}
	}
}

// originAdjective is originAdjectiveAt at every place s names name: the
// rule asked of a sentence and a name, as the tests write it.
func originAdjective(s, name string) bool {
	return originAdjectiveAt(s, name, occurrences(s, name))
}
