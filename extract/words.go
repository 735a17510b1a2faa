package extract

import (
	"unicode"
	"unicode/utf8"
)

// WordTokens returns the word runs of s as Python's `\w+` finds them:
// letters and numbers of every script and the underscore (combining marks
// are not word characters). It is the unit of the extraction benchmark's
// shingles and of the extractor's own text comparisons.
func WordTokens(s string) []string { return AppendWordTokens(nil, s) }

// AppendWordTokens appends the word runs of s to out, so a caller can reuse
// one buffer across texts.
func AppendWordTokens(out []string, s string) []string {
	for i := 0; ; {
		var w string
		if w, i = nextWord(s, i); w == "" {
			return out
		}
		out = append(out, w)
	}
}

// nextWord is the first word run of s at or after i, and where the
// reading goes on; "" at the end. Bytes, not runes, for ASCII (most of
// any page): this runs over both extractors' results and every block
// compared between them.
func nextWord(s string, i int) (string, int) {
	start := -1
	for i < len(s) {
		r, n := rune(s[i]), 1
		var w bool
		if r < utf8.RuneSelf {
			w = asciiPyWord[r]
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
			w = isPyWordRune(r)
		}
		if w {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			return s[start:i], i
		}
		i += n
	}
	if start >= 0 {
		return s[start:], i
	}
	return "", i
}

// asciiPyWord answers isPyWordRune for ASCII without the Unicode tables.
var asciiPyWord = func() (t [utf8.RuneSelf]bool) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		t[r] = isPyWordRune(r)
	}
	return t
}()

// isPyWordRune matches Python's re \w on str.
func isPyWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}
