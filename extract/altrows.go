package extract

import "strings"

// Forum software shades every other post: it adds a class to one post in
// two ("Item Alt ItemComment", phpBB's "post bg1" and "post bg2", "odd"
// and "even"). Grouped by their class as it stands, the posts of one
// thread fall into two looks of half the posts each, and a short thread
// then has too few in either, or the group found is half the thread.
// The posts are grouped by their class without those words.

// withoutAlternation is class without its alternation words
// (isAlternationWord); class itself when it has none. It runs on every
// post candidate's class: the words are read in place, and a string is
// built only for a class that has one.
func withoutAlternation(class string) string {
	found := false
	for w := range classWords(class) {
		if found = isAlternationWord(w); found {
			break
		}
	}
	if !found {
		return class
	}
	var b strings.Builder
	for w := range classWords(class) {
		if !isAlternationWord(w) {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
	}
	return b.String()
}

// alternationWords are the class words that shade every other row.
var alternationWords = map[string]bool{"alt": true, "odd": true, "even": true, "alternate": true}

// isAlternationWord: w, or one of its parts split at '-' and '_', is an
// alternation word (alternationWords, any case), alone or after "row"
// (FluxBB's "rowodd" and "roweven"), or a shade numbered the way forum
// templates number them ("bg1", "bg2", "row1", "row2").
func isAlternationWord(w string) bool {
	start := 0
	for i := 0; i <= len(w); i++ {
		if i < len(w) && w[i] != '-' && w[i] != '_' {
			continue
		}
		if part := w[start:i]; part != "" && isAlternationPart(part) {
			return true
		}
		start = i + 1
	}
	return false
}

// isAlternationPart is isAlternationWord for one part of a class word.
func isAlternationPart(part string) bool {
	if len(part) > len("rowalternate") {
		return false // longer than any alternation word: not lower-cased to find out
	}
	part = strings.ToLower(part)
	if alternationWords[part] {
		return true
	}
	for _, p := range [...]string{"row", "bg"} {
		rest, ok := strings.CutPrefix(part, p)
		if !ok {
			continue
		}
		if alternationWords[rest] || len(rest) == 1 && rest[0] >= '1' && rest[0] <= '4' {
			return true
		}
	}
	return false
}
