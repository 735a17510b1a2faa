package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// A page whose UTF-8 text was once read as Latin-1 or Windows-1252 and
// written out again as UTF-8 (a CMS database in the wrong charset, a
// scraper that guessed the encoding) shows each character beyond ASCII as
// two to four: "we’ve" becomes "weâ€™ve" (or "weâ" and two invisible
// controls), "é" becomes "Ã©". A reader sees noise, and a search for the
// words misses them ("weâ" is not "we"). Such a page is repaired before
// it is read: each run of characters whose single-byte codes form one
// valid UTF-8 character is that character again. A page is repaired only
// when it holds such runs for the typographic punctuation that makes most
// of them (quotes, dashes, ellipsis: "â€" or "â" and a control, in
// UTF-8 E2 80 xx) at least cfg.MojibakeMinRuns times, so that the rare
// genuine "Ã" or "Â" beside a symbol elsewhere stays as written.

// mojibakeMarks are the UTF-8 bytes of "â" followed by the first
// character of a double-encoded E2 80 xx punctuation mark: the Latin-1
// reading (U+0080) and the Windows-1252 one ("€").
var mojibakeMarks = []string{"\u00e2\u0080", "\u00e2\u20ac"}

// repairMojibake is s with its double-encoded characters decoded, when s
// holds at least minRuns double-encoded punctuation marks; s otherwise.
func repairMojibake(s string, minRuns int) string {
	n := 0
	for _, m := range mojibakeMarks {
		n += strings.Count(s, m)
	}
	if n < minRuns {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0xC2 && r <= 0xF4 {
			if ch, used, ok := doubleEncoded(s[i+size:], byte(r), buf[:0]); ok {
				b.WriteRune(ch)
				i += size + used
				continue
			}
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String()
}

// doubleEncoded reads, after a lead byte (read as one character), the
// continuation bytes a UTF-8 character with that lead needs, each also
// read as one Latin-1 or Windows-1252 character at the start of rest. ok
// when they form one valid character (ch); used is how many bytes of rest
// they took.
func doubleEncoded(rest string, lead byte, buf []byte) (ch rune, used int, ok bool) {
	need := 1
	switch {
	case lead >= 0xF0:
		need = 3
	case lead >= 0xE0:
		need = 2
	}
	buf = append(buf, lead)
	for k := 0; k < need; k++ {
		r, size := utf8.DecodeRuneInString(rest[used:])
		c, isByte := singleByte(r)
		if size == 0 || !isByte || c < 0x80 || c > 0xBF {
			return 0, 0, false
		}
		buf = append(buf, c)
		used += size
	}
	ch, size := utf8.DecodeRune(buf)
	if ch == utf8.RuneError || size != len(buf) {
		return 0, 0, false
	}
	return ch, used, true
}

// singleByte is the byte r stands for in Latin-1 (U+0000 to U+00FF) or,
// for 0x80 to 0x9F, in Windows-1252 ("€" is 0x80, "™" 0x99; 0x81, 0x8D,
// 0x8F, 0x90 and 0x9D have no character there and read as Latin-1's
// controls).
func singleByte(r rune) (byte, bool) {
	if r <= 0xFF {
		return byte(r), true
	}
	if c, ok := charmap.Windows1252.EncodeRune(r); ok {
		return c, true
	}
	return 0, false
}
