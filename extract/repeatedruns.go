package extract

import "strings"

// Some pages hold their text twice: a theme that writes the post once for
// wide screens and once for narrow ones (the stylesheet that shows one is
// not loaded), a print copy under the page. Both extractors read both
// copies as text. This runs on every result but a thread's (whose posts
// may quote each other whole), after the region's own, block-by-block
// repeat rules (dropRepeats, regionclean.go).

// dropRepeatedRuns removes a run of at least cfg.RepeatRunMinBlocks
// consecutive blocks, holding at least cfg.RepeatRunMinWords words, that
// repeats an earlier run block for block, in order: the page's text laid
// out twice (a desktop and a mobile copy, a print version), which the
// extractors read as one. A repeated label, card or code sample is one or
// two blocks, or short, and stays: pages repeat those on purpose (a tab's
// label above its panel, a meal plan's days).
func dropRepeatedRuns(md string, cfg *config) string {
	return dropRepeatedRunsOf(md, cfg.RepeatRunMinWords, nil, cfg)
}

// dropRepeatedHeadingRuns is dropRepeatedRuns for a main region read as
// the content (a page of many parts, a listing): a run of at least
// cfg.RepeatRunMinBlocks headings in a row (the entries'
// titles), holding at least cfg.ListingRepeatRunMinWords words, that
// repeats an earlier run heading for heading is the same entries shown
// twice (a blog's "Recent posts" widget under its own list of the same
// posts). A listing's different lists (one critic's top ten, another's)
// share titles, not a run of them in one order.
func dropRepeatedHeadingRuns(md string, cfg *config) string {
	return dropRepeatedRunsOf(md, cfg.ListingRepeatRunMinWords, isHeading, cfg)
}

// dropRepeatedRunsOf is dropRepeatedRuns with runs of minWords words,
// of blocks that only (nil: every block) accepts.
func dropRepeatedRunsOf(md string, minWords int, only func(blk string) bool, cfg *config) string {
	blocks := markdownBlocks(md)
	keys := make([]string, len(blocks))
	words := make([]int, len(blocks))
	first := make(map[string]int, len(blocks))
	var toks []string
	for i, sp := range blocks {
		if only != nil && !only(md[sp.start:sp.end]) {
			continue // no key: no run goes through it
		}
		toks = wordTokens(strings.ToLower(stripLinks(md[sp.start:sp.end])), toks[:0])
		keys[i], words[i] = strings.Join(toks, " "), len(toks)
		if _, ok := first[keys[i]]; !ok && keys[i] != "" {
			first[keys[i]] = i
		}
	}
	drop := make([]bool, len(blocks))
	dropped := false
	for i := 0; i < len(blocks); {
		j, ok := first[keys[i]]
		if !ok || j >= i {
			i++
			continue
		}
		// The run goes on while both copies do and the copy stays before
		// the original's end; every block has a word, so a run that is
		// not taken is shorter than RepeatRunMinWords blocks.
		n, w := 0, 0
		for i+n < len(blocks) && j+n < i && keys[i+n] != "" && keys[i+n] == keys[j+n] {
			w += words[i+n]
			n++
		}
		if n < cfg.RepeatRunMinBlocks || w < minWords {
			i++
			continue
		}
		for k := i; k < i+n; k++ {
			drop[k] = true
		}
		dropped = true
		i += n
	}
	if !dropped {
		return md
	}
	k := -1
	return keepBlocks(md, func(string) bool {
		k++
		return !drop[k]
	})
}

// dropCardCopies removes from each top-level list item of md the second
// copy of its card: from a heading line that repeats the item's earlier
// heading to the item's end, when every line of that copy is a line the
// item showed before it (a card written once for phones and once for
// desktops, the stylesheet that hides one not read: "How to get clients ·
// Tomorrow at 12:00 · Free" twice in every entry of a listing). An item
// that says something new after its heading again keeps it.
func dropCardCopies(md string) string {
	if !strings.Contains(md, "\n- ") && !strings.HasPrefix(md, "- ") {
		return md
	}
	lines := strings.Split(md, "\n")
	drop := make([]bool, len(lines))
	dropped := false
	var fence codeFence
	start := -1 // first line of the current item
	flush := func(end int) {
		if start < 0 {
			return
		}
		for end > start && strings.TrimSpace(lines[end-1]) == "" {
			end-- // the blank lines that set the item apart stay
		}
		if from := cardCopyStart(lines[start:end]); from > 0 {
			for k := start + from; k < end; k++ {
				drop[k] = true
			}
			dropped = true
		}
	}
	for i, line := range lines {
		if fence.line(line) {
			continue
		}
		if strings.HasPrefix(line, "- ") || line != "" && line[0] != ' ' {
			flush(i)
			start = -1
			if strings.HasPrefix(line, "- ") {
				start = i
			}
		}
	}
	flush(len(lines))
	if !dropped {
		return md
	}
	out := lines[:0:0]
	for i, line := range lines {
		if !drop[i] {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

// cardCopyStart is the index in item (a list item's lines) of the heading
// line that opens a copy of the card before it, or 0.
func cardCopyStart(item []string) int {
	text := func(l string) string { return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "- ")) }
	for _, l := range item {
		if t := text(l); strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			return 0 // code: its lines are not a card's
		}
	}
	// seen holds the lines of item[:i], added as i moves on: one map for
	// the item, not one per heading (an item of many headings).
	seen := map[string]bool{}
	for i := range item {
		h := text(item[i])
		if i > 0 && strings.HasPrefix(h, "#") && seen[h] {
			for _, l := range item[i:] {
				if t := text(l); t != "" && !seen[t] {
					return 0
				}
			}
			return i
		}
		seen[h] = true
	}
	return 0
}
