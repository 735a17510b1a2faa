package research

import (
	"fmt"
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/search"
)

// deepRun is a run whose one chain (from "Ilse Marrin", three hops planned
// unless hops says otherwise) has taken steps, whose bridge "Tavaria" had
// a hop search offering ten results (the first five queued as follow-ups,
// the rest past the cut), and whose frontier also holds the question
// search's best result at priority 1.
func deepRun(p Params, hops int, steps []hopStep, resolved bool) *run {
	r := &run{p: &p, frontier: map[string]*item{}}
	c := &chain{anchor: "Ilse Marrin", steps: steps, resolved: resolved}
	if hops > 0 {
		c.hopTerms = make([]map[string]bool, hops)
	}
	r.chains = []*chain{c}
	hr := &hopRead{bridge: "Tavaria"}
	for i := range 10 {
		k := fmt.Sprintf("hop%d", i)
		r.frontier[k] = &item{key: k}
		prio := 0.0
		if i < p.FollowUpResults {
			prio = p.HopPriority / (1 + p.FollowUpRankDecay*float64(i))
		}
		hr.results = append(hr.results, hopResult{key: k, rank: i, prio: prio, deep: i < p.HopDeepResults})
	}
	r.hopReads = []*hopRead{hr}
	r.frontier["question"] = &item{key: "question", priority: 1}
	return r
}

// readOrder pops the frontier until it is empty, as the read loop does.
func readOrder(r *run) []string {
	var out []string
	for it := r.next(); it != nil; it = r.next() {
		out = append(out, it.key)
	}
	return out
}

// Which results of a bridge's hop search are read, and before what: an
// open inner hop reads all ten, in the hop's order, before the question
// search's best; a last hop, a guess, a chain off the decomposition and a
// resolved chain keep the follow-up cut; an answered hop reads none.
func TestRankHopReads(t *testing.T) {
	born := hopStep{Subject: "Ilse Marrin", Bridge: "Tavaria", Consumed: []string{"birth"}, Score: 1}
	guess := hopStep{Subject: "Ilse Marrin", Bridge: "Tavaria", Score: 0}
	onward := hopStep{Subject: "Tavaria", Bridge: "Kesselholm", Consumed: []string{"largest", "city"}, Score: 1}
	silent := hopStep{Subject: "Tavaria"}
	deep := []string{"hop0", "hop1", "hop2", "hop3", "hop4", "hop5", "hop6", "hop7", "hop8", "hop9", "question"}
	cut := []string{"hop0", "question", "hop1", "hop2", "hop3", "hop4"}
	stops := DefaultParams()
	stops.HopAnsweredStops = false
	off := DefaultParams()
	off.HopDeepResults = 0
	for _, tt := range []struct {
		name     string
		p        Params
		hops     int
		steps    []hopStep
		resolved bool
		want     []string
	}{
		{"open inner hop: all ten, first", DefaultParams(), 3, []hopStep{born}, false, deep},
		{"open inner hop, its own page silent on it", DefaultParams(), 3, []hopStep{born, silent}, false, deep},
		{"rule off: the follow-up cut", off, 3, []hopStep{born}, false, cut},
		{"the last hop is open: the cut", DefaultParams(), 2, []hopStep{born}, false, cut},
		{"a guessed bridge: the cut", DefaultParams(), 3, []hopStep{guess}, false, cut},
		{"a chain off the decomposition: the cut", DefaultParams(), 0, []hopStep{born}, false, cut},
		{"a resolved chain: the cut", DefaultParams(), 3, []hopStep{born, silent}, true, cut},
		{"answered: no page", DefaultParams(), 4, []hopStep{born, onward}, false, []string{"question"}},
		{"answered, stop off: the cut", stops, 4, []hopStep{born, onward}, false, cut},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := deepRun(tt.p, tt.hops, tt.steps, tt.resolved)
			r.rankHopReads()
			if got := readOrder(r); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("read order %q, want %q", got, tt.want)
			}
		})
	}
}

// The state is recomputed at each decision: once a page read takes the
// walk on from the bridge, its deeper results stop drawing pages.
func TestRankHopReadsFollowsTheWalk(t *testing.T) {
	born := hopStep{Subject: "Ilse Marrin", Bridge: "Tavaria", Consumed: []string{"birth"}, Score: 1}
	r := deepRun(DefaultParams(), 3, []hopStep{born}, false)
	r.rankHopReads()
	if it := r.next(); it == nil || it.key != "hop0" {
		t.Fatalf("first read %+v, want hop0", it)
	}
	r.chains[0].steps = append(r.chains[0].steps, hopStep{Subject: "Tavaria", Bridge: "Kesselholm", Consumed: []string{"largest"}, Score: 1})
	r.rankHopReads()
	if got := readOrder(r); fmt.Sprint(got) != "[question]" {
		t.Errorf("after the hop was answered: read %q, want only the question search's result", got)
	}
}

// A hop search is read deeper only when it is about its bridge: one of the
// results it queues is the bridge's page, or a result is about it. The
// tail of a search that found neither shares a word of the name or the
// hop, not the subject.
func TestConfirmsBridge(t *testing.T) {
	p := DefaultParams()
	r := &run{p: &p}
	titles := func(ts ...string) []search.Result {
		var out []search.Result
		for _, t := range ts {
			out = append(out, search.Result{Title: t})
		}
		return out
	}
	none := make([]bool, 7)
	aboutLast := append(make([]bool, 6), true)
	for _, tt := range []struct {
		name    string
		results []search.Result
		about   []bool
		want    bool
	}{
		{"the bridge's page among the first", titles("Brenna", "Tavaria", "Brennb", "Brennc", "Brennd", "Brenne", "Brennf"), none, true},
		{"a result about the bridge", titles("Brenna", "Brennb", "Brennc", "Brennd", "Brenne", "Brennf", "Brenng"), aboutLast, true},
		{"its page past the cut, nothing about it", titles("Brenna", "Brennb", "Brennc", "Brennd", "Brenne", "Brennf", "Tavaria"), none, false},
		{"neither", titles("Brenna", "Brennb", "Brennc", "Brennd", "Brenne", "Brennf", "Brenng"), none, false},
	} {
		if got := confirmsBridge(r.namesAResult(tt.results, "Tavaria", tt.about, 0), tt.about); got != tt.want {
			t.Errorf("%s: confirmsBridge = %v, want %v", tt.name, got, tt.want)
		}
	}
}
