package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Trafilatura is the more precise extractor and readability the more
// complete one (benchmark dev set, as Markdown: precision 0.948 vs 0.909,
// recall 0.979 vs 0.987). Where they disagree, two general patterns hold:
//   - trafilatura picked one of several sibling containers (an article body
//     split by ads): readability holds all of trafilatura's text and much
//     more, so readability's result is the better one;
//   - trafilatura picked a box beside the content (an author bio, a call
//     to action, one card) that readability's result, many times longer,
//     does not even hold: readability found the content
//     (config.DisjointCoverage, DisjointGrowth);
//   - trafilatura kept a teaser, caption or "follow us" block at the start
//     or end of the article that readability's scoring left out: such edge
//     blocks, absent from readability's result, are dropped.
// Whichever wins is then trimmed of boilerplate that both keep, judged on
// its own shape (trimEdges): link lists, calls to action, copyright lines,
// dangling headings, the headline repeated atop the text, ad-slot labels.
// Every rule is about structure or wording common to all sites; none
// names a site, class or id.

const (
	// swapCoverage and swapGrowth: readability replaces trafilatura when it
	// contains nearly all of trafilatura's text and is at least twice as long.
	swapCoverage = 0.9
	swapGrowth   = 2.0
	// trimCoverage: edges are trimmed only when the two broadly agree.
	trimCoverage = 0.8
	// edgeBlockCoverage: an edge block with less than this share of its
	// shingles in readability's result is boilerplate.
	edgeBlockCoverage = 0.5
	// edgeLinkDensity: an edge block that is mostly link text is a list of
	// related articles or share links.
	edgeLinkDensity = 0.6
	// edgeOwnWords: a block with a sentence of its own outside the links is
	// kept whatever its link density (inline link cards in a paragraph).
	edgeOwnWords = 12
)

// combine returns the Markdown to keep, given both extractors' Markdown
// and the page title. useReadability reports that readability's rendering
// won outright (its links are the ones to report).
func combine(tf, rd, titles string) (md string, useReadability bool) {
	return combineTexts(tf, wordTokens(stripLinks(tf), nil), rd, newOtherText(rd), titles)
}

// combineTexts is combine given trafilatura's tokens (tfTokens) and
// readability's text (rdText, newOtherText of rd), which mainContent
// computes beside trafilatura, on readability's side.
func combineTexts(tf string, tfTokens []string, rd string, rdText *otherText, titles string) (md string, useReadability bool) {
	rdTokens := rdText.toks
	if len(tfTokens) == 0 {
		return trimEdges(rd, nil, titles), len(rdTokens) > 0
	}
	var votes *otherText
	if len(rdTokens) > 0 {
		votes = rdText
		c := coverage(tfTokens, votes.set)
		if c >= swapCoverage && float64(len(rdTokens)) >= swapGrowth*float64(len(tfTokens)) {
			return trimEdges(rd, nil, titles), true
		}
		if disjointPick(tfTokens, rdTokens, c, &defaultConfig) {
			return trimEdges(rd, nil, titles), true
		}
		if c < trimCoverage {
			votes = nil // they disagree too much for block votes to mean anything
		}
	}
	return trimEdges(tf, votes, titles), false
}

// disjointPick: trafilatura's text (tfTokens, of which the share c is in
// readability's) is a box beside readability's much longer result.
func disjointPick(tfTokens, rdTokens []string, c float64, cfg *config) bool {
	return c < cfg.DisjointCoverage && float64(len(rdTokens)) >= cfg.DisjointGrowth*float64(len(tfTokens)) &&
		len(rdTokens) >= cfg.DisjointMinWords
}

// disjointSwap reports that combine took readability's result over
// trafilatura's disjoint one (disjointPick): the extractors disagreed
// outright, and whether the page is an article at all is open. tfTokens
// and rdText are as combineTexts takes them.
func disjointSwap(tfTokens []string, rdText *otherText, cfg *config) bool {
	if len(tfTokens) == 0 || len(rdText.toks) == 0 {
		return false
	}
	c := coverage(tfTokens, rdText.set)
	return c < swapCoverage && disjointPick(tfTokens, rdText.toks, c, cfg)
}

// otherText is the other extractor's text, for block votes.
type otherText struct {
	set   map[uint64]struct{} // shingles of toks
	toks  []string
	short map[uint64]struct{} // keys of every run of one to three of toks, made on first need (shortRuns)
}

// newOtherText is md's text (link targets are not text: what a reader
// sees) as word tokens and their shingles.
func newOtherText(md string) *otherText {
	toks := wordTokens(stripLinks(md), nil)
	return &otherText{set: shingleSet(toks), toks: toks}
}

