package research

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestHopReadingsBounded: the readings of a question's chain and of a
// page's sentence take time in proportion to their length, for a
// question of 40 KB and sentences of half a megabyte and more: each case
// is timed at its full size and at an eighth of it (wantLinear), so a
// quadratic reading fails on an idle machine and a linear one passes on
// a loaded one (an absolute deadline did not: 6-9 s of its 10 under
// -race at load 13).
func TestHopReadingsBounded(t *testing.T) {
	cases := []struct {
		name string
		n    int // the full size, in repetitions of the case's unit
		f    func(t *testing.T, n int)
	}{
		{"a long question's chain", 800, func(t *testing.T, n int) {
			NewPlan("Who is the director of "+strings.Repeat("the county near the town where some people live and ", n)+"Blue Harbor?", nil)
		}},
		{"a long question of many names", 1200, func(t *testing.T, n int) {
			// 6,000 names (90 KB): 56 s while every pair of names was
			// compared by normalising both again.
			if p := NewPlan(manyQuestionNames(n), nil); len(p.Entities) == 0 {
				t.Error("no entity in a question of names")
			}
		}},
		{"an adjective of origin read at each use of the name", 40000, func(t *testing.T, n int) {
			if originAdjective(strings.Repeat("Austrian the ", n)+"Austrian.", "Austrian") {
				t.Error("an adjective before a function word or a full stop is no adjective of origin")
			}
		}},
		{"a cast line's parentheses that never close", 800000, func(t *testing.T, n int) {
			if _, _, ok := castPerformer(strings.Repeat("(A ", n), rel("actor", "plays", "bramble"), nil); ok {
				t.Error("no part the question asks is named")
			}
		}},
		{"a sentence's many parentheses", 250000, func(t *testing.T, n int) {
			if names := bridgeNames(strings.Repeat("(a) ", n) + "then Ilse Brandt (born 1950 in Marlow)."); strings.Join(names, ",") != "Ilse Brandt,Marlow" {
				t.Errorf("bridgeNames = %q, want [Ilse Brandt Marlow]: a birth's parenthesis is read", names)
			}
		}},
		{"a name used again and again", 20000, func(t *testing.T, n int) {
			p := DefaultParams()
			s := "Marlow lies near " + strings.Repeat("Ada Moray and Wexland, then ", n) + "."
			if b, _ := pickBridge(s, "Marlow", rel("county"), map[string]bool{}, map[string]bool{}, nil, nil, nil, &p); b != "Ada Moray" && b != "Wexland" {
				t.Errorf("pickBridge = %q, want one of the sentence's names", b)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			run := func(n int) time.Duration {
				start := time.Now()
				tc.f(t, n)
				return time.Since(start)
			}
			wantLinear(t, "units of size", tc.n, time.Second, run)
		})
	}
}

// letterName is a distinct lower-case word for each i (a, b, …, z, ab,
// bb, …): the growth tests' names differ in letters, not digits, so each
// reads as a name.
func letterName(i int) string {
	w := ""
	for k := i; ; k /= 26 {
		w += string(rune('a' + k%26))
		if k < 26 {
			break
		}
	}
	return w
}

// manyNames is a sentence of n distinct names, each read by every rule of
// pickBridge: a person's name before a parenthesis of a birth that closes
// only at the end, an adjective-shaped word, a place after the subject
// and a comma, and a place with a lower-case kind after it.
func manyNames(n int) string {
	var b strings.Builder
	b.WriteString("Marlow lies near ")
	for i := range n {
		w := letterName(i)
		fmt.Fprintf(&b, "Ada V%s Moray (born in Lind%san, Marlow, Wex%s Vale and Orr%s county ", w, w, w, w)
	}
	b.WriteString(strings.Repeat(")", n) + ".")
	return b.String()
}

// TestPickBridgeGrowsLinearly: a sentence of thousands of distinct names
// takes time in proportion to its length, not to its length times its
// names (it took minutes while each name was searched for again in the
// sentence by each rule). Timed against an eighth of itself, which holds
// whatever the load or the race detector does to both: linear work grows
// 8×, a quadratic one 64×.
func TestPickBridgeGrowsLinearly(t *testing.T) {
	p := DefaultParams()
	run := func(n int) time.Duration {
		s := manyNames(n)
		start := time.Now()
		b, _ := pickBridge(s, "Marlow", rel("county"), map[string]bool{"county": true}, map[string]bool{}, nil, nil, nil, &p)
		took := time.Since(start)
		if b == "" || !strings.Contains(s, b) {
			t.Fatalf("pickBridge on %d names = %q, want one of the sentence's names", n, b)
		}
		return took
	}
	const n = 6000 // about 400 KB
	wantLinear(t, "names", n, time.Second, run)
}

// TestTailStart: the tail keeps the last n fields whatever the spacing.
func TestTailStart(t *testing.T) {
	cases := []struct {
		s    string
		n    int
		want string
	}{
		{"a b c d", 2, "c d"},
		{"a  b\tc d ", 2, "c d "},
		{"a b", 5, "a b"},
		{"", 3, ""},
		{"   ", 1, "   "},
		{"the county where ", 1, "where "},
	}
	for _, tc := range cases {
		if got := tc.s[tailStart(tc.s, tc.n):]; got != tc.want {
			t.Errorf("tailStart(%q, %d) keeps %q, want %q", tc.s, tc.n, got, tc.want)
		}
	}
}

// TestCastAndOrderReadingsGrowLinearly: the readings of a cast line's
// role ("reprising his role as", "in the role of"), of "stars", of the
// words said of a bridge, and of a hop whose later words only break ties,
// on a sentence or page of n repeats, take time in proportion to n. Each
// is timed against an eighth of itself (linear: 8×; allowed 24×).
func TestCastAndOrderReadingsGrowLinearly(t *testing.T) {
	plays := rel("husband", "actress", "plays")
	later := rel("husband", "painter")
	for i := range later {
		later[i].later = true
	}
	p := DefaultParams()
	cases := []struct {
		name string
		f    func(n int)
	}{
		{"a role reprised again and again", func(n int) {
			s := strings.Repeat("Ada Moray reprising her role as Corla Vey and ", n)
			if b, _, ok := castPerformer(s, plays, []string{"Corla Vey"}); !ok || b != "Ada Moray" {
				t.Errorf("castPerformer = %q, %v; want Ada Moray", b, ok)
			}
		}},
		{"in the role of, again and again", func(n int) {
			s := strings.Repeat("Ada Moray in the role of Corla and ", n)
			if b, _, ok := castPerformer(s, plays, []string{"Corla"}); !ok || b != "Ada Moray" {
				t.Errorf("castPerformer = %q, %v; want Ada Moray", b, ok)
			}
		}},
		{"stars, again and again", func(n int) {
			if _, ok := starsVerb(strings.Repeat("it stars ", n)+"Ada.", plays); !ok {
				t.Error("starsVerb: the last 'stars' is before a name")
			}
		}},
		{"words said of a bridge named late", func(n int) {
			s := strings.Repeat("Lindholm, Lindvik and ", n) + "Lind, a painter."
			if got := describedAfter(s, "Lind", later); len(got) != 1 {
				t.Errorf("describedAfter = %q, want the painter's term", got)
			}
		}},
		{"a page whose later words break ties", func(n int) {
			// A sentence each eighth of the repeats: 160 KB at most.
			page := strings.Repeat("Corla is played by Ada Moray, a painter from Oslo. It stars Ada Moray as Corla. ", n/8)
			if st, ok := resolveHop(page, "Corla", true, append(rel("plays"), later...), nil, nil, nil, nil, &p); !ok || st.Bridge != "Ada Moray" {
				t.Errorf("resolveHop = %q, %v; want Ada Moray", st.Bridge, ok)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			run := func(n int) time.Duration {
				start := time.Now()
				tc.f(n)
				return time.Since(start)
			}
			const n = 16000
			wantLinear(t, "repeats", n, time.Second, run)
		})
	}
}

// TestPaddedQuestionGrowsLinearly: a question whose words are padded
// with runs of spaces is decomposed in time in proportion to its length.
// nearestLink read its last dozen words whatever their bytes, and each
// shape read them again at each word: 3 KB of spaces took 10 s in
// NewPlan and 10 s more in decompose (FuzzHopReadings hung on it).
func TestPaddedQuestionGrowsLinearly(t *testing.T) {
	run := func(n int) time.Duration {
		pad := strings.Repeat(" ", n)
		q := "Who directed season 8 of the show whose host has the same nationality as the Frankish king who" + pad + "formed Lorn?"
		start := time.Now()
		p := NewPlan(q, nil)
		decompose(p)
		return time.Since(start)
	}
	const n = 4000
	wantLinear(t, "spaces", n, time.Second, run)
}
