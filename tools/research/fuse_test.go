package research

import (
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/internal/weburl"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/search"
)

func results(urls ...string) []search.Result {
	var out []search.Result
	for i, u := range urls {
		out = append(out, search.Result{Rank: i + 1, URL: u, Title: u})
	}
	return out
}

func TestFuseReciprocalRank(t *testing.T) {
	lists := []rankedList{
		{Query: "q1", Weight: 1, Results: results("https://a.example/x", "https://b.example/", "https://c.example/")},
		{Query: "q2", Weight: 1, Results: results("https://b.example", "http://www.a.example/x#top", "https://d.example/")},
	}
	got := fuse(lists, weburl.Domains{})
	var order []string
	for _, c := range got {
		order = append(order, c.URL)
	}
	// a and b are in both lists (b normalised from a trailing slash, a from
	// www./http/fragment); a ranks 1+2, b 2+1: equal score, a keeps its
	// first-seen URL; c and d trail.
	if len(got) != 4 {
		t.Fatalf("fused %d candidates, want 4: %v", len(got), order)
	}
	if got[0].Score != got[1].Score || got[0].Score <= got[2].Score {
		t.Errorf("scores %v %v %v: a and b should tie above c", got[0].Score, got[1].Score, got[2].Score)
	}
	want := 1.0/61 + 1.0/62
	if d := got[0].Score - want; d > 1e-9 || d < -1e-9 {
		t.Errorf("top score %v, want %v", got[0].Score, want)
	}
	if got[2].URL != "https://c.example/" || got[3].URL != "https://d.example/" {
		t.Errorf("order %v, want c before d (same rank, c seen first)", order)
	}
}

func TestFuseDomainFilters(t *testing.T) {
	lists := []rankedList{{Query: "q", Weight: 1, Results: results(
		"https://en.wikipedia.org/wiki/X", "https://spam.example.com/x", "https://example.com/y", "https://other.org/z")}}
	tests := []struct {
		include, exclude []string
		want             int
	}{
		{nil, nil, 4},
		{[]string{"wikipedia.org"}, nil, 1},
		{nil, []string{"example.com"}, 2},
		{[]string{"example.com"}, []string{"spam.example.com"}, 1},
	}
	for _, tt := range tests {
		d, err := weburl.ParseDomains(tt.include, tt.exclude)
		if err != nil {
			t.Fatal(err)
		}
		if got := fuse(lists, d); len(got) != tt.want {
			t.Errorf("include %v exclude %v: %d results, want %d", tt.include, tt.exclude, len(got), tt.want)
		}
	}
}
