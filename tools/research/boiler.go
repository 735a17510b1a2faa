package research

import "strings"

// Site chrome that survives extraction (a byline such as "From Wikipedia,
// the free encyclopedia", a "Share this" line) opens or closes many pages of
// one site with the same paragraph. It says nothing about the question and
// costs evidence tokens, so quotes are trimmed of it.

// boilerplate returns the paragraphs that recur, word for word, on at least
// BoilerMinPages of the pages read and BoilerShare of them, and those that
// open at least BoilerOpeningPages pages of one site (below the heading):
// two pages about different things do not begin with the same words, a
// site's byline does, even when extraction kept it on only a few of the
// pages read. Of one site only: two sites that open with the same words
// carry the same story (a news agency's), whose lead is not chrome.
func (r *run) boilerplate() map[string]bool {
	type opening struct{ host, para string }
	count, opens := map[string]int{}, map[opening]int{}
	read := 0
	for _, p := range r.pages {
		if p.reading == nil {
			continue
		}
		read++
		seen := map[string]bool{}
		first := true
		for _, para := range strings.Split(p.reading.Content, "\n\n") {
			para = strings.TrimSpace(para)
			if para == "" {
				continue
			}
			// A heading recurs as chrome too ("## References"), but the
			// opening is the first paragraph below the page's title.
			heading := strings.HasPrefix(para, "#")
			isOpening := first && !heading
			if !heading {
				first = false
			}
			if len(para) > 200 || seen[para] {
				continue
			}
			seen[para] = true
			count[para]++
			if isOpening {
				opens[opening{hostOf(p.url), para}]++
			}
		}
	}
	out := map[string]bool{}
	for para, n := range count {
		if n >= r.p.BoilerMinPages && float64(n) >= r.p.BoilerShare*float64(read) {
			out[para] = true
		}
	}
	if r.p.BoilerOpeningPages > 0 {
		for o, n := range opens {
			if n >= r.p.BoilerOpeningPages {
				out[o.para] = true
			}
		}
	}
	return out
}

// trimBoiler cuts boilerplate paragraphs off both ends of a quote. Only the
// ends: what remains is still a contiguous, verbatim part of the page.
func trimBoiler(q string, boiler map[string]bool) string {
	if len(boiler) == 0 {
		return q
	}
	paras := strings.Split(q, "\n\n")
	lo, hi := 0, len(paras)
	for lo < hi && (boiler[strings.TrimSpace(paras[lo])] || strings.TrimSpace(paras[lo]) == "") {
		lo++
	}
	for hi > lo && (boiler[strings.TrimSpace(paras[hi-1])] || strings.TrimSpace(paras[hi-1]) == "") {
		hi--
	}
	if lo == 0 && hi == len(paras) {
		return q
	}
	return strings.TrimSpace(strings.Join(paras[lo:hi], "\n\n"))
}
