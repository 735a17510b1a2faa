package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// debrisMaxRunes bounds a separator-only block: longer runs of symbols
// are more likely ASCII art or code than the remains of a byline.
const debrisMaxRunes = 20

// linkedSentenceOwnWords: a sentence needs a few words of its own besides
// its links ("Further reading: the [..] and our [..].").
const linkedSentenceOwnWords = 3

// isDebrisBlock: a short block of separators and punctuation only ("·",
// "|", "• •"), what is left when an extractor removes the author and date
// of "By Jane Doe · March 14" but keeps the text between them.
func isDebrisBlock(b string) bool {
	t := strings.TrimSpace(b)
	if t == "" || utf8.RuneCountInString(t) > debrisMaxRunes ||
		strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
		return false
	}
	for _, r := range t {
		if !(unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.Is(unicode.Sm, r) || unicode.Is(unicode.Sk, r)) {
			return false
		}
	}
	return true
}

// isThematicBreak: a Markdown horizontal rule ("* * *", "---"), a section
// break the writer put between paragraphs.
func isThematicBreak(b string) bool {
	t := strings.ReplaceAll(strings.TrimSpace(b), " ", "")
	if len(t) < 3 || t[0] != '*' && t[0] != '-' && t[0] != '_' {
		return false
	}
	return strings.Count(t, t[:1]) == len(t)
}

// isLinkedSentence: a paragraph of prose whose links sit inside a sentence
// ("Further reading: the [long history](..) and our [report](..)."), as
// opposed to a list of links with a label ("Related: [A](..), [B](..)").
// It opens with text, has words of its own after its first link as well as
// before, ends like a sentence, and shows no bare URL (a reference line).
func isLinkedSentence(b string) bool {
	if isHeading(b) || isListItem(b) || strings.Contains(b, "\n") {
		return false
	}
	t := strings.TrimLeft(b, "*_ ")
	if strings.HasPrefix(t, "[") || strings.HasPrefix(t, "![") {
		return false
	}
	end := firstLinkEnd(t)
	if end < 0 || wordCount(stripLinkTexts(t)) < linkedSentenceOwnWords || wordCount(stripLinkTexts(t[end:])) == 0 {
		return false
	}
	visible := stripLinks(t)
	if strings.Contains(visible, "http://") || strings.Contains(visible, "https://") || strings.Contains(visible, "www.") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(visible, " *_\"'”’»"))
	return last == '.' || last == '!' || last == '?' || last == '…'
}

// firstLinkEnd is the offset just past the first [text](url) of md, or -1.
func firstLinkEnd(md string) int {
	for i := 0; i < len(md); i++ {
		switch md[i] {
		case '\\':
			i++
		case '[':
			end := matchBracket(md, i, '[', ']')
			if end > 0 && end+1 < len(md) && md[end+1] == '(' {
				if closeURL := matchBracket(md, end+1, '(', ')'); closeURL > 0 {
					return closeURL + 1
				}
			}
		}
	}
	return -1
}

// dropDebris removes separator-only blocks from md: all of them at the
// edges, and those between paragraphs that are not section breaks.
func dropDebris(md string) string {
	blocks := markdownBlocks(md)
	i, j := 0, len(blocks)
	for i < j && isDebrisBlock(md[blocks[i].start:blocks[i].end]) {
		i++
	}
	for j > i && isDebrisBlock(md[blocks[j-1].start:blocks[j-1].end]) {
		j--
	}
	if i == j {
		return md
	}
	return dropBlocks(md, blocks[i:j], func(b string) bool { return isDebrisBlock(b) && !isThematicBreak(b) })
}
