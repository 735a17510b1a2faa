package extract

import (
	"strings"
	"unicode/utf8"
)

// IsInvisible reports characters that hide or reorder text without showing
// anything: zero-width characters and joiners, bidi controls, fillers and
// Unicode tags. A page or snippet can carry instructions in them that a
// person never sees but a model reads ("ASCII smuggling"), so every text
// that reaches the model goes through StripInvisible.
//
// Variation selectors (U+FE00–FE0F) are kept: emoji need them.
func IsInvisible(r rune) bool {
	switch {
	case r < 0xAD:
		return false
	case r == 0x00AD, // soft hyphen
		r == 0x034F,              // combining grapheme joiner
		r == 0x061C,              // Arabic letter mark
		r == 0x115F, r == 0x1160, // Hangul choseong/jungseong fillers
		r == 0x17B4, r == 0x17B5, // Khmer inherent vowels
		r >= 0x180B && r <= 0x180F, // Mongolian variation selectors, vowel separator
		r >= 0x200B && r <= 0x200F, // ZWSP, ZWNJ, ZWJ, LRM, RLM
		r >= 0x202A && r <= 0x202E, // bidi embeddings and overrides
		r >= 0x2060 && r <= 0x2064, // word joiner, invisible operators
		r >= 0x2066 && r <= 0x2069, // bidi isolates
		r >= 0x206A && r <= 0x206F, // deprecated format characters
		r == 0x3164, r == 0xFFA0,   // Hangul fillers
		r == 0xFEFF,                  // BOM / zero-width no-break space
		r >= 0xE0000 && r <= 0xE007F: // Unicode tags
		return true
	}
	return false
}

// invisibleLead marks the first UTF-8 byte of every invisible character, so
// StripInvisible can skip text without them byte by byte, decoding nothing.
var invisibleLead = [256]bool{0xC2: true, 0xCD: true, 0xD8: true, 0xE1: true, 0xE2: true, 0xE3: true, 0xEF: true, 0xF3: true}

// StripInvisible removes the characters IsInvisible reports, allocating
// only when there is one.
func StripInvisible(s string) string {
	for i := 0; i < len(s); i++ {
		if !invisibleLead[s[i]] {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[i:]); IsInvisible(r) {
			return strings.Map(dropInvisible, s)
		}
	}
	return s
}

func dropInvisible(r rune) rune {
	if IsInvisible(r) {
		return -1
	}
	return r
}