// covers is the share of toks' shingles found in the other text. A block
// shorter than a shingle counts as found when its tokens occur there in a
// row ("- one\n- two" at the end of a list both kept).
func (o *otherText) covers(toks []string) float64 {
	if len(toks) == 0 || len(toks) >= shingleWidth || len(o.toks) < shingleWidth {
		return coverage(toks, o.set)
	}
	// Looked up, not searched for: a page may ask this of thousands of
	// short blocks or titles against a long text.
	if o.short == nil {
		o.short = shortRuns(o.toks)
	}
	if _, ok := o.short[shingleKey(toks)]; ok {
		return 1
	}
	return 0
}

// shortRuns is the set of shingleKeys of every run of one to three
// consecutive toks: the blocks shorter than a shingle that occur in toks.
func shortRuns(toks []string) map[uint64]struct{} {
	set := make(map[uint64]struct{}, 3*len(toks))
	for i := range toks {
		for n := 1; n <= 3 && i+n <= len(toks); n++ {
			set[shingleKey(toks[i:i+n])] = struct{}{}
		}
	}
	return set
}

// trimEdges drops boilerplate blocks from the start and end of md: blocks
// the other extractor left out (other != nil), link lists, copyright
// lines, headings with nothing under them, and a leading H1 that repeats
// the title (reported separately). It never trims everything.
func trimEdges(md string, other *otherText, titles string) string {
	blocks := markdownBlocks(md)
	i, j := 0, len(blocks)
	var buf []string
	notInOther := func(block string) bool {
		if other == nil {
			return false
		}
		buf = wordTokens(stripLinks(block), buf[:0])
		return other.covers(buf) < edgeBlockCoverage
	}
	for i < j {
		b := md[blocks[i].start:blocks[i].end]
		if i == 0 && isTitleHeading(b, titles) {
			i++
			continue
		}
		if isEntryHeading(b) || isEntryTitleAt(md, blocks, i) {
			break // the first entry of a list of linked titles (entrytitles.go)
		}
		if isDebrisBlock(b) || isBoilerBlock(b) || notInOther(b) {
			i++
			continue
		}
		if i == 1 && isTitleHeading(md[blocks[0].start:blocks[0].end], titles) && isHeading(b) && !strings.Contains(b, "](") {
			i++ // the standfirst under the headline (a linked heading is an entry, not a standfirst)
			continue
		}
		break
	}
	for j > i {
		b := md[blocks[j-1].start:blocks[j-1].end]
		if isDebrisBlock(b) || isBoilerBlock(b) || notInOther(b) || isHeading(b) {
			j--
			continue
		}
		break
	}
	if i == j {
		return md
	}
	// Inside the article only ad-slot labels go ("Advertisement",
	// "Continue reading below"): short, and nothing else in them; and the
	// separators left over from removed metadata.
	return dropBlocks(md, blocks[i:j], func(text string) bool {
		return isSlotLabel(text) || isDebrisBlock(text) && !isThematicBreak(text)
	})
}

// dropBlocks returns md from the first to the last of blocks, without the
// inner blocks drop reports (the first and last are kept: callers have
// judged them already).
func dropBlocks(md string, blocks []span, drop func(block string) bool) string {
	var b strings.Builder
	last := blocks[0].start
	for k := 1; k < len(blocks)-1; k++ {
		if drop(md[blocks[k].start:blocks[k].end]) {
			b.WriteString(md[last:blocks[k].start])
			last = blocks[k+1].start
		}
	}
	b.WriteString(md[last:blocks[len(blocks)-1].end])
	return b.String()
}

// slotLabels are the labels of ad slots and "read on" breaks that sit
// between an article's paragraphs.
var slotLabels = []string{"advertisement", "continue reading", "story continues below", "article continues below",
	"continue reading below", "scroll to continue", "sponsored", "ad", "read more", "related"}

func isSlotLabel(block string) bool {
	words := wordTokens(strings.ToLower(stripLinks(block)), nil)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	w := strings.Join(words, " ")
	for _, l := range slotLabels {
		if w == l {
			return true
		}
	}
	return false
}

// isBoilerBlock: a block of mostly link text with no sentence of its own
// (related articles, share and follow links), or a copyright line.
func isBoilerBlock(b string) bool {
	if isLinkList(b) {
		return true
	}
	if _, row := linkRowWords(b); row && !isLinkedSentence(b) {
		return true
	}
	t := strings.ToLower(strings.TrimLeft(b, "*_ "))
	if (strings.HasPrefix(t, "©") || strings.HasPrefix(t, "copyright") || strings.HasPrefix(t, "(c) ")) && wordCount(t) < 30 {
		return true
	}
	return isCallToAction(t)
}

