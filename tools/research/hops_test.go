package research

import (
	"fmt"
	"strings"
	"testing"
)

func hopString(hs []Hop) string {
	var parts []string
	for _, h := range hs {
		s := h.Relation
		if h.Subject != "" {
			s += " of " + h.Subject
		}
		if h.Side >= 0 {
			s = fmt.Sprintf("%d:%s", h.Side, s)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " > ")
}

func TestDecomposeHops(t *testing.T) {
	for _, tt := range []struct{ q, want string }{
		// a relation chain, "X of the Y of Z"
		{"Who is the mother of the director of the film Blue Harbor?", "director of Blue Harbor > mother"},
		{"Where did the creator of the Portrait of Luca d'Aragona die?", "creator of Portrait of Luca d'Aragona > die"},
		// possessives chain the same way
		{"When is Tom Marsh's father's birthday?", "father of Tom Marsh > birthday"},
		{"What team was Maria Lopez's husband on?", "husband of Maria Lopez > team"},
		// kinship compounds are two lookups
		{"Who is the maternal grandfather of Ed Lowe?", "mother of Ed Lowe > father"},
		{"Who is Queen Anne (Denmark)'s mother-in-law?", "spouse of Queen Anne (Denmark) > mother"},
		// "the A that B"
		{"Which company bought the company that made the Vela Rocket?", "made of Vela Rocket > company bought"},
		{"What league does the team that plays at Harrow Park play in?", "plays of Harrow Park > league play"},
		// comparisons: each side alone, and bridge comparisons whose
		// bridge entity the question never names
		{"Which river is longer, the Elbe or the Oder?", "0:river longer of Elbe > 1:river longer of Oder"},
		{"Who was born later, Tom Marsh or Ed Lowe?", "0:born later of Tom Marsh > 1:born later of Ed Lowe"},
		{"Which film has the director who died first, Blue Harbor or Red Coast?", "0:director of Blue Harbor > 0:died first > 1:director of Red Coast > 1:died first"},
	} {
		p := NewPlan(tt.q, nil)
		if got := hopString(decompose(p)); got != tt.want {
			t.Errorf("decompose(%q) = %q, want %q (entities %q)", tt.q, got, tt.want, p.Entities)
		}
	}
}

func TestHopTail(t *testing.T) {
	p := NewPlan("Who is the mother of the director of the film Blue Harbor?", nil)
	hs := decompose(p)
	if got := strings.Join(hopTail(hs, 0), " "); got != "mother" {
		t.Errorf("tail after the first hop = %q, want mother", got)
	}
	if got := hopTail(hs, 1); len(got) != 0 {
		t.Errorf("tail after the last hop = %q, want none", got)
	}
}
