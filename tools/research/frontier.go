package research

import (
	"net"
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/deepresearch-mcp/deepresearch-mcp/internal/weburl"
)

// queueSearchResults puts the fused results of the planned searches on the
// frontier, their priority their score relative to the best.
func (r *run) queueSearchResults(cands []candidate) {
	if len(cands) == 0 {
		return
	}
	top := cands[0].Score
	for _, c := range cands {
		k := frontierKey(c.URL)
		n := c.Score / top
		prio := n
		if r.namesEntity(c.Title) {
			// The page of a name the question mentions is the first hop of
			// a bridge or one side of a comparison: read it in the first
			// wave, so that the follow-up searches can come from it.
			prio = max(prio, r.p.EntityPagePriority)
		} else if r.narrowerEntityPage(c) {
			prio = max(prio, r.p.NarrowerPagePriority)
		}
		it := &item{url: c.URL, key: k, title: c.Title, priority: prio, search: n, via: strings.Join(c.Queries, " | ")}
		for _, q := range c.Queries {
			it.offeredBy(q)
		}
		r.frontier[k] = it
	}
}

// next pops the frontier's best item (ties by key, so the order never
// depends on map iteration).
func (r *run) next() *item {
	var best *item
	for _, it := range r.frontier {
		if it.rank() < r.p.MinPriority {
			continue
		}
		if best == nil || it.rank() > best.rank() || (it.rank() == best.rank() && it.key < best.key) {
			best = it
		}
	}
	if best != nil {
		delete(r.frontier, best.key)
	}
	return best
}

// rank is an item's read priority: the best of what its searches and links
// gave it and what the hop searches give it now.
func (it *item) rank() float64 { return max(it.priority, it.hop) }

// sortedFrontier lists unread items, best first.
func (r *run) sortedFrontier() []*item {
	out := make([]*item, 0, len(r.frontier))
	for _, it := range r.frontier {
		out = append(out, it)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].rank() != out[j].rank() {
			return out[i].rank() > out[j].rank()
		}
		return out[i].key < out[j].key
	})
	return out
}

// namesEntity reports whether a page title is the page of one of the plan's entities.
func (r *run) namesEntity(title string) bool {
	for _, e := range r.plan.Entities {
		if r.p.EntityPlaceTitle {
			if entityPlaceTitle(title, e, r.p.TitleMatch) {
				return true
			}
			continue
		}
		if nameMatch(title, e, r.p.TitleMatch) {
			return true
		}
	}
	return false
}

// narrowerEntityPage reports a search result that ranks high in an
// entity's own search (within NarrowerPageRank) and whose title holds the
// entity's words with more: a namesake told apart ("Portland, Oregon"),
// an instance ("St. Peter's Basilica" for "Basilica"), a list of its parts
// ("List of Dorran cast members"), a chapter of its history ("Dorran
// reunification"). The question's entity is often one of these rather
// than the page titled by its bare name, which the fused ranking puts
// first; the others fall under the question search's tail.
func (r *run) narrowerEntityPage(c candidate) bool {
	if r.p.NarrowerPageRank <= 0 {
		return false
	}
	for i, q := range c.Queries {
		if i >= len(c.Ranks) || c.Ranks[i] > r.p.NarrowerPageRank {
			continue
		}
		for _, e := range r.plan.Entities {
			if normQuery(q) == normQuery(e) && !theNoun(r.plan.Question, e) && titleHoldsName(bareTitle(c.Title), e, r.p) {
				return true
			}
		}
	}
	return false
}

// theNoun reports a lone capitalised word the question writes after
// "the" ("the King who made", "the Basilica named after"): a common noun
// capitalised as a title, whose search is of every king, not of a name
// with namesakes; the pages that hold the word are other kings' and
// works titled with it ("The King and I").
func theNoun(q, e string) bool {
	if len(strings.Fields(e)) != 1 {
		return false
	}
	ws := wordSpans(q)
	for i := 1; i < len(ws); i++ {
		if q[ws[i][0]:ws[i][1]] == e && strings.EqualFold(q[ws[i-1][0]:ws[i-1][1]], "the") {
			return true
		}
	}
	return false
}

// titleHoldsName reports that every word of name stands in title, as
// itself or as another form of the same word: an adjective or a
// demonym made from it ("Tavarian" of "Tavaria", "German" of
// "Germany", "Italian" of "Italy"), which English forms by changing at
// most a word's last letters. Two words are forms of one word when they
// share all but the name word's last NarrowerStemSlack letters and at
// least NarrowerStemMin letters ("Portugal" is no form of "Portland").
func titleHoldsName(title, name string, p *Params) bool {
	tw := nameTokens(title)
	nw := nameTokens(name)
	if len(nw) == 0 || len(tw) <= len(nw) {
		return false
	}
	for _, w := range nw {
		if !slices.ContainsFunc(tw, func(t string) bool { return sameStem(t, w, p) }) {
			return false
		}
	}
	return true
}

// sameStem reports that t is w or a form of it (see titleHoldsName).
func sameStem(t, w string, p *Params) bool {
	if t == w {
		return true
	}
	n := 0
	for n < len(t) && n < len(w) && t[n] == w[n] {
		n++
	}
	return n >= p.NarrowerStemMin && n >= len(w)-p.NarrowerStemSlack
}

