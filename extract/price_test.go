package extract

import (
	"strings"
	"testing"
	"time"
)

func TestHasPrice(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"$490.00", true},
		{"Price: $ 79.00", true},
		{"29,99 €", true},
		{"59,99€", true},
		{"from £1,200", true},
		{"¥3,980 (tax incl.)", true},
		{"USD 15", true},
		{"15 EUR", true},
		{"Rs. 499", true},
		{"199 kr", true},
		{"Sterling Silver", false},
		{"Save 20% on every order", false},
		{"Free shipping over", false},
		{"Only 2 left", false},
		{"$ sign alone", false},
		{"The US dollar fell against the euro", false},
		{"euro 2024 final", false}, // a code must be one, and beside digits
		{"krill oil 500mg", false}, // a code is a whole word
		{"$$$ and €€€", false},     // signs with no number
		{"price on request", false},
		{"", false},
	} {
		if got := hasPrice(tc.s); got != tc.want {
			t.Errorf("hasPrice(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// TestHasPriceBoundedOnLongText: a long text is read only as far as
// maxPriceScan, so a price past it is not seen and a paragraph of any
// length costs the same.
func TestHasPriceBoundedOnLongText(t *testing.T) {
	long := strings.Repeat("word ", maxPriceScan) + "$10"
	if hasPrice(long) {
		t.Errorf("a price past the scan bound was read")
	}
	huge := strings.Repeat("€ ", 4<<20)
	start := time.Now()
	hasPrice(huge)
	if d := time.Since(start); d > 50*time.Millisecond {
		t.Errorf("hasPrice on 8 MB took %v: not bounded", d)
	}
}

func FuzzHasPrice(f *testing.F) {
	for _, s := range []string{"$490.00", "29,99 €", "Rs. 499", "USD", "€", "kr\xff9", "  $ ", "zł 12", "1\u00a0€"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := hasPrice(s)
		// A price needs a digit; a text without one never has a price.
		if got && !strings.ContainsAny(s, "0123456789") {
			t.Fatalf("hasPrice(%q) without a digit", s)
		}
	})
}
