package extract

import (
	"testing"
	"unicode"
)

// wordCountByRunes is the definition wordCount implements faster: runs of
// letters and digits, over the string's runes (invalid UTF-8 reads as
// U+FFFD, which is neither).
func wordCountByRunes(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

func TestWordCount(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"   \n\t ", 0},
		{"one", 1},
		{"one two  three", 3},
		{"snake_case and kebab-case", 5},
		{"v1.2.3 costs $40", 5},
		{"naïve café déjà-vu", 4},
		{"Быстрая лиса, 42 раза", 4},
		{"敏捷的棕色狐狸 跳过", 2},
		{"١٢٣ ٤٥", 2},         // Arabic-Indic digits
		{"a\xffb \xc3", 2},    // invalid bytes split words and count as none
		{"e\u0301t\u00e9", 2}, // a combining mark is not a letter
	} {
		if got := wordCount(tc.in); got != tc.want {
			t.Errorf("wordCount(%q) = %d, want %d", tc.in, got, tc.want)
		}
		if got := wordCountByRunes(tc.in); got != tc.want {
			t.Errorf("wordCountByRunes(%q) = %d, want %d (the table is wrong)", tc.in, got, tc.want)
		}
	}
}

func FuzzWordCount(f *testing.F) {
	for _, s := range []string{"", "one two", "naïve café", "a\xffb", "敏捷 的", "x\u0301y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := wordCount(s), wordCountByRunes(s); got != want {
			t.Fatalf("wordCount(%q) = %d, by runes %d", s, got, want)
		}
	})
}
