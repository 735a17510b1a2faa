package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A forum's list of threads (and its index of boards) is a run of rows,
// each a thread's title with what the forum keeps count of: who started
// it and when, its replies and views, the last poster and the time of the
// last post, links to its later pages, the posters' avatar letters. A
// reader of the list came for the titles and a board's line about
// itself; the counts and names are the forum's bookkeeping, and rendered
// between the titles they split each title from the next.
//
// A row is found by its counts, whatever the forum software names its
// classes: an element that reads only as counts and their labels
// ("Replies 8", "Views 17K", "Topics: 46 Posts: 735", "735 Posts"), in
// the nearest enclosing element that holds a link (the row, its title's
// link among them).

// Kinds of threadStatLabels: a thread's or a board's count, or a count a
// poster's card shows too ("Posts: 1,204" beside each post of a thread):
// only the first makes a row.
const (
	statOfThread uint8 = 1 << iota
	statOfPoster
)

// threadStatLabels are the labels forums set beside their counts.
var threadStatLabels = map[string]uint8{
	"replies": statOfThread, "views": statOfThread, "topics": statOfThread, "threads": statOfThread,
	"posts": statOfPoster, "messages": statOfPoster,
}

// rowStat is what the walk of trimThreadRows knows of a node.
type rowStat struct {
	toks     []string // its words, while they are few enough to be a count (cfg.ThreadStatMaxWords)
	over     bool     // more words than that
	words    int
	links    int  // links with words under it (n included)
	rowsIn   int  // rows found under it (n included)
	rowAt    int  // the index in rows of the one, when rowsIn is 1
	pending  bool // holds counts not yet placed in a row
	ofThread bool // those counts are a thread's or a board's (statOfThread)
	climb    int  // levels the pending counts have climbed
}

// trimThreadRows reduces each row of a forum's thread list in region (at
// least cfg.MinEntries rows counting a thread's or a board's replies,
// views or topics) to its title (its first link with words, not a date or
// a page number) and the lines of at least cfg.ThreadRowSummaryWords
// words it holds outside links (a board's description). A row of more
// than cfg.ThreadRowMaxWords words is a post, not a row: it stays.
func trimThreadRows(region *html.Node, cfg *config) {
	type row struct {
		n        *html.Node
		ofThread bool
	}
	var rows []row
	var walk func(n *html.Node) rowStat
	walk = func(n *html.Node) rowStat {
		var st rowStat
		switch {
		case n.Type == html.TextNode:
			st.words = wordCount(n.Data)
			if st.over = st.words > cfg.ThreadStatMaxWords; !st.over && st.words > 0 {
				st.toks = wordTokens(n.Data, nil)
			}
			return st
		case n.Type != html.ElementNode && n.Type != html.DocumentNode,
			n.DataAtom == atom.Script, n.DataAtom == atom.Style, n.DataAtom == atom.Template:
			return st
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			k := walk(c)
			st.words += k.words
			st.links += k.links
			if k.rowsIn > 0 {
				st.rowsIn, st.rowAt = st.rowsIn+k.rowsIn, k.rowAt
			}
			if k.pending {
				st.climb = max(st.climb, k.climb+1)
				st.pending, st.ofThread = true, st.ofThread || k.ofThread
			}
			if !st.over {
				if st.over = k.over || len(st.toks)+len(k.toks) > cfg.ThreadStatMaxWords; st.over {
					st.toks = nil
				} else {
					st.toks = append(st.toks, k.toks...)
				}
			}
		}
		if n.DataAtom == atom.A && getAttr(n, "href") != "" && st.words > 0 {
			st.links++
		}
		if st.links == 0 && !st.over {
			if kinds, ok := statKinds(st.toks); ok {
				// Counts: the outermost element that reads only as counts.
				st.pending, st.ofThread, st.climb = true, st.ofThread || kinds&statOfThread != 0, 0
			}
		}
		if st.pending && st.climb > cfg.ThreadRowClimb {
			st.pending, st.ofThread = false, false
		}
		if st.pending && st.links > 0 {
			// The nearest element around the counts that holds a link is
			// their row. One that holds one row already is that row
			// widened to the counts set beside it (a board's title cell
			// with its counts in the next cells); one that holds more is
			// a group of rows (a board's block of sub-boards, the list).
			switch {
			case n.DataAtom == atom.A || st.words > cfg.ThreadRowMaxWords || st.rowsIn > 1:
			case st.rowsIn == 1:
				rows[st.rowAt] = row{n, rows[st.rowAt].ofThread || st.ofThread}
			default:
				rows = append(rows, row{n, st.ofThread})
				st.rowsIn, st.rowAt = 1, len(rows)-1
			}
			st.pending, st.ofThread = false, false
		}
		return st
	}
	walk(region)
	threadRows := 0
	for _, r := range rows {
		if r.ofThread {
			threadRows++
		}
	}
	if threadRows < cfg.MinEntries {
		return
	}
	for _, r := range rows {
		trimThreadRow(r.n, cfg)
	}
}

