package extract_test

import (
	"fmt"
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
)

func TestStripInvisible(t *testing.T) {
	// Every character the scrubber must drop, range by range.
	invisible := [][2]rune{
		{0x00AD, 0x00AD}, {0x034F, 0x034F}, {0x061C, 0x061C}, {0x115F, 0x1160},
		{0x17B4, 0x17B5}, {0x180B, 0x180F}, {0x200B, 0x200F}, {0x202A, 0x202E},
		{0x2060, 0x2064}, {0x2066, 0x2069}, {0x206A, 0x206F}, {0x3164, 0x3164},
		{0xFEFF, 0xFEFF}, {0xFFA0, 0xFFA0}, {0xE0000, 0xE007F},
	}
	for _, rg := range invisible {
		for r := rg[0]; r <= rg[1]; r++ {
			if got := extract.StripInvisible("a" + string(r) + "b"); got != "ab" {
				t.Errorf("U+%04X kept: %q", r, got)
			}
			if !extract.IsInvisible(r) {
				t.Errorf("IsInvisible(U+%04X) = false", r)
			}
		}
	}

	tests := []struct{ in, want string }{
		{"plain ascii", "plain ascii"},
		{"", ""},
		{"caf\u00e9 \u00a0nbsp", "caf\u00e9 \u00a0nbsp"},                                               // é and NBSP share a lead byte with soft hyphen
		{"heart \u2764\ufe0f and keycap 1\ufe0f\u20e3", "heart \u2764\ufe0f and keycap 1\ufe0f\u20e3"}, // variation selectors stay
		{"\u2014 dash \u2026 \u201cquotes\u201d \u3001\u3002 \uff01", "\u2014 dash \u2026 \u201cquotes\u201d \u3001\u3002 \uff01"},
		{"\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629"}, // Arabic text itself stays
		{"\u1100\u1161 \u17b6", "\u1100\u1161 \u17b6"},                                               // real Hangul jamo and Khmer vowel sign stay
		{"ig\u200bnore \u202eevil\u202c", "ignore evil"},
		{"tag smuggle: \U000E0049\U000E0067\U000E006Eok", "tag smuggle: ok"},
		{"soft\u00adhyphen", "softhyphen"},
		{"\ufeffBOM first", "BOM first"},
		{"bad utf8 \xff\xe2 stays", "bad utf8 \xff\xe2 stays"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%+q", tt.in), func(t *testing.T) {
			if got := extract.StripInvisible(tt.in); got != tt.want {
				t.Errorf("StripInvisible(%+q) = %+q; want %+q", tt.in, got, tt.want)
			}
		})
	}
}

func TestStripInvisibleCleanTextDoesNotAllocate(t *testing.T) {
	s := "Clean text with caf\u00e9, \u2014 dashes, \u4e2d\u6587 and \u2764\ufe0f."
	if n := testing.AllocsPerRun(100, func() { _ = extract.StripInvisible(s) }); n != 0 {
		t.Errorf("StripInvisible allocated %v times on clean text", n)
	}
}
