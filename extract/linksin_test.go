package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestLinksIn(t *testing.T) {
	// The links whose target is still in the Markdown are kept, in order,
	// whether they are few (searched for) or many (looked up in an index).
	for _, n := range []int{3, linksIndexFrom + 3} {
		var links []Link
		var md strings.Builder
		for i := range n {
			u := fmt.Sprintf("https://shop.example/item/%d.html", i)
			links = append(links, Link{Text: fmt.Sprint("item ", i), URL: u})
			if i%3 != 1 {
				fmt.Fprintf(&md, "- [item %d](%s \"Item\")\n", i, u)
			}
		}
		got := linksIn(links, md.String())
		var want []Link
		for i, l := range links {
			if i%3 != 1 {
				want = append(want, l)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%d links: got %d, want %d: %v", n, len(got), len(want), got[:min(4, len(got))])
		}
	}
}

func TestLinksInIsLinear(t *testing.T) {
	// A listing's thousands of links against its long Markdown, most of
	// them dropped (the worst case of a search: to the end of the text for
	// each): timed against an eighth of itself, linear work grows about 8×,
	// links × text 64×.
	run := func(n int) time.Duration {
		var links []Link
		var md strings.Builder
		for i := range n {
			u := fmt.Sprintf("https://shop.example/item/%d", i)
			links = append(links, Link{URL: u + "/reviews"})
			fmt.Fprintf(&md, "- [Item number %d, with a line about it](%s)\n", i, u)
		}
		text := md.String()
		start := time.Now()
		got := linksIn(links, text)
		took := time.Since(start)
		if len(got) != 0 {
			t.Fatalf("%d links kept whose targets are not in the text", len(got))
		}
		return took
	}
	run(512) // warm up
	const n = 40000
	eighth, whole, ok := growsLinearly(func() time.Duration { return run(n / 8) }, func() time.Duration { return run(n) }, time.Second)
	if !ok {
		t.Errorf("%d links took %v, an eighth of them %v: want linear", n, whole, eighth)
	}
}

// BenchmarkLinksIn: a listing's links against its Markdown, half of them
// still in it, below the index (searched for) and above it (looked up).
func BenchmarkLinksIn(b *testing.B) {
	for _, n := range []int{linksIndexFrom - 1, 4 * linksIndexFrom, 64 * linksIndexFrom} {
		var links []Link
		var md strings.Builder
		for i := range n {
			u := fmt.Sprintf("https://shop.example/item/%d.html", i)
			links = append(links, Link{URL: u})
			if i%2 == 0 {
				fmt.Fprintf(&md, "- [Item number %d, with a line about it](%s)\n", i, u)
			}
		}
		text := md.String()
		b.Run(fmt.Sprint(n, "links"), func(b *testing.B) {
			for b.Loop() {
				if got := linksIn(links, text); len(got) != (n+1)/2 {
					b.Fatalf("%d links kept, want %d", len(got), (n+1)/2)
				}
			}
		})
	}
}
