package score

import (
	"math"
	"reflect"
	"testing"
)

func TestTokens(t *testing.T) {
	got := Tokens("Hello, wörld_1 — 3.5%  東京 e\u0301")
	want := []string{"Hello", "wörld_1", "3", "5", "東京", "e"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name, truth, pred string
		want              Counts
		p, r              float64
	}{
		{"identical", "a b c d e", "a b c d e", Counts{TP: 2}, 1, 1},
		{"extra text", "a b c d e", "a b c d e f", Counts{TP: 2, FP: 1}, 2.0 / 3, 1},
		{"missing text", "a b c d e f", "a b c d", Counts{TP: 1, FN: 2}, 1, 1.0 / 3},
		{"multiset counts", "a b c d a b c d", "a b c d", Counts{TP: 1, FN: 4}, 1, 0.2},
		{"short texts are one shingle", "a b", "a b", Counts{TP: 1}, 1, 1},
		{"empty prediction is one empty shingle", "a b c d", "", Counts{FP: 1, FN: 1}, 0, 0},
		{"punctuation ignored", "a, b. c! d?", "a b c d", Counts{TP: 1}, 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := Compare(tc.truth, tc.pred)
			if c != tc.want {
				t.Errorf("Compare = %+v, want %+v", c, tc.want)
			}
			if math.Abs(c.Precision()-tc.p) > 1e-9 || math.Abs(c.Recall()-tc.r) > 1e-9 {
				t.Errorf("P,R = %v,%v want %v,%v", c.Precision(), c.Recall(), tc.p, tc.r)
			}
		})
	}
}

func TestSummarize(t *testing.T) {
	s := Summarize([]Counts{{TP: 1}, {TP: 1, FP: 1}, {TP: 1, FN: 3}})
	wantP := (1 + 0.5 + 1) / 3.0
	wantR := (1 + 1 + 0.25) / 3.0
	if math.Abs(s.Precision-wantP) > 1e-9 || math.Abs(s.Recall-wantR) > 1e-9 {
		t.Errorf("P,R = %v,%v want %v,%v", s.Precision, s.Recall, wantP, wantR)
	}
	if wantF := 2 * wantP * wantR / (wantP + wantR); math.Abs(s.F1-wantF) > 1e-9 {
		t.Errorf("F1 = %v want %v", s.F1, wantF)
	}
}
