package research

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
	"github.com/deepresearch-mcp/deepresearch-mcp/internal/weburl"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
)

// HeuristicReader reads with term statistics: it scores each passage by the
// question weight it covers (whole passage and best sentence, the latter
// standing for term proximity) and the entities it names.
type HeuristicReader struct{}

const (
	earlyStopAfter = 4    // passages read before giving up on an irrelevant page
	maxSegments    = 80   // passages looked at on one page at most
	keepRatio      = 0.45 // passages within this share of the page's best are kept
	maxFindings    = 3
	maxLinks       = 12
	maxPageQueries = 3
	minKeepScore   = 0.12
	leadMaxChars   = 400
)

type segment struct {
	start, end int
	sents      [][2]int // sentence spans (absolute offsets), headings dropped
	sentScore  []float64
	score      float64
}

// Read implements Reader.
func (HeuristicReader) Read(ctx context.Context, task ReadTask, page *browse.Page) (*Reading, error) {
	if page == nil || page.Doc == nil {
		return nil, fmt.Errorf("read %s: the page has no extracted document", task.URL)
	}
	tw := task.weights
	if tw == nil {
		tw = newTermWeights(task.Plan, nil)
	}
	content := extract.StripMarkdownLinks(page.Doc.Markdown)
	r := &Reading{Title: page.Doc.Title, Content: content}
	r.TitleMatch = tw.titleEntity(r.Title)

	segs := splitSegments(content)
	r.Segments = len(segs)
	best := 0.0
	for i := range segs {
		if i >= maxSegments || ctx.Err() != nil {
			break
		}
		s := &segs[i]
		scoreSegment(content, s, tw, i == 0)
		r.Read = i + 1
		if s.score > best {
			best = s.score
		}
		if i+1 == earlyStopAfter && best < minKeepScore && r.TitleMatch < 0.5 {
			r.Stopped = true
			break
		}
	}
	segs = segs[:r.Read]

	// Keep the best passages, each cut to its best run of sentences.
	order := make([]int, len(segs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return segs[order[a]].score > segs[order[b]].score })
	for _, i := range order {
		s := segs[i]
		if len(r.Findings) >= maxFindings || s.score < best*keepRatio || (s.score < minKeepScore && r.TitleMatch < 0.5) {
			break
		}
		if f, ok := quoteWindow(content, s); ok {
			f.Lead = len(segs) > 0 && f.Start == segs[0].sents[0][0]
			r.Findings = append(r.Findings, f)
		}
	}
	if len(segs) > 0 && len(segs[0].sents) > 0 {
		sp := segs[0].sents[0]
		if sp[1]-sp[0] <= leadMaxChars {
			r.Lead = Finding{Quote: content[sp[0]:sp[1]], Start: sp[0], End: sp[1], Lead: true}
		}
	}
	if len(r.Findings) == 0 && len(segs) > 0 {
		// Nothing matched, but the page may be the bridge of a multi-hop
		// question (reached through a link or a name): its lead says what
		// it is about, and the coordinator decides whether it counts.
		if f, ok := quoteWindow(content, segs[0]); ok {
			f.Lead = f.Start == segs[0].sents[0][0]
			r.Findings = append(r.Findings, f)
		}
	}
	r.Relevance = best
	r.Links = proposeLinks(page, content, task, tw)
	if best >= minKeepScore || r.TitleMatch >= 0.5 {
		r.Queries = proposeQueries(content, r.Findings, task, tw)
	}
	return r, nil
}

