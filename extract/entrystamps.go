package extract

import "strings"

// A page of entries (a shop's or a site's list of stories, a board's
// threads) sets under each entry a line of its metadata: who wrote it
// and how long ago ("Dana Ruiz · 3 months ago · 12 comments"). The time
// is relative to the moment the page was served, so it is already wrong
// when read, and the line says nothing of what the entry is about; the
// entry's title and summary stand beside it. Such a line goes when the
// page sets it for several entries. A line that names the entry (a title
// link of several words before "2 hours ago") is the entry, and stays: a
// stamp's links are names and counts.

// agoUnits are the units of an English relative time ("3 days ago").
var agoUnits = map[string]bool{
	"second": true, "seconds": true, "minute": true, "minutes": true, "min": true, "mins": true,
	"hour": true, "hours": true, "hr": true, "hrs": true, "day": true, "days": true,
	"week": true, "weeks": true, "month": true, "months": true, "year": true, "years": true,
}

// dropEntryStamps removes from md the lines that are an entry's stamp
// (isEntryStamp) when there are cfg.EntryStampMinLines of them or more.
// Code is left alone; a list item that goes on below its stamp keeps it
// (dropMarkdownLines).
func dropEntryStamps(md string, cfg *config) string {
	if !strings.Contains(md, " ago") {
		return md
	}
	lines := strings.Split(md, "\n")
	stamp := make([]bool, len(lines))
	var fence codeFence
	n := 0
	for i, line := range lines {
		if fence.line(line) {
			continue
		}
		if strings.Contains(line, " ago") && isEntryStamp(line, cfg) {
			stamp[i] = true
			n++
		}
	}
	if n < cfg.EntryStampMinLines {
		return md
	}
	return dropMarkdownLines(md, lines, func(i int, _ string) bool { return stamp[i] })
}

// isEntryStamp: line holds a relative time ("5 hours ago") and, besides
// it, at most cfg.EntryStampOtherWords words, none of its links longer
// than cfg.EntryStampLinkWords words. Headings, quotes (a reply quoting
// "2 hours ago, Sam said:") and table rows are not stamps.
func isEntryStamp(line string, cfg *config) bool {
	t := trimBullet(strings.TrimSpace(line))
	if t == "" || t[0] == '#' || t[0] == '>' || t[0] == '|' {
		return false
	}
	for from := 0; ; {
		l, ok := nextLink(t, from)
		if !ok {
			break
		}
		if wordCount(t[l.text:l.textEnd]) > cfg.EntryStampLinkWords {
			return false
		}
		from = l.end
	}
	text := linkTexts(t)
	words, found := 0, false
	var w2, w1 string // the two words before w
	for i := 0; ; {
		w, next := nextWord(text, i)
		if w == "" {
			break
		}
		i = next
		words++
		if !found && strings.EqualFold(w, "ago") && agoUnits[strings.ToLower(w1)] && isDigits(w2) {
			found = true
		}
		w2, w1 = w1, w
		if words > cfg.EntryStampOtherWords+3 {
			return false
		}
	}
	return found
}
