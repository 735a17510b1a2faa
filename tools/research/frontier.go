package research

import (
	"net"
	"net/url"
	"sort"
	"strings"
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
		}
		r.frontier[k] = &item{url: c.URL, key: k, title: c.Title, priority: prio, search: n, via: strings.Join(c.Queries, " | ")}
	}
}

// next pops the frontier's best item (ties by key, so the order never
// depends on map iteration).
func (r *run) next() *item {
	var best *item
	for _, it := range r.frontier {
		if it.priority < r.p.MinPriority {
			continue
		}
		if best == nil || it.priority > best.priority || (it.priority == best.priority && it.key < best.key) {
			best = it
		}
	}
	if best != nil {
		delete(r.frontier, best.key)
	}
	return best
}

// sortedFrontier lists unread items, best first.
func (r *run) sortedFrontier() []*item {
	out := make([]*item, 0, len(r.frontier))
	for _, it := range r.frontier {
		out = append(out, it)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].priority != out[j].priority {
			return out[i].priority > out[j].priority
		}
		return out[i].key < out[j].key
	})
	return out
}

// namesEntity reports whether a page title is the page of one of the plan's entities.
func (r *run) namesEntity(title string) bool {
	for _, e := range r.plan.Entities {
		if nameMatch(title, e, r.p.TitleMatch) {
			return true
		}
	}
	return false
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
			continue
		}
		it := r.frontier[k]
		if it == nil {
			it = &item{url: l.URL, key: k, title: l.Text, depth: p.depth + 1, via: l.Text}
			r.frontier[k] = it
		}
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

// frontierKey is the identity of a page for de-duplication: scheme and host
// lower-cased, "www." dropped, default port, fragment and tracking
// parameters removed, the trailing slash ignored, escapes in the path
// normalised. (One small function: the shared URL-identity package replaces
// its body.)
func frontierKey(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return strings.TrimSpace(raw)
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimPrefix(host, "www.")
	port := u.Port()
	scheme := strings.ToLower(u.Scheme)
	if (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		port = ""
	}
	if scheme == "http" {
		scheme = "https" // the same page is usually served on both
	}
	if port != "" {
		host += ":" + port
	}
	path := u.EscapedPath()
	if p, err := url.PathUnescape(path); err == nil {
		path = p
	}
	path = strings.TrimSuffix(path, "/")
	q := u.Query()
	for k := range q {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "utm_") || lk == "fbclid" || lk == "gclid" || lk == "ref" || lk == "ref_src" {
			q.Del(k)
		}
	}
	s := scheme + "://" + host + path
	if enc := q.Encode(); enc != "" {
		s += "?" + enc
	}
	return s
}

// domainAllowed applies include/exclude lists: a domain matches itself and
// its subdomains. (One small function: the shared Domains type replaces its
// body.)
func domainAllowed(raw string, include, exclude []string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	for _, d := range exclude {
		if domainMatch(host, d) {
			return false
		}
	}
	if len(include) == 0 {
		return true
	}
	for _, d := range include {
		if domainMatch(host, d) {
			return true
		}
	}
	return false
}

func domainMatch(host, domain string) bool {
	d := strings.ToLower(strings.TrimSpace(domain))
	d = strings.TrimPrefix(strings.TrimPrefix(d, "https://"), "http://")
	d = strings.Trim(strings.SplitN(d, "/", 2)[0], ".")
	if d == "" {
		return false
	}
	return host == d || strings.HasSuffix(host, "."+d)
}

// hostOf returns the host of raw ("" when it has none).
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}