// splitSegments cuts content into passages (extract's splitter when it is
// available) and their sentences.
func splitSegments(content string) []segment {
	var spans [][2]int
	if ps := extract.SplitPassages(content, passageMaxChars); len(ps) > 0 {
		for _, p := range ps {
			if p.Start >= 0 && p.End <= len(content) && p.Start < p.End {
				spans = append(spans, [2]int{p.Start, p.End})
			}
		}
	}
	if len(spans) == 0 {
		spans = paragraphSpans(content)
	}
	var out []segment
	for _, sp := range spans {
		s := segment{start: sp[0], end: sp[1]}
		for _, ss := range sentenceSpans(content[sp[0]:sp[1]]) {
			a, b := sp[0]+ss[0], sp[0]+ss[1]
			if strings.HasPrefix(content[a:b], "#") {
				continue // a heading labels the passage; it is not evidence
			}
			s.sents = append(s.sents, [2]int{a, b})
		}
		if len(s.sents) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// paragraphSpans splits on blank lines.
func paragraphSpans(text string) [][2]int {
	var out [][2]int
	start := 0
	for {
		i := strings.Index(text[start:], "\n\n")
		end := len(text)
		if i >= 0 {
			end = start + i
		}
		if strings.TrimSpace(text[start:end]) != "" {
			out = append(out, [2]int{start, end})
		}
		if i < 0 {
			return out
		}
		start = end + 2
	}
}

// scoreSegment: question weight covered by the passage, by its best sentence
// (terms close together), and the entities it names.
func scoreSegment(content string, s *segment, tw *termWeights, first bool) {
	all := tokens(content[s.start:s.end])
	s.sentScore = make([]float64, len(s.sents))
	bestSent := 0.0
	for i, ss := range s.sents {
		ts := tokens(content[ss[0]:ss[1]])
		sc := tw.coverage(ts) + 0.5*tw.entityHits(content[ss[0]:ss[1]])
		sc += tw.answerBonus(content[ss[0]:ss[1]], sc)
		s.sentScore[i] = sc
		if sc > bestSent {
			bestSent = sc
		}
	}
	s.score = 0.55*tw.coverage(all) + 0.3*bestSent + 0.4*tw.entityHits(content[s.start:s.end])
	if first {
		// The lead of a page says what the page is about: it counts more,
		// and its first sentence is worth keeping in the quote.
		s.score *= 1.15
		if len(s.sentScore) > 0 {
			s.sentScore[0] += 0.5 * bestSent
		}
	}
}

// quoteWindow picks the run of sentences with the most score within
// quoteMaxChars, starting from the best sentence and growing towards the
// better neighbour. The page's opening sentence is kept when it fits, since
// it names what the passage is about.
func quoteWindow(content string, s segment) (Finding, bool) {
	return windowWithin(content, s, quoteMaxChars)
}

func windowWithin(content string, s segment, maxChars int) (Finding, bool) {
	if len(s.sents) == 0 {
		return Finding{}, false
	}
	bi := 0
	for i, sc := range s.sentScore {
		if sc > s.sentScore[bi] {
			bi = i
		}
	}
	lo, hi := bi, bi
	size := func(a, b int) int { return s.sents[b][1] - s.sents[a][0] }
	for {
		canL := lo > 0 && size(lo-1, hi) <= maxChars
		canR := hi+1 < len(s.sents) && size(lo, hi+1) <= maxChars
		if !canL && !canR {
			break
		}
		// Prefer the earlier sentence: it usually introduces the subject.
		if canL && (!canR || s.sentScore[lo-1] >= s.sentScore[hi+1]*0.8) {
			lo--
		} else {
			hi++
		}
	}
	start, end := s.sents[lo][0], s.sents[hi][1]
	if end-start > maxChars*2 {
		// One huge sentence (a table row, a run-on list): cut on a word boundary.
		end = wordCut(content, start, start+maxChars)
		if end <= start {
			return Finding{}, false
		}
	}
	score := s.score
	return Finding{Quote: content[start:end], Start: start, End: end, Score: score}, true
}

// proposeLinks scores content links by the anchor (does it name an entity
// of the question?) and by the sentence around it (does it speak of what the
// question asks?). In a multi-hop question the bridge entity is a link in the
// sentence that matches the question.
func proposeLinks(page *browse.Page, content string, task ReadTask, tw *termWeights) []LinkProposal {
	self := weburl.Key(page.FinalURL)
	if self == "" {
		self = weburl.Key(task.URL)
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
		k := weburl.Key(l.URL)
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
		score := 0.6*ctxCov + 0.3*tw.titleEntity(text) + 0.2*tw.coverage(anchorTerms)
		if ctx == "" {
			score *= 0.5 // a link outside the text (a list, a menu that slipped through)
		}
		if score <= 0.05 {
			continue
		}
		out = append(out, LinkProposal{URL: l.URL, Text: text, Context: ctx, Score: score})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	if len(out) > maxLinks {
		out = out[:maxLinks]
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
	if len(missing) > 3 {
		missing = missing[:3]
	}
	tail := ""
	for _, m := range missing {
		tail += " " + m.word
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
					lo, hi := max(0, wi-4), min(len(words), wi+len(strings.Fields(name))+4)
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
				cands = append(cands, cand{name, 0.5*sentScore + near})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	var out []QueryProposal
	for _, c := range cands {
		out = append(out, QueryProposal{Query: c.name + tail, Entity: c.name, Score: c.score})
		if len(out) >= maxPageQueries {
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
		out = append(out, name)
	}
	return out
}

var calendarWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
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

// wordCut returns an end offset at most limit, on a space when there is one
// and never inside a UTF-8 sequence.
func wordCut(content string, start, limit int) int {
	if limit >= len(content) {
		return len(content)
	}
	if sp := strings.LastIndexByte(content[start:limit], ' '); sp > 0 {
		return start + sp
	}
	for limit > start && !utf8.RuneStart(content[limit]) {
		limit--
	}
	return limit
}
