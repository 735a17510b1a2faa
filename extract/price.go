package extract

import (
	"unicode"
	"unicode/utf8"
)

// A shop writes a price as a currency sign or code beside a number:
// "$490.00", "29 €", "59,99€", "£1,200", "USD 15", "Rs. 499". A menu's
// or a directory's link never holds one, a product card nearly always.

// currencySigns are the signs written before or after a price's digits.
var currencySigns = map[rune]bool{
	'$': true, '€': true, '£': true, '¥': true, '₹': true, '₩': true, '₽': true, '₺': true,
	'₪': true, '₫': true, '฿': true, '₱': true, '₴': true, '₦': true, '¢': true, '₡': true,
}

// currencyCodes are ISO codes and abbreviations written as a word beside
// the digits ("USD 15", "15 EUR", "Rs. 499", "kr 99").
var currencyCodes = map[string]bool{
	"usd": true, "eur": true, "gbp": true, "cad": true, "aud": true, "nzd": true, "chf": true,
	"jpy": true, "cny": true, "inr": true, "sek": true, "nok": true, "dkk": true, "pln": true,
	"czk": true, "huf": true, "brl": true, "mxn": true, "zar": true, "sgd": true, "hkd": true,
	"rs": true, "kr": true, "zł": true, "zl": true, "lei": true, "rm": true,
}

// maxPriceScan bounds the bytes of one text hasPrice reads: a price sits
// in a short text node; a long paragraph is read only that far.
const maxPriceScan = 4096

// hasPrice: s holds a currency sign or code next to a digit (spaces
// between them allowed, at most two).
func hasPrice(s string) bool {
	if len(s) > maxPriceScan {
		s = s[:maxPriceScan]
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case currencySigns[r]:
			if digitNear(s[:i], true) || digitNear(s[i+size:], false) {
				return true
			}
		case unicode.IsLetter(r) && (i == 0 || !isWordByte(s[i-1])):
			j := i
			for j < len(s) && j-i <= 4 && isWordByte(s[j]) {
				j++
			}
			after := j
			if after < len(s) && s[after] == '.' {
				after++ // "Rs. 499"
			}
			if j-i >= 2 && j-i <= 4 && (j == len(s) || !isWordByte(s[j])) && currencyCodes[lowerASCII(s[i:j])] &&
				(digitNear(s[:i], true) || digitNear(s[after:], false)) {
				return true
			}
			if j > i {
				i = j
				continue
			}
		}
		i += size
	}
	return false
}

// digitNear: the side of s next to a currency sign (its end when before,
// its start when after) is a digit, past at most two spaces.
func digitNear(s string, before bool) bool {
	for k := 0; k < 3; k++ {
		if s == "" {
			return false
		}
		var r rune
		var size int
		if before {
			r, size = utf8.DecodeLastRuneInString(s)
			s = s[:len(s)-size]
		} else {
			r, size = utf8.DecodeRuneInString(s)
			s = s[size:]
		}
		switch {
		case r >= '0' && r <= '9':
			return true
		case r != ' ' && r != '\u00a0':
			return false
		}
	}
	return false
}

// isWordByte: an ASCII letter or a byte of a multi-byte rune (a letter
// of another script, as far as a currency code's edge is concerned).
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

// lowerASCII lower-cases the ASCII letters of s.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
