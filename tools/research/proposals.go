package research

import (
	"sort"
	"strings"
	"unicode"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
)

// What a reader proposes to read next: links in the sentences that match the
// question, and searches for the names the evidence mentions.

// proposeLinks scores content links by the anchor (does it name an entity
// of the question?) and by the sentence around it (does it speak of what the
// question asks?). In a multi-hop question the bridge entity is a link in the
// sentence that matches the question.
func proposeLinks(page *browse.Page, content string, task ReadTask, tw *termWeights) []LinkProposal {
	self := frontierKey(page.FinalURL)
	if self == "" {
		self = frontierKey(task.URL)
	}
	sents := sentenceSpans(content)
	var out []LinkProposal
	seen := map[string]bool{}
	for i, l := range page.Doc.Links {
		if i >= 200 {
			break
		}
		text := strings.TrimSpace(l.Text)
		if len(text) < 2 || !(strings.HasPrefix(l.URL, "http://") || strings.HasPrefix(l.URL, "https://")) {
			continue
		}
		k := frontierKey(l.URL)
		if k == self || seen[k] {
			continue
		}
		seen[k] = true
		ctx := ""
		if at := strings.Index(content, text); at >= 0 {
			for _, ss := range sents {
				if ss[0] <= at && at < ss[1] {
					ctx = content[ss[0]:ss[1]]
					break
				}
			}
		}
		anchorTerms := tokens(text)
		ctxCov := tw.coverage(tokens(ctx))
		// A link naming an entity of the question leads to a page its own
		// search finds; the unknown the question asks about is a new name
		// in a sentence that matches the question.
		p := tw.p
		score := p.LinkContext*ctxCov + p.LinkTitle*tw.titleEntity(text) + p.LinkAnchor*tw.coverage(anchorTerms)
		if ctx == "" {
			score *= p.LinkOutside // a link outside the text (a list, a menu that slipped through)
		}
		if score <= p.LinkMinScore {
			continue
		}
		out = append(out, LinkProposal{URL: l.URL, Text: text, Context: ctx, Score: score})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	if len(out) > tw.p.MaxLinks {
		out = out[:tw.p.MaxLinks]
	}
	return out
}

// proposeQueries builds follow-up searches from names the evidence mentions
// that the question does not (the bridge of a multi-hop question), best
// sentence first: the name plus the question's weightiest keywords that this
// page does not cover (what is still missing).
func proposeQueries(content string, fs []Finding, task ReadTask, tw *termWeights) []QueryProposal {
	have := map[string]bool{}
	for _, t := range tokens(content) {
		have[t] = true
	}
	type kw struct {
		word string
		w    float64
	}
	var missing []kw
	seenKW := map[string]bool{}
	for _, w := range strings.Fields(task.Plan.Keywords) {
		ts := tokens(w)
		if len(ts) != 1 || have[ts[0]] || seenKW[ts[0]] {
			continue
		}
		seenKW[ts[0]] = true
		missing = append(missing, kw{w, tw.w[ts[0]]})
	}
	sort.SliceStable(missing, func(i, j int) bool { return missing[i].w > missing[j].w })
	// The next hops' relation words first ("the mother of the director of
	// X", read on X's page: the director's name and "mother"), then the
	// weightiest keywords this page does not cover.
	var tailWords []string
	inTail := map[string]bool{}
	for _, w := range hopTail(task.Plan.Hops, task.Depth) {
		if t := tokens(w); len(t) == 1 && !inTail[t[0]] {
			inTail[t[0]] = true
			tailWords = append(tailWords, w)
		}
	}
	for _, m := range missing {
		if len(tailWords) >= tw.p.QueryMissing {
			break
		}
		if t := tokens(m.word); len(t) == 1 && !inTail[t[0]] {
			inTail[t[0]] = true
			tailWords = append(tailWords, m.word)
		}
	}
	tail := ""
	for _, w := range tailWords {
		tail += " " + w
	}

	// Names in the kept passages, scored by the question words around them
	// (not those of the question's own entities): in "during the Nixon
	// administration" the name next to "administration" is the one the
	// question asks about.
	entTerm := map[string]bool{}
	for _, e := range tw.ents {
		for _, t := range e.Terms {
			entTerm[t] = true
		}
	}
	type cand struct {
		name  string
		score float64
	}
	var cands []cand
	seen := map[string]bool{}
	for _, f := range fs {
		for _, sp := range sentenceSpans(f.Quote) {
			sentence := f.Quote[sp[0]:sp[1]]
			sentScore := tw.coverage(tokens(sentence))
			words := wordSpans(sentence)
			for _, name := range entityNames(sentence) {
				k := strings.ToLower(name)
				if seen[k] {
					continue
				}
				novel := false
				for _, t := range tokens(name) {
					if _, inQ := tw.w[t]; !inQ {
						novel = true
					}
				}
				if !novel {
					continue
				}
				seen[k] = true
				at := strings.Index(sentence, name)
				near := 0.0
				for wi, w := range words {
					if w[0] < at {
						continue
					}
					// words within four of the name, on either side
					lo, hi := max(0, wi-tw.p.QueryNear), min(len(words), wi+len(strings.Fields(name))+tw.p.QueryNear)
					nearSeen := map[string]bool{}
					for _, x := range words[lo:hi] {
						for _, t := range tokens(sentence[x[0]:x[1]]) {
							if w, ok := tw.w[t]; ok && !entTerm[t] && !nearSeen[t] {
								nearSeen[t] = true
								near += w
							}
						}
					}
					break
				}
				if tw.total > 0 {
					near /= tw.total
				}
				cands = append(cands, cand{name, tw.p.QuerySentence*sentScore + near})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	var out []QueryProposal
	for _, c := range cands {
		out = append(out, QueryProposal{Query: c.name + tail, Entity: c.name, Score: c.score})
		if len(out) >= tw.p.MaxPageQueries {
			break
		}
	}
	return out
}

// entityNames are the capitalised names in a sentence worth a search: not
// the sentence's first word alone, not months, days or bare numbers.
func entityNames(sentence string) []string {
	var out []string
	for _, name := range capitalSpans(sentence) {
		ws := strings.Fields(name)
		if len(ws) == 0 || len(ws) > 6 {
			continue
		}
		if isNumber(name) {
			continue
		}
		if len(ws) == 1 && (calendarWords[strings.ToLower(ws[0])] || strings.HasPrefix(sentence, name)) {
			continue
		}
		if dateLike(name) || nameNumber(ws[0]) {
			// "August 1946", "2017 3D": a date or a quantity, not a name
			// with a page of its own.
			continue
		}
		out = append(out, name)
	}
	return out
}

var calendarWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	// Era markers ("280 BC", "AD 800") are part of a date.
	"bc": true, "bce": true, "ad": true, "ce": true,
}

// isNumber reports a word with no letters ("1805", "1805–1875").
func isNumber(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}
