package research

// A hop search's later results page. The engine ranks a long page that
// names the bridge once below short pages that share a common word of its
// name ("Cal" of "Cal Berrow"), so the bridge's own page or a page about
// it may sit at ranks 11-20, where no re-ranking of the first page reaches.
// When the first page brings neither the bridge's page nor a result that
// names it, the search asks its second page once, and of that page queues
// only the results about the bridge: the rest are the tail of a search
// that already failed. A name check (the bridge's name alone) refutes the
// bridge only after its second page failed too.

// pageOffset is the overall rank (0-based) of the first result of the
// results page p asked.
func (r *run) pageOffset(p proposal) int {
	return max(0, p.page-1) * max(1, r.p.SearchResults)
}

// askNextPage queues the second results page of hop search ev when its
// first page brought nothing new about the bridge (the pages it names the
// bridge in may be the ones already read: the page the bridge was found
// on); it reports whether it did.
func (r *run) askNextPage(ev searchDone, about []bool) bool {
	if !r.p.HopNextPage || ev.prop.page > 1 {
		return false
	}
	for i, a := range about {
		if _, read := r.byKey[frontierKey(ev.resp.Results[i].URL)]; a && !read {
			return false
		}
	}
	next := ev.prop
	next.page = 2
	r.nextPages = append(r.nextPages, next)
	return true
}

// takeNextPages returns the pending later pages of hop searches, in the
// order their first pages were answered, and clears them.
func (r *run) takeNextPages() []proposal {
	out := r.nextPages
	r.nextPages = nil
	return out
}