// entityPlaceTitle is nameMatch with the comma of a place's title read
// as English writes it: "Name, Larger Place" is the page of Name (the
// larger place tells namesakes apart: "Dorran, Tavaria" is Dorran's
// page, though Dorran alone is not its whole title; the name before the
// comma is the whole entity: "Hugo, Count of Varnmouth" is not Hugo
// Lind's page, though half its words are his), and never the page
// of the larger place ("Ramapo, Tavaria" is not Tavaria's page, though
// it shares most of its words).
func entityPlaceTitle(title, entity string, threshold float64) bool {
	bt := bareTitle(title)
	if placedIn(bt, entity) {
		return false
	}
	if head, ok := qualifiedName(bt); ok && normQuery(head) == normQuery(entity) {
		return true
	}
	return nameMatch(title, entity, threshold)
}

// qualifiedName is the name before a title's first ", " when what follows is
// a capitalised qualifier (a larger place, "Duke of Wexen"): the words
// of a qualifier after a comma are capitalised but for connectors, and a
// lower-case word says the comma joins a phrase instead ("Love, actually").
func qualifiedName(title string) (string, bool) {
	head, rest, ok := commaSplit(title)
	if !ok {
		return "", false
	}
	ws := wordSpans(rest)
	if len(ws) == 0 {
		return "", false
	}
	for k, sp := range ws {
		w := rest[sp[0]:sp[1]]
		if isCap(w) || (k > 0 && connectors[strings.ToLower(w)]) {
			continue
		}
		return "", false
	}
	return strings.TrimSpace(head), true
}

// commaSplit cuts a title at its first ", " into the name before it and
// the qualifier after ("Copake Lake" and "New York" of "Copake Lake, New
// York"); ok is false without one, or with nothing before it.
func commaSplit(title string) (head, qualifier string, ok bool) {
	i := strings.Index(title, ", ")
	if i <= 0 {
		return title, "", false
	}
	return title[:i], title[i+2:], true
}

// commaHead is a title before its comma qualifier ("Copake Lake" of
// "Copake Lake, New York"), whatever the qualifier's words, or the whole
// title without one.
func commaHead(title string) string {
	head, _, _ := commaSplit(title)
	return head
}

// hostLimit is the politeness bound for rawURL's host.
func (e *Engine) hostLimit(rawURL string) int {
	h := hostOf(rawURL)
	if h == "localhost" {
		return e.maxTabs
	}
	if ip := net.ParseIP(h); ip != nil && ip.IsLoopback() {
		return e.maxTabs
	}
	return e.perHost
}

// queueLinks puts the links page idx proposes on the frontier (or, for
// pages already tried, records the link in the graph).
func (r *run) queueLinks(idx int) {
	p := r.pages[idx]
	for _, l := range p.reading.Links {
		if !domainAllowed(l.URL, r.req.IncludeDomains, r.req.ExcludeDomains) {
			continue
		}
		k := frontierKey(l.URL)
		prio := r.linkPriority(r.ownScore(p), l.Score, p.bestLink)
		strength := l.Score / p.bestLink
		if to, ok := r.byKey[k]; ok {
			r.link(idx, to, strength)
			r.pages[to].offeredBy(l.Text)
			continue
		}
		it := r.frontier[k]
		if it == nil {
			it = &item{url: l.URL, key: k, title: l.Text, depth: p.depth + 1, via: l.Text}
			r.frontier[k] = it
		}
		it.offeredBy(l.Text)
		it.priority = max(it.priority, prio)
		r.pendingParent(k, idx, strength)
	}
}

// linkPriority ranks a proposed link against search results (whose best is
// 1): the parent's score relative to the best page so far, times the link's
// score relative to the parent's best link, damped when even that best is
// weak (a link in a sentence that has little to do with the question).
func (r *run) linkPriority(own, linkScore, bestLink float64) float64 {
	if r.bestOwn <= 0 || bestLink <= 0 {
		return 0
	}
	absolute := min(1, max(r.p.LinkFloor, linkScore/r.p.StrongLink))
	return r.p.LinkScale * (own / r.bestOwn) * (linkScore / bestLink) * absolute
}

// frontierKey is the identity of a page for de-duplication: the one URL key
// search and research share (weburl.Key).
func frontierKey(raw string) string { return weburl.Key(raw) }

// domainAllowed applies the caller's include/exclude domain lists with the
// one domain filter web_search uses too (weburl.Domains). The lists were
// validated by the tool layer; a list that does not parse allows nothing.
func domainAllowed(raw string, include, exclude []string) bool {
	d, err := weburl.ParseDomains(include, exclude)
	return err == nil && d.Allows(raw)
}

// outsideDomainsError: a page redirected to a host the domain filters
// exclude. Its source is listed as skipped with this as the reason, and it
// supplies no evidence and no links.
type outsideDomainsError struct{ finalURL string }

func (e *outsideDomainsError) Error() string {
	return "redirected to " + e.finalURL + ", outside the include/exclude domains; not used"
}

// hostOf returns the host of raw ("" when it has none).
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}
