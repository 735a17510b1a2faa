package research

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
)

// HeuristicReader reads with term statistics: it scores each passage by the
// question weight it covers (whole passage and best sentence, the latter
// standing for term proximity) and the entities it names.
type HeuristicReader struct{}

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
		tw = newTermWeights(task.Plan, nil, nil)
	}
	p := tw.p
	content := extract.StripMarkdownLinks(page.Doc.Markdown)
	r := &Reading{Title: page.Doc.Title, Content: content}
	r.TitleMatch = tw.titleEntity(r.Title)

	segs := splitSegments(content, p.PassageMaxChars)
	r.Segments = len(segs)
	best := 0.0
	for i := range segs {
		if i >= p.MaxSegments || ctx.Err() != nil {
			break
		}
		s := &segs[i]
		scoreSegment(content, s, tw, i == 0)
		r.Read = i + 1
		if s.score > best {
			best = s.score
		}
		if i+1 == p.EarlyStopAfter && best < p.MinKeepScore && r.TitleMatch < p.TitleMatch {
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
		if len(r.Findings) >= p.MaxFindings || s.score < best*p.KeepRatio || (s.score < p.MinKeepScore && r.TitleMatch < p.TitleMatch) {
			break
		}
		if f, ok := windowWithin(content, s, p.QuoteMaxChars, p.WindowGrowLeft); ok {
			f.Lead = len(segs) > 0 && f.Start == segs[0].sents[0][0]
			r.Findings = append(r.Findings, f)
		}
	}
	if len(segs) > 0 && len(segs[0].sents) > 0 {
		sp := segs[0].sents[0]
		if sp[1]-sp[0] <= p.LeadMaxChars {
			r.Lead = Finding{Quote: content[sp[0]:sp[1]], Start: sp[0], End: sp[1], Lead: true}
		}
	}
	if len(r.Findings) == 0 && len(segs) > 0 {
		// Nothing matched, but the page may be the bridge of a multi-hop
		// question (reached through a link or a name): its lead says what
		// it is about, and the coordinator decides whether it counts.
		if f, ok := windowWithin(content, segs[0], p.QuoteMaxChars, p.WindowGrowLeft); ok {
			f.Lead = f.Start == segs[0].sents[0][0]
			r.Findings = append(r.Findings, f)
		}
	}
	r.Relevance = best
	r.Links = proposeLinks(page, content, task, tw)
	if best >= p.MinKeepScore || r.TitleMatch >= p.TitleMatch {
		r.Queries = proposeQueries(content, r.Findings, task, tw)
	}
	return r, nil
}

// splitSegments cuts content into passages (extract's splitter when it is
// available) and their sentences.
func splitSegments(content string, passageMaxChars int) []segment {
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
		sc := tw.coverage(ts) + tw.p.SentEntities*tw.entityHits(content[ss[0]:ss[1]])
		sc += tw.answerBonus(content[ss[0]:ss[1]], sc)
		s.sentScore[i] = sc
		if sc > bestSent {
			bestSent = sc
		}
	}
	p := tw.p
	s.score = p.SegCoverage*tw.coverage(all) + p.SegBestSentence*bestSent + p.SegEntities*tw.entityHits(content[s.start:s.end])
	if first {
		// The lead of a page says what the page is about: it counts more,
		// and its first sentence is worth keeping in the quote.
		s.score *= p.LeadBoost
		if len(s.sentScore) > 0 {
			s.sentScore[0] += p.LeadSentence * bestSent
		}
	}
}

// windowWithin picks the run of sentences with the most score within
// maxChars, starting from the best sentence and growing towards the better
// neighbour (the earlier one unless the later scores more than 1/growLeft
// times it). The page's opening sentence is kept when it fits, since it
// names what the passage is about.
func windowWithin(content string, s segment, maxChars int, growLeft float64) (Finding, bool) {
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
		if canL && (!canR || s.sentScore[lo-1] >= s.sentScore[hi+1]*growLeft) {
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

// wordCut returns an end offset at most limit, on a space when there is one
// and never inside a UTF-8 sequence.
func wordCut(content string, start, limit int) int {
	if limit >= len(content) {
		return len(content)
	}
	if sp := strings.LastIndexByte(content[start:limit], ' '); sp > 0 {
		return start + sp
	}
	return max(start, runeFloor(content, limit))
}
