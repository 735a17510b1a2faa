package extract

import "strings"

// Forum software shades every other post: it adds a class to one post in
// two ("Item Alt ItemComment", phpBB's "post bg1" and "post bg2", "odd"
// and "even"). Grouped by their class as it stands, the posts of one
// thread fall into two looks of half the posts each, and a short thread
// then has too few in either, or the group found is half the thread.
// The posts are grouped by their class without those words.

// withoutAlternation is class without its alternation words
// (isAlternationWord); class itself when it has none (no string built).
func withoutAlternation(class string) string {
	if class == "" {
		return class
	}
	found := false
	for _, f := range strings.Fields(class) {
		if isAlternationWord(f) {
			found = true
			break
		}
	}
	if !found {
		return class
	}
	var b strings.Builder
	for _, f := range strings.Fields(class) {
		if isAlternationWord(f) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f)
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
	for _, part := range strings.FieldsFunc(strings.ToLower(w), func(r rune) bool { return r == '-' || r == '_' }) {
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
	}
	return false
}