// statKinds reports whether toks read as counts and their labels only (at
// least one of each, "Replies 8", "46 Topics", "Topics 46 Posts 54 361"),
// and the kinds of the labels.
func statKinds(toks []string) (kinds uint8, ok bool) {
	counts := 0
	for _, t := range toks {
		if k := foldLookup(threadStatLabels, t); k != 0 {
			kinds |= k
			continue
		}
		if !isCount(t) {
			return 0, false
		}
		counts++
	}
	if kinds == 0 || counts == 0 {
		return 0, false
	}
	return kinds, true
}

// isCount: t is a number as forums show counts ("8", "17K", "2m"; "54,361"
// and "1.7k" are two tokens, each a count).
func isCount(t string) bool {
	if n := len(t); n > 1 && (t[n-1] == 'k' || t[n-1] == 'K' || t[n-1] == 'm' || t[n-1] == 'M') {
		t = t[:n-1]
	}
	return isDigits(t)
}

// trimThreadRow replaces row's content with its title link and its
// summary lines, each a paragraph (in a table row, in one cell).
func trimThreadRow(row *html.Node, cfg *config) {
	title := rowTitle(row, cfg)
	if title == nil {
		return
	}
	var summaries []string
	collectSummaries(row, cfg, &summaries)
	t := cloneNode(title)
	for c := row.FirstChild; c != nil; {
		next := c.NextSibling
		row.RemoveChild(c)
		c = next
	}
	into := row
	if row.DataAtom == atom.Tr {
		into = &html.Node{Type: html.ElementNode, Data: "td", DataAtom: atom.Td}
		row.AppendChild(into)
	}
	p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
	p.AppendChild(t)
	into.AppendChild(p)
	for _, s := range summaries {
		p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
		p.AppendChild(&html.Node{Type: html.TextNode, Data: s})
		into.AppendChild(p)
	}
}

// rowTitle is the row's first link with a word of
// cfg.ThreadTitleMinRunes characters or more (an avatar's letter is not one) that is not a date (it holds a <time>)
// or a page number.
func rowTitle(row *html.Node, cfg *config) *html.Node {
	var found *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && found == nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.A && getAttr(c, "href") != "" {
				if isTitleLink(c, cfg) {
					found = c
				}
				continue
			}
			walk(c)
		}
	}
	walk(row)
	return found
}

// isTitleLink: a's text holds a word of cfg.ThreadTitleMinRunes
// characters or more, not all digits, and no <time> (looked for in
// cfg.ThreadTitleTimeScan elements).
func isTitleLink(a *html.Node, cfg *config) bool {
	if findFirstUpTo(a, func(n *html.Node) bool { return n.DataAtom == atom.Time }, cfg.ThreadTitleTimeScan) != nil {
		return false
	}
	for _, t := range wordTokens(textOf(a), nil) {
		if utf8.RuneCountInString(t) >= cfg.ThreadTitleMinRunes && !isDigits(t) {
			return true
		}
	}
	return false
}

// collectSummaries appends the text outside links of each element under
// n whose own text (its text children) has cfg.ThreadRowSummaryWords
// words with letters or more: a board's line about itself ("Questions
// and answers for identifying bad capacitors"), not "by", "Sticky", a
// date and time ("01-04-2025, 01:24 PM") or counts.
func collectSummaries(n *html.Node, cfg *config, out *[]string) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom == atom.A || c.DataAtom == atom.Script || c.DataAtom == atom.Style {
			continue
		}
		var own []byte
		for t := c.FirstChild; t != nil; t = t.NextSibling {
			if t.Type == html.TextNode {
				own = append(own, t.Data...)
			}
		}
		if s := string(own); wordCount(s) >= cfg.ThreadRowSummaryWords && letterWords(s) >= cfg.ThreadRowSummaryWords {
			*out = append(*out, s)
		}
		collectSummaries(c, cfg, out)
	}
}

// letterWords counts the words of s that hold a letter.
func letterWords(s string) int {
	n := 0
	for _, t := range wordTokens(s, nil) {
		if strings.IndexFunc(t, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n
}
