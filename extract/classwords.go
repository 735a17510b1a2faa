package extract

import "iter"

// classWords yields the words of a class attribute in order, split where
// HTML splits them: at ASCII whitespace (space, tab, LF, FF, CR). Any
// other character, a no-break space included, is part of a class name,
// so "card\u00a0hidden" is one class, which a .hidden rule does not
// match. The words are read in place: this runs on every element.
func classWords(class string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := -1
		for i := 0; i <= len(class); i++ {
			if i < len(class) && !htmlSpace(class[i]) {
				if start < 0 {
					start = i
				}
				continue
			}
			if start >= 0 {
				if !yield(class[start:i]) {
					return
				}
				start = -1
			}
		}
	}
}

// htmlSpace: c is ASCII whitespace as HTML defines it (no vertical tab).
func htmlSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}
