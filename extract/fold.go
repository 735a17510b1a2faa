package extract

import "strings"

// foldBytes bounds the words foldLookup lowers on the stack; a longer one
// (no class or word list holds one) is lowered by strings.ToLower.
const foldBytes = 64

// foldLookup is m[strings.ToLower(w)] without the lowered copy that
// strings.ToLower makes of a word with upper-case letters: an ASCII word
// is lowered into a buffer on the stack, and a lookup by string(buf)
// copies nothing. It runs on the class and id words of every element.
func foldLookup[V any](m map[string]V, w string) V {
	if len(w) > foldBytes {
		return m[strings.ToLower(w)]
	}
	var buf [foldBytes]byte
	upper := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return m[strings.ToLower(w)] // other scripts: Unicode's case rules
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			upper = true
		}
		buf[i] = c
	}
	if !upper {
		return m[w]
	}
	return m[string(buf[:len(w)])]
}
