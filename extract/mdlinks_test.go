package extract

import "testing"

func TestCountLinks(t *testing.T) {
	for _, tc := range []struct {
		md   string
		want int
	}{
		{"no links here", 0},
		{"[one](/a) and [two](/b)", 2},
		{"![a photo](/p.jpg)", 1},
		{"[![a photo](/p.jpg)](/item)", 1}, // a linked image is one link, though it holds two "]("
		{`\[not](/a) a link`, 0},
		{"[broken](/a", 0},
	} {
		if got := countLinks(tc.md); got != tc.want {
			t.Errorf("countLinks(%q) = %d, want %d", tc.md, got, tc.want)
		}
	}
}

// A row of product pictures, each linked and described in its alternative
// text, holds five words a link: more than a control's labels. Counted
// twice a picture (its image and its link), the row read as a control row.
func TestControlBlockCountsLinkedImagesOnce(t *testing.T) {
	row := "[![Green canvas tent for two](/t1.jpg)](/tent-1) [![Grey canvas tent for four](/t2.jpg)](/tent-2)"
	if isControlBlock(row, &defaultConfig) {
		t.Errorf("isControlBlock(%q) = true, want false", row)
	}
	facets := "[In stock](/f?s=1) [On sale](/f?s=2) [New](/f?s=3)"
	if !isControlBlock(facets, &defaultConfig) {
		t.Errorf("isControlBlock(%q) = false, want true", facets)
	}
}
