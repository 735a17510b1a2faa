package research

import (
	"strings"
	"testing"
	"time"
)

// finishesWithin fails t when f has not returned within d: a reading
// that is quadratic in its input takes minutes on these inputs, a linear
// one milliseconds, so the bound holds on a loaded machine under -race.
func finishesWithin(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("not done after %v", d)
	}
}

// TestHopReadingsBounded: the readings of a question's chain and of a
// page's sentence take time in proportion to their length, for a
// question of 40 KB and sentences of half a megabyte and more.
func TestHopReadingsBounded(t *testing.T) {
	longQuestion := "Who is the director of " + strings.Repeat("the county near the town where some people live and ", 800) + "Blue Harbor?"
	cases := []struct {
		name string
		f    func()
	}{
		{"a long question's chain", func() { NewPlan(longQuestion, nil) }},
		{"an adjective of origin read at each use of the name", func() {
			if originAdjective(strings.Repeat("Austrian the ", 40000)+"Austrian.", "Austrian") {
				t.Error("an adjective before a function word or a full stop is no adjective of origin")
			}
		}},
		{"a cast line's parentheses that never close", func() {
			if _, _, ok := castPerformer(strings.Repeat("(A ", 800000), rel("actor", "plays", "copper"), nil); ok {
				t.Error("no part the question asks is named")
			}
		}},
		{"a sentence's many parentheses", func() {
			if names := bridgeNames(strings.Repeat("(a) ", 250000) + "then Ilse Brandt (born 1950 in Marlow)."); strings.Join(names, ",") != "Ilse Brandt,Marlow" {
				t.Errorf("bridgeNames = %q, want [Ilse Brandt Marlow]: a birth's parenthesis is read", names)
			}
		}},
		{"a name used again and again", func() {
			p := DefaultParams()
			s := "Marlow lies near " + strings.Repeat("Ada Moray and Wexland, then ", 20000) + "."
			if b, _ := pickBridge(s, "Marlow", rel("county"), map[string]bool{}, map[string]bool{}, nil, nil, nil, &p); b != "Ada Moray" && b != "Wexland" {
				t.Errorf("pickBridge = %q, want one of the sentence's names", b)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { finishesWithin(t, 10*time.Second, tc.f) })
	}
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
