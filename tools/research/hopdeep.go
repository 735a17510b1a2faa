package research

import (
	"slices"
)

// Reading an open hop deeper. A chain's bridge, once resolved, is the next
// hop's subject; its hop search ("Tavaria largest city") is the one search
// that asks for that hop alone, while the question's own search mixes the
// words of every hop. Yet the page that answers an inner hop (the name
// the chain walks on to) often ranks past a follow-up's usual cut
// (FollowUpResults), below short pages sharing one of its words, and the
// question search's tail, fused flat by RRF, takes the pages first. So
// while an inner hop is open (its bridge resolved by a sentence that
// answered a hop, and no page read yet taking the walk on from it), its
// search's first HopDeepResults results, in the hop's order, come before
// every page of the planned searches, links and other follow-ups, when
// that search confirms the bridge (its page, or a page naming it). Once
// the walk steps on from the bridge the hop has its evidence, and its
// searches' results draw no more pages (HopAnsweredStops). The state is
// the walk's over the pages read, in schedule order, recomputed at each
// decision, so the order of pages never depends on timing.

// hopRead is what one hop search offers the frontier: its results in the
// search's order, each with its re-ranked place and the priority it has
// as a follow-up result (0 when past the usual cut).
type hopRead struct {
	bridge  string
	results []hopResult
}

type hopResult struct {
	key  string
	rank int     // the hop's re-ranked place (hopRanks), 0-based, over every results page asked
	prio float64 // as a follow-up result (0: past the usual cut)
	deep bool    // read deeper while the hop is open: a hop search's result within HopDeepResults
}

// hopState is where a bridge stands in the walks.
type hopState int

const (
	hopOther    hopState = iota // not an open or answered hop: a guess, the answer, a bridge dropped
	hopOpen                     // resolved by an answering sentence, no step from it yet
	hopAnswered                 // a walk took a step from it: its hop has evidence
)

// bridgeState is the state of bridge over every chain's current walk: a
// step from it anywhere, to a further name or answering a relation word,
// means its hop has evidence. A walk that stopped on a page of the bridge
// that gave neither (its own page, silent on the hop) leaves it open.
func (r *run) bridgeState(bridge string) hopState {
	state := hopOther
	if bridge == "" {
		return state
	}
	for _, c := range r.chains {
		for j, st := range c.steps {
			if st.Bridge != bridge {
				continue
			}
			if j+1 < len(c.steps) && (c.steps[j+1].Bridge != "" || c.steps[j+1].Score > 0) {
				return hopAnswered
			}
			// The bridge is the next hop's subject, answered by a
			// sentence (not a page's first name taken as a guess), and
			// that hop leads on to another (innerHopAt).
			if !c.resolved && len(st.Consumed) > 0 && c.innerHopAt(j) {
				state = hopOpen
			}
		}
	}
	return state
}

// deepPriority is the priority of an open hop's result at rank: above 1
// (the best planned result's), so that it comes before every planned,
// linked and guessed page, and falling with the rank from HopPriority, so
// the hop's results are read in its order.
func (r *run) deepPriority(rank int) float64 {
	return 1 + (r.p.HopPriority-1)/float64(1+rank)
}

// rankHopReads sets every frontier item's hop priority from the hop
// searches that offered it and the state of their bridges now.
func (r *run) rankHopReads() {
	for _, it := range r.frontier {
		it.hop = 0
	}
	states := map[string]hopState{}
	for _, hr := range r.hopReads {
		s, ok := states[hr.bridge]
		if !ok {
			s = r.bridgeState(hr.bridge)
			states[hr.bridge] = s
		}
		for _, res := range hr.results {
			it := r.frontier[res.key]
			if it == nil {
				continue
			}
			p := res.prio
			switch {
			case s == hopOpen && res.deep:
				p = max(p, r.deepPriority(res.rank))
			case s == hopAnswered && r.p.HopAnsweredStops:
				p = 0
			}
			it.hop = max(it.hop, p)
		}
	}
}

// offersDeep reports whether a hop search's result at re-ranked place rank
// is kept for reading deeper, past the usual cut.
func (r *run) offersDeep(rank int) bool { return rank < r.p.HopDeepResults }

// innerHopAt reports whether the hop after c's step j is an inner hop of
// the question's decomposition: its answer is a further name whose page
// the chain must find (the county whose neighbour is asked), not the last
// hop's value, which the bridge's own page (its hop search's first result)
// states. A chain that does not start where the decomposition does (a
// second name, often a qualifier: "of India", "Venus") has no hop order,
// and its bridges are guesses as often as not.
func (c *chain) innerHopAt(j int) bool {
	return c.hopTerms != nil && hopsAnswered(c.steps[:j+1]) < len(c.hopTerms)-1
}

// confirmsBridge reports whether a hop search's results are about its
// bridge: one of those it queues is the bridge's page (ownPage, as
// namesAResult found it) or names it (about).
func confirmsBridge(ownPage bool, about []bool) bool {
	return ownPage || slices.Contains(about, true)
}
