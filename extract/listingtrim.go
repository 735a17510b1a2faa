package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A listing's region holds, around its entries, the controls a shop or an
// archive sets above and below them: facet lists ("In stock", a brand
// list), "shop by" link rails, sort and view bars, pagination and "related
// searches" links. Those are link lists or links with a label, not a
// reader's text; the intro above the entries and the prose some sites put
// under them (a buying guide, an FAQ) are sentences, and stay.

// trimAroundEntries drops from md (a listing's rendered region) the
// control blocks (isControlBlock) that lie before its first entry or
// after its last, entries
// being the blocks that lie in texts (findEntries) for cfg.GapBlockKept
// of their shingles. Between the entries nothing is dropped. md comes
// back as it was when no block is an entry.
func trimAroundEntries(md string, texts []string, cfg *config) string {
	return trimAroundEntriesKeeping(md, texts, nil, cfg)
}

// trimAroundEntriesKeeping is trimAroundEntries keeping the control
// blocks keep reports too (nil: none).
func trimAroundEntriesKeeping(md string, texts []string, keep func(blk string) bool, cfg *config) string {
	if len(texts) == 0 {
		return md
	}
	set := shingleSet(wordTokens(strings.Join(texts, "\n"), nil))
	blocks := markdownBlocks(md)
	first, last := -1, -1
	var toks []string
	for i, sp := range blocks {
		toks = wordTokens(stripLinks(md[sp.start:sp.end]), toks[:0])
		if blockIn(toks, set, cfg.GapBlockKept) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return md
	}
	k := -1
	return keepBlocks(md, func(blk string) bool {
		k++
		return k >= first && k <= last || !isControlBlock(blk, cfg) || keep != nil && keep(blk)
	})
}

// isNameRow: every link of blk is a name: each of its words of
// cfg.NameRowMinLetters letters or more opens with a capital ("Steph Lord",
// "Fireseed Catering and Wedding Venue"), where a control's label is a
// phrase ("View all changes", "Visit website", "Get started for free").
func isNameRow(blk string, cfg *config) bool {
	named := false
	for i := 0; ; {
		l, ok := nextLink(blk, i)
		if !ok {
			return named
		}
		i = l.end
		if l.image {
			continue
		}
		words := wordTokens(stripLinks(blk[l.text:l.textEnd]), nil)
		for _, w := range words {
			// The first rune and the count, without a []rune per word.
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsLetter(r) && !unicode.IsUpper(r) &&
				utf8.RuneCountInString(w) >= cfg.NameRowMinLetters {
				return false
			}
		}
		named = named || len(words) > 0 // (a linked image names nothing)
	}
}

// isControlBlock: a block of short links with next to no words of its
// own, a facet list, a pager or a rail of "shop by" links: a link row
// (linkRowWords) with at most cfg.ListingControlLinkWords words a link on average. A
// heading stays (another group's entry title, a section's name), and so
// does a link that is a sentence (an entry of another group, its summary
// linked whole).
func isControlBlock(blk string, cfg *config) bool {
	if isHeading(blk) {
		return false
	}
	own, ok := linkRowWords(blk)
	if !ok {
		return false
	}
	links := countLinks(blk)
	return links > 0 && float64(wordCount(stripLinks(blk))-own) <= cfg.ListingControlLinkWords*float64(links)
}
