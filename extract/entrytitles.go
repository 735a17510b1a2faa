package extract

import "strings"

// A grid of cards that names each entry in a plain link, not a heading
// ("[Oak desk](/p/oak)", then its price and a line of detail), opens
// with a block trimEdges would take for a menu's leftover: a block that
// is nothing but a link. A menu's links follow one another; an entry's
// title is followed by its own text, and the next entry opens the same
// way a few blocks on. Such a block is where the content starts.

// entryTitleSpan is how many blocks after an entry's title the next
// entry's title may open: a card's title, price, detail and a badge.
const entryTitleSpan = 4

// isEntryTitleAt: blocks[k] of md is the title of the first of several
// entries: one link alone (isLoneLink), followed by a block of text of
// its own (not a link row), and another lone link opens within
// entryTitleSpan blocks of it, itself followed by text. (A menu's links
// follow one another: its first is followed by no text of its own.)
func isEntryTitleAt(md string, blocks []span, k int) bool {
	at := func(i int) string { return md[blocks[i].start:blocks[i].end] }
	opens := func(i int) bool {
		return i+1 < len(blocks) && isLoneLink(at(i)) && hasOwnText(at(i+1))
	}
	if !opens(k) {
		return false
	}
	for i := k + 2; i < len(blocks) && i <= k+1+entryTitleSpan; i++ {
		if opens(i) {
			return true
		}
	}
	return false
}

// isLoneLink: b is one line holding one link (images inside it aside) and
// nothing else but emphasis, with entryHeadingWords words or more: an
// entry's name, not a "Shop" or "Sale" tab.
func isLoneLink(b string) bool {
	t := strings.Trim(strings.TrimSpace(b), "*_")
	if strings.Contains(t, "\n") || !strings.HasPrefix(t, "[") {
		return false
	}
	l, ok := nextLink(t, 0)
	if !ok || l.start != 0 || l.end != len(t) || l.image {
		return false
	}
	return wordCount(stripLinks(t)) >= entryHeadingWords
}

// hasOwnText: b holds words outside links and is no heading (the next
// entry's or a section's title).
func hasOwnText(b string) bool {
	return !isHeading(b) && wordCount(stripLinkTexts(b)) > 0
}
