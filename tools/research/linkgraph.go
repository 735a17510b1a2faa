package research

// The link graph: which read page pointed at which (by a link, or by a
// follow-up search for a name it mentions). A page reached that way is the
// second hop of a multi-hop question and scores as its parent's bridge.

// link records that page from points to page to (both read).
func (r *run) link(from, to int, strength float64) {
	if from == to {
		return
	}
	r.pages[to].parents = append(r.pages[to].parents, parentLink{from, strength})
	r.pages[from].parents = append(r.pages[from].parents, parentLink{to, strength * r.p.ReverseLink})
}

// pendingParent remembers a pointer to a page not read yet.
func (r *run) pendingParent(key string, from int, strength float64) {
	if r.pendingParents == nil {
		r.pendingParents = map[string][]parentLink{}
	}
	r.pendingParents[key] = append(r.pendingParents[key], parentLink{from, strength})
}

// resolvePending turns the pointers recorded before page idx was read into links.
func (r *run) resolvePending(idx int) {
	key := r.pages[idx].key
	for _, pl := range r.pendingParents[key] {
		r.link(pl.from, idx, pl.strength)
	}
	delete(r.pendingParents, key)
}

// ownScore is a read page's score on its own: relevance, how well its title
// names an entity of the question, and how high the searches ranked it.
func (r *run) ownScore(p *pageRec) float64 {
	rd := p.reading
	if rd == nil {
		return 0
	}
	wt := r.p.TitleWeight
	if r.plan.Comparison {
		// Each side's own page is what a comparison needs most.
		wt = r.p.TitleComparison
	}
	return rd.Relevance + wt*rd.TitleMatch + r.p.SearchWeight*p.search
}

// pageScore is a page's own score or, when more, its best parent's share
// (scaled by how its pointer compares with the parent's best).
func (r *run) pageScore(p *pageRec) float64 {
	own := r.ownScore(p)
	if p.reading == nil {
		return 0
	}
	bridge := 0.0
	for _, pl := range p.parents {
		parent := r.pages[pl.from]
		if parent.reading == nil {
			continue
		}
		bridge = max(bridge, r.p.BridgeWeight*r.ownScore(parent)*pl.strength)
	}
	return max(own, bridge) + r.p.BridgeMix*min(own, bridge)
}