// linkRowWords: b is mostly link text (edgeLinkDensity) with fewer than
// edgeOwnWords words outside its links (own), the shape of a row of links
// with no sentence of its own.
func linkRowWords(b string) (own int, ok bool) {
	if linkDensity(b) < edgeLinkDensity {
		return 0, false
	}
	own = wordCount(stripLinkTexts(b))
	return own, own < edgeOwnWords
}

// ctaPhrases mark the promotional lines sites put around an article
// (newsletter sign-ups, "read more" teasers, social follow links).
var ctaPhrases = []string{
	"sign up", "signup", "subscribe", "newsletter", "click here", "follow us", "follow me",
	"read more", "see more", "more:", "related:", "also read", "read also", "don't miss", "don’t miss",
	"share this", "share it with", "like this story", "all rights reserved", "advertisement", "delivered to your inbox", "in your inbox",
}

// isCallToAction: a short block (lower-cased) with a promotional phrase.
func isCallToAction(t string) bool {
	if wordCount(stripLinks(t)) > 40 {
		return false
	}
	for _, p := range ctaPhrases {
		if containsPhrase(t, p) {
			return true
		}
	}
	return false
}

// containsPhrase finds p in t as whole words ("subscribe" does not match
// "subscribers").
func containsPhrase(t, p string) bool {
	for off := 0; ; {
		i := strings.Index(t[off:], p)
		if i < 0 {
			return false
		}
		i += off
		before, _ := utf8.DecodeLastRuneInString(t[:i])
		after, _ := utf8.DecodeRuneInString(t[i+len(p):])
		if (i == 0 || !unicode.IsLetter(before)) && (i+len(p) == len(t) || !unicode.IsLetter(after)) {
			return true
		}
		off = i + 1
	}
}

// isLinkList: a list whose items nearly all open with a link, the shape
// of "related stories" lists.
func isLinkList(b string) bool {
	items, linked := 0, 0
	for _, line := range strings.Split(b, "\n") {
		if line == "" || line[0] == ' ' {
			continue // continuation or nested item
		}
		body, ok := listItemBody(line)
		if !ok {
			continue
		}
		items++
		body = strings.TrimLeft(body, " *_")
		if strings.HasPrefix(body, "[") || strings.HasPrefix(body, "![") {
			linked++
		}
	}
	return items >= 2 && linked*5 >= items*4
}

// isEntryHeading: a heading that is a linked title of several words
// ("### [Release 4.2: faster imports](…)"), the head of a listing's entry;
// a one- or two-word linked heading is a section kicker.
func isEntryHeading(b string) bool {
	if !isHeading(b) || !strings.Contains(b, "](") || linkDensity(b) < edgeLinkDensity {
		return false
	}
	t := strings.ToLower(stripLinks(b))
	return wordCount(t) >= entryHeadingWords && !isCallToAction(t)
}

// entryHeadingWords: a linked heading this long is an entry's title.
const entryHeadingWords = 3

func isHeading(b string) bool {
	return strings.HasPrefix(strings.TrimLeft(b, " "), "#") && !strings.Contains(b, "\n")
}

// isTitleHeading: a heading whose words are one of the page's titles
// (titles holds candidates, one per line: og:title, JSON-LD headline,
// <title>), or contain it, or are contained in it ("Opinion | Headline").
func isTitleHeading(b, titles string) bool {
	if !isHeading(b) || titles == "" {
		return false
	}
	hw := wordTokens(strings.ToLower(stripLinks(b)), nil)
	if len(hw) == 0 {
		return false
	}
	h := " " + strings.Join(hw, " ") + " "
	for _, title := range strings.Split(titles, "\n") {
		tw := wordTokens(strings.ToLower(title), nil)
		if len(tw) == 0 {
			continue
		}
		t := " " + strings.Join(tw, " ") + " "
		if h == t || len(hw) >= 3 && strings.Contains(t, h) || len(tw) >= 3 && strings.Contains(h, t) {
			return true
		}
	}
	return false
}

// wordTokens appends the letter/digit runs of s: the benchmark's \w+,
// the same tokens it scores.
func wordTokens(s string, out []string) []string { return AppendWordTokens(out, s) }

// shingleWidth is how many consecutive tokens make a shingle: enough that
// a shared shingle is shared text, not a common phrase ("one of the").
const shingleWidth = 4

