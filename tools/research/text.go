package research

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// runeFloor is byte offset i of s moved back to the start of the rune
// that holds it (0 at the least), runeCeil moved on to the next rune's
// start (len(s) at the most): the edges of a window cut from s in bytes.
// On text that is not UTF-8 (a run of continuation bytes) they stop at
// s's ends, never past them.
func runeFloor(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

func runeCeil(s string, i int) int {
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}

// wordSpans returns [start,end) byte offsets of runs of letters and digits
// (an apostrophe inside a word, as in O'Neil, stays in it).
func wordSpans(text string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range text {
		in := unicode.IsLetter(r) || unicode.IsDigit(r)
		if in && start < 0 {
			start = i
		}
		if !in && start >= 0 {
			if (r == '\'' || r == '’') && i+len(string(r)) < len(text) && isWordByte(text[i+len(string(r)):]) {
				continue
			}
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

func isWordByte(s string) bool {
	for _, r := range s {
		return unicode.IsLetter(r)
	}
	return false
}

// sentenceSpans splits text into sentences: [start,end) offsets, trimmed.
// Line breaks end sentences too (list items, headings).
func sentenceSpans(text string) [][2]int {
	var out [][2]int
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpace(text[s]) {
			s++
		}
		for e > s && isSpace(text[e-1]) {
			e--
		}
		if e > s {
			out = append(out, [2]int{s, e})
		}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			emit(i)
			start = i + 1
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		// A sentence ends at terminal punctuation followed by a space and an
		// upper-case letter, digit or quote; not after an initial ("J. R.") or
		// a common abbreviation.
		j := i + 1
		for j < len(text) && (text[j] == '"' || text[j] == '\'' || text[j] == ')') {
			j++
		}
		if j >= len(text) || text[j] != ' ' {
			continue
		}
		k := j
		for k < len(text) && text[k] == ' ' {
			k++
		}
		if k >= len(text) {
			continue
		}
		n := rune(text[k])
		if !(unicode.IsUpper(n) || unicode.IsDigit(n) || n == '"' || n == '“' || n >= 0x80) {
			continue
		}
		if c == '.' && (isAbbrev(text[:i]) || unicode.IsDigit(n) && isCirca(text[:i])) {
			continue
		}
		emit(j)
		start = j
	}
	emit(len(text))
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// isAbbrev reports whether the text before a period ends in an initial or a
// short title abbreviation, after which a sentence does not end.
func isAbbrev(before string) bool {
	i := len(before)
	for i > 0 && (before[i-1] >= 'A' && before[i-1] <= 'Z' || before[i-1] >= 'a' && before[i-1] <= 'z') {
		i--
	}
	w := before[i:]
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	switch strings.ToLower(w) {
	case "v", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "no", "co", "inc", "ltd", "mt", "ft", "gen", "col", "lt", "sgt", "prof", "rev", "u.s", "etc":
		return true
	}
	return false
}

// isCirca reports whether the text before a period ends in "c" or "ca" as a
// word: "circa" before a year ("Arvo Lind (c. 1710–1768) was a miller's
// son"), which ends no sentence.
func isCirca(before string) bool {
	i := len(before)
	for i > 0 && before[i-1] >= 'a' && before[i-1] <= 'z' {
		i--
	}
	w := before[i:]
	if i > 0 && (before[i-1] >= 'A' && before[i-1] <= 'Z' || before[i-1] >= '0' && before[i-1] <= '9') {
		return false // part of a longer word
	}
	return w == "c" || w == "ca"
}
