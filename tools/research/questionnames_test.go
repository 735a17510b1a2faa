package research

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestQuestionNames: the names a question writes otherwise than a page,
// on questions written for each rule, and the shapes each rule leaves.
func TestQuestionNames(t *testing.T) {
	cases := []struct {
		why, q   string
		want     []string // all among the plan's entities
		mustNot  []string // none among them
		notWords []string // no relation word of the walk
	}{
		{
			why:  "the part played and the work, the work's article and a noun compound",
			q:    "What is the birthplace of the man who voices Bramble in the Marlow Heist movie?",
			want: []string{"Bramble", "Marlow Heist movie"}, mustNot: []string{"Bramble in the Marlow Heist"},
			notWords: []string{"movie"},
		},
		{
			why:  "the work's own preposition stays in it, and its ordinal keeps its noun",
			q:    "When did the woman who played Ada Lind in Night on 42nd avenue retire?",
			want: []string{"Ada Lind", "Night on 42nd avenue"}, mustNot: []string{"Ada Lind in Night on 42nd", "Night on 42nd"},
		},
		{
			why:  "the voice of a part",
			q:    "Which school did the voice of Tom Reyes in Blue Harbor attend?",
			want: []string{"Tom Reyes", "Blue Harbor"},
		},
		{
			why:  "the part said again inside the work's title",
			q:    "Who is the spouse of the actor who plays Dunmore in the Dunmore Letters?",
			want: []string{"Dunmore", "Dunmore Letters"},
		},
		{
			why:  "no verb of playing: a title with 'in' is one name",
			q:    "Where was Sleepless in Marlow filmed?",
			want: []string{"Sleepless in Marlow"}, mustNot: []string{"Marlow"},
		},
		{
			why:  "an ordinal alone",
			q:    "Who directed Night on 42nd avenue?",
			want: []string{"Night on 42nd avenue"},
		},
		{
			why:  "a compound after an article, at the question's end",
			q:    "Which party published the Dunmore manifesto?",
			want: []string{"Dunmore manifesto"}, mustNot: []string{"Dunmore"}, notWords: []string{"manifesto"},
		},
		{
			why:  "a bare compound as a clause's subject",
			q:    "Where did the engineer who Lind valve is named after study?",
			want: []string{"Lind valve"}, mustNot: []string{"Lind"}, notWords: []string{"valve"},
		},
		{
			why:  "an agent noun after an article is asked of the name",
			q:    "Where was the Marlow Rovers driver born?",
			want: []string{"Marlow Rovers"}, mustNot: []string{"Marlow Rovers driver"},
		},
		{
			why:  "a noun followed by more words than its phrase",
			q:    "What did the author of the Dunmore pamphlet win in 1901?",
			want: []string{"Dunmore"}, mustNot: []string{"Dunmore pamphlet"},
		},
		{
			why:  "a question built with 'does' ends with its verb",
			q:    "What position does the man who introduced the Dunmore Act hold?",
			want: []string{"Dunmore Act"}, mustNot: []string{"Dunmore Act hold"},
		},
		{
			why:     "an adjective of origin before a noun",
			q:       "Which prize did the book by an Irish novelist win?",
			mustNot: []string{"Irish novelist"},
		},
		{
			why:     "a relation word after the name",
			q:       "In which city is the Marlow birthplace museum?",
			mustNot: []string{"Marlow birthplace"},
		},
		{
			why:     "a place's kind after the name",
			q:       "Who was the first mayor of the Marlow county?",
			mustNot: []string{"Marlow county"},
		},
	}
	for _, c := range cases {
		p := NewPlan(c.q, nil)
		for _, w := range c.want {
			if !slices.Contains(p.Entities, w) {
				t.Errorf("%s: %q: entities %q lack %q", c.why, c.q, p.Entities, w)
			}
		}
		for _, w := range c.mustNot {
			if slices.Contains(p.Entities, w) {
				t.Errorf("%s: %q: entities %q hold %q", c.why, c.q, p.Entities, w)
			}
		}
		for _, rt := range questionRelTerms(p, nil) {
			if slices.Contains(c.notWords, rt.word) {
				t.Errorf("%s: %q: %q is a relation word of the walk, it is the name's", c.why, c.q, rt.word)
			}
		}
	}
}

// TestNameAtOffsets: the places capitalSpansAt gives are where each name
// stands in the text.
func TestNameAtOffsets(t *testing.T) {
	for _, q := range []string{
		"Who voices Bramble in the Marlow Heist movie?",
		"Anna Benson's husband met Empress Wang (Gaozong) in Marlow.",
		"",
		"A b C d E",
	} {
		for _, n := range capitalSpansAt(q) {
			if n.at < 0 || n.at+len(n.name) > len(q) || q[n.at:n.at+len(n.name)] != n.name {
				t.Errorf("capitalSpansAt(%q): %q at %d is not where it stands", q, n.name, n.at)
			}
		}
	}
}

// manyQuestionNames is a question of n names, each read by every rule of
// questionNames: a part played and the work it is played in, an ordinal
// and its noun, a compound with a lower-case head.
func manyQuestionNames(n int) string {
	var b strings.Builder
	b.WriteString("Which of these is oldest:")
	for i := range n {
		w := letterName(i)
		fmt.Fprintf(&b, " the V%s pamphlet, who plays Lind%s in the Orr%s movie, Route %d%s avenue or", w, w, w, i+1, ordinalSuffix(i+1))
	}
	b.WriteString(" none?")
	return b.String()
}

// TestQuestionNamesGrowsLinearly: a question of thousands of names is read
// in time in proportion to its length (it took 26 s for 120 KB, a
// twentieth of that for an eighth, while each name's rules read the words
// before it and after it again). Timed against an eighth of itself.
func TestQuestionNamesGrowsLinearly(t *testing.T) {
	run := func(n int) time.Duration {
		q := manyQuestionNames(n)
		start := time.Now()
		names, _ := questionNames(q)
		took := time.Since(start)
		if !slices.Contains(names, fmt.Sprintf("Route %d%s avenue", n, ordinalSuffix(n))) {
			t.Fatalf("questionNames on %d names: the last ordinal lost its noun", n)
		}
		return took
	}
	const n = 2400 // about 180 KB
	wantLinear(t, "names", n, time.Second, run)
}