// shingleKey hashes shingleWidth consecutive tokens (FNV-1a over the tokens with
// a separator); collisions only blur a heuristic.
func shingleKey(toks []string) uint64 {
	h := uint64(14695981039346656037)
	for _, t := range toks {
		for k := 0; k < len(t); k++ {
			h ^= uint64(t[k])
			h *= 1099511628211
		}
		h ^= 0xff
		h *= 1099511628211
	}
	return h
}

func shingleSet(toks []string) map[uint64]struct{} {
	set := make(map[uint64]struct{}, len(toks))
	if len(toks) < shingleWidth {
		set[shingleKey(toks)] = struct{}{}
		return set
	}
	for i := 0; i+shingleWidth <= len(toks); i++ {
		set[shingleKey(toks[i:i+shingleWidth])] = struct{}{}
	}
	return set
}

// coverage is the share of toks' shingles found in set.
func coverage(toks []string, set map[uint64]struct{}) float64 {
	if len(toks) == 0 {
		return 1
	}
	if len(toks) < shingleWidth {
		if _, ok := set[shingleKey(toks)]; ok {
			return 1
		}
		return 0
	}
	hit, n := 0, 0
	for i := 0; i+shingleWidth <= len(toks); i++ {
		n++
		if _, ok := set[shingleKey(toks[i:i+shingleWidth])]; ok {
			hit++
		}
	}
	return float64(hit) / float64(n)
}

// blockIn: a block's words toks lie in set for at least share of their
// shingles. A block shorter than a shingle (a label, a price) would match
// anywhere its few words occur, so it is never in.
func blockIn(toks []string, set map[uint64]struct{}, share float64) bool {
	return len(toks) >= shingleWidth && coverage(toks, set) >= share
}

// span is a byte range of a Markdown string.
type span struct{ start, end int }

// markdownBlocks splits md at blank lines outside fenced code blocks and
// lists; each span excludes the surrounding blank lines. A list stays one
// block: a blank line followed by another item or an indented
// continuation does not end it.
func markdownBlocks(md string) []span {
	var out []span
	start := -1
	inList, looseList := false, false
	items := 0
	kind := byte(0)
	var fence codeFence
	pendingBlank := -1 // position of the first blank line seen inside a block
	for pos := 0; pos < len(md); {
		end := strings.IndexByte(md[pos:], '\n')
		if end < 0 {
			end = len(md)
		} else {
			end += pos
		}
		line := md[pos:end]
		blank := strings.TrimSpace(line) == ""
		switch {
		case fence.open():
			fence.line(line) // closes it or not
		case blank:
			if start >= 0 && pendingBlank < 0 {
				pendingBlank = pos
			}
		default:
			if pendingBlank >= 0 {
				// A blank line ends the block unless a list goes on: an
				// indented continuation, or another item of a loose list (a
				// tight list followed by a blank line and an item is two
				// adjacent lists).
				goesOn := inList && (line[0] == ' ' ||
					isListItem(line) && listKind(line) == kind && (looseList || items < 2))
				if goesOn {
					looseList = true
				} else {
					out = append(out, span{start, trimEnd(md, start, pendingBlank)})
					start = -1
				}
				pendingBlank = -1
			}
			if start < 0 {
				start = pos
				inList = isListItem(line)
				looseList, items, kind = false, 0, listKind(line)
			}
			if inList && line[0] != ' ' && isListItem(line) {
				items++
			}
			fence.line(line) // opens one or not
		}
		pos = end + 1
	}
	if start >= 0 {
		out = append(out, span{start, trimEnd(md, start, len(md))})
	}
	return out
}

// isListItem reports a line that opens a list item ("- ", "* ", "+ ",
// "1. ", "1) ").
func isListItem(line string) bool {
	_, ok := listItemBody(line)
	return ok
}

// listKind is '-' for bullet items and '1' for ordered ones.
func listKind(line string) byte {
	t := strings.TrimLeft(line, " ")
	if t != "" && (t[0] == '-' || t[0] == '*' || t[0] == '+') {
		return '-'
	}
	return '1'
}

// listItemBody returns the text after the list marker of line.
func listItemBody(line string) (string, bool) {
	t := strings.TrimLeft(line, " ")
	if len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ' {
		return t[2:], true
	}
	k := 0
	for k < len(t) && k < 9 && t[k] >= '0' && t[k] <= '9' {
		k++
	}
	if k > 0 && k+1 < len(t) && (t[k] == '.' || t[k] == ')') && t[k+1] == ' ' {
		return t[k+2:], true
	}
	return "", false
}

// trimEnd moves end back over trailing whitespace, not before start.
func trimEnd(s string, start, end int) int {
	for end > start && (s[end-1] == '\n' || s[end-1] == ' ' || s[end-1] == '\r' || s[end-1] == '\t') {
		end--
	}
	return end
}
