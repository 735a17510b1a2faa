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

// ordinal reports a figure with the ordinal ending English gives it
// ("1st", "2nd", "23rd", "11th", "57th", "1,000th"): digits, grouped by
// thousands or not, and the ending its last digits take, in lower case
// or, in a heading set in capitals, upper ("57TH"). A figure with
// another ending ("5'th", "2th") or a word that is no figure ("'th") is
// none: the readers of a rank ("the 57th Governor of") and of a title's
// number ("Night on 42nd Avenue") want the number's own ordinal.
func ordinal(w string) bool {
	if len(w) < 3 {
		return false
	}
	num, suf := w[:len(w)-2], w[len(w)-2:]
	if up := strings.ToUpper(suf); suf == up {
		suf = strings.ToLower(suf)
	}
	if !thousandsFigure(num) {
		return false
	}
	last := num[len(num)-1] - '0'
	tens := byte(0)
	if len(num) > 1 && num[len(num)-2] != ',' {
		tens = num[len(num)-2] - '0'
	}
	want := "th"
	if tens != 1 {
		switch last {
		case 1:
			want = "st"
		case 2:
			want = "nd"
		case 3:
			want = "rd"
		}
	}
	return suf == want
}

// thousandsFigure reports ASCII digits, either a plain run ("1000") or
// grouped by commas in threes after a first group of one to three
// ("1,000", "12,345").
func thousandsFigure(s string) bool {
	groups := strings.Split(s, ",")
	for i, g := range groups {
		if g == "" || strings.Trim(g, "0123456789") != "" || (len(groups) > 1 && (len(g) > 3 || (i > 0 && len(g) != 3))) {
			return false
		}
	}
	return true
}
