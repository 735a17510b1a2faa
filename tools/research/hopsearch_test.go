package research

import (
	"fmt"
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/search"
)

// hopSearchRun is a run that has read the page proposing a bridge and gets
// the answer of the bridge's hop search.
func hopSearchRun(t *testing.T, p Params, bridge string, results []search.Result) *run {
	t.Helper()
	r := walkRun("What year did the author of The Silver Lantern Manifesto die?", [][2]string{
		{"The Silver Lantern Manifesto", "The Silver Lantern Manifesto is a pamphlet by the Ostrian reformer " + bridge + ", published in 1621."},
	})
	r.p = &p
	r.frontier, r.byKey, r.queried = map[string]*item{}, map[string]int{}, map[string]bool{}
	r.progress = func(float64, float64, string) {}
	r.pages[0].item.url = "http://web.test/wiki/The_Silver_Lantern_Manifesto"
	r.pages[0].key = frontierKey(r.pages[0].item.url)
	r.byKey[r.pages[0].key] = 0 // read, as startPage records it
	r.bestOwn = r.ownScore(r.pages[0])
	r.searchFinished(searchDone{
		prop:  proposal{QueryProposal: QueryProposal{Query: bridge + " year die", Entity: bridge, Score: 1}, from: 0, strength: 1, hop: true},
		depth: 1,
		resp:  &search.Response{Query: bridge + " year die", Results: results},
	})
	r.rankHopReads() // as the read loop does after its searches
	return r
}

func result(title, snippet string) search.Result {
	return search.Result{Title: title, URL: "http://web.test/wiki/" + title, Snippet: snippet}
}

// namesakes are n short pages that share only the common first name of
// the bridge "Aldo Venn" and the hop's words.
func namesakes(n int) []search.Result {
	var out []search.Result
	for i := range n {
		out = append(out, result(fmt.Sprintf("Aldo Person %d", i), fmt.Sprintf("Aldo Person %d was born in the year 17%d0 and died young.", i, i)))
	}
	return out
}

// A bridge search's results that name the bridge in their snippet come
// before those that share only a common word of its name, wherever the
// engine ranked them; a long page that names the bridge once is read.
func TestHopSearchPrefersResultsNamingTheBridge(t *testing.T) {
	results := append(namesakes(9), result("Venndrift Movement", "Aldo Venn (1580–1644), a reformer who studied in Kesselburg, returned home and founded the movement."))
	// The follow-up quota alone: an open hop's deeper reading (hopdeep.go)
	// would queue every result.
	base := DefaultParams()
	base.HopDeepResults = 0
	r := hopSearchRun(t, base, "Aldo Venn", results)
	long := r.frontier[frontierKey("http://web.test/wiki/Venndrift Movement")]
	if long == nil {
		t.Fatalf("the page naming the bridge (rank 10) was not queued; frontier %v", r.sortedFrontier())
	}
	for _, it := range r.sortedFrontier() {
		if it != long && it.rank() >= long.rank() {
			t.Errorf("%q (%.2f) is read before the page naming the bridge (%.2f)", it.title, it.rank(), long.rank())
		}
	}
	// Results that do not name the bridge are queued as the engine ranked
	// them, up to the hop search's quota.
	if n := len(r.frontier); n != r.p.FollowUpResults+1 {
		t.Errorf("%d results queued, want the first %d and the one naming the bridge", n, r.p.FollowUpResults)
	}
	p := base
	p.HopSnippetRerank = false
	if r := hopSearchRun(t, p, "Aldo Venn", results); r.frontier[frontierKey("http://web.test/wiki/Venndrift Movement")] != nil {
		t.Error("without the re-rank the page at rank 10 is queued too: the case tests nothing")
	}
}

// Names are matched as whole words, whatever punctuation follows them.
func TestNamedIn(t *testing.T) {
	for _, tt := range []struct {
		s, name string
		want    bool
	}{
		{"such as Aldo Venn, who revived it", "Aldo Venn", true},
		{"born in Marlow, Wexland.", "Wexland", true},
		{"During Venn's absence", "Venn", true},
		{"(Aldo Venn)", "Aldo Venn", true},
		{"aldo   venn wrote", "Aldo Venn", true},
		{"Aldo Vennberg wrote", "Aldo Venn", false},
		{"a Wexland-based firm", "Wexland", false},
		{"Aldo Venn", "", false},
		{"", "Aldo Venn", false},
	} {
		if got := namedIn(tt.s, tt.name); got != tt.want {
			t.Errorf("namedIn(%q, %q) = %v, want %v", tt.s, tt.name, got, tt.want)
		}
	}
}

// The bridge's own page is read at the hop's priority at whatever rank
// the hop's words left it, and confirms the bridge: no search of its name
// alone is needed.
func TestHopSearchReadsTheBridgesOwnPageAtAnyRank(t *testing.T) {
	results := append(namesakes(7), result("Aldo Venn", "Aldo Venn was an Ostrian reformer."))
	r := hopSearchRun(t, DefaultParams(), "Aldo Venn", results)
	own := r.frontier[frontierKey("http://web.test/wiki/Aldo Venn")]
	if own == nil || own.rank() < r.p.HopPriority {
		t.Fatalf("the bridge's own page at rank 8: %+v, want it queued at the hop priority %.2f", own, r.p.HopPriority)
	}
	if len(r.nameChecks) != 0 {
		t.Errorf("name checks %+v: the search found the bridge's page", r.nameChecks)
	}
	if len(r.pendingParents[own.key]) == 0 {
		t.Error("the bridge's page is not linked to the page that proposed it")
	}
}
