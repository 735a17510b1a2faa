package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestOtherTextCoversShortBlocks(t *testing.T) {
	// A block shorter than a shingle is found when its tokens occur in the
	// other text in a row, and only then.
	o := newOtherText("The ferry leaves the harbour at nine, and the last one back sails at six in summer.")
	for _, tc := range []struct {
		block string
		want  float64
	}{
		{"ferry", 1},
		{"the harbour", 1},
		{"back sails at", 1},
		{"harbour ferry", 0},
		{"sails at nine", 0},
		{"winter", 0},
	} {
		if got := o.covers(wordTokens(tc.block, nil)); got != tc.want {
			t.Errorf("covers(%q) = %v, want %v", tc.block, got, tc.want)
		}
	}
}

func TestOtherTextCoversShortBlocksIsLinear(t *testing.T) {
	// A hostile page may hold thousands of one-word blocks or titles asked
	// of a long text (trimEdges, keptTitles): each is looked up, not
	// searched for along the text. Timed against an eighth of itself:
	// linear work grows 8×, blocks × text 64×.
	run := func(n int) time.Duration {
		var text, blocks strings.Builder
		for i := range n {
			fmt.Fprintf(&text, "word%d ", i)
			fmt.Fprintf(&blocks, "label%d\n", i)
		}
		start := time.Now()
		o := newOtherText(text.String())
		found := 0
		for _, b := range strings.Split(strings.TrimSpace(blocks.String()), "\n") {
			found += int(o.covers(wordTokens(b, nil)))
		}
		took := time.Since(start)
		if found != 0 {
			t.Fatalf("%d labels found in a text without them", found)
		}
		return took
	}
	const n = 40000
	eighth, whole, ok := growsLinearly(func() time.Duration { return run(n / 8) }, func() time.Duration { return run(n) }, time.Second)
	if !ok {
		t.Errorf("%d short blocks against %d words took %v, an eighth of them %v: want linear", n, n, whole, eighth)
	}
}
