package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// Nearly all selector matches the cascade attempts fail, and most fail on
// an ancestor: ".sidebar a" tried on a link outside any sidebar walks the
// link's ancestors to the root, and deeper descendant chains walk them
// again for every level. Browsers skip such rules with a Bloom filter of
// the ancestors' ids, classes and tags; so do we. A rule is matched only
// when the filter may hold every key its ancestor compounds require: the
// filter never rejects an element the selector matches (it may let a few
// through that cascadia then rejects), so the matches are the same.

// ancestorBloom holds the keys (tag, id, classes) of an element's
// ancestors, two bits per key.
type ancestorBloom [8]uint64

func (b *ancestorBloom) add(h uint64) {
	b[h&7] |= 1 << (h >> 3 & 63)
	h >>= 9
	b[h&7] |= 1 << (h >> 3 & 63)
}

func (b *ancestorBloom) has(h uint64) bool {
	if b[h&7]&(1<<(h>>3&63)) == 0 {
		return false
	}
	h >>= 9
	return b[h&7]&(1<<(h>>3&63)) != 0
}

// mayHold reports that every key of keys may be in b.
func (b *ancestorBloom) mayHold(keys []uint64) bool {
	for _, k := range keys {
		if !b.has(k) {
			return false
		}
	}
	return true
}

// addElement adds the keys n's own compound can be matched by: its tag,
// its id and each of its classes (split where cascadia splits them). A
// tag name holding a character that ends a name in a printed selector
// ("o:p", "a.b": cascadia prints tags unescaped) may be read back as
// other keys: the filter then holds every key, and rejects nothing
// below it.
func (b *ancestorBloom) addElement(n *html.Node) {
	if ambiguousTag(n.Data) {
		for i := range b {
			b[i] = ^uint64(0)
		}
		return
	}
	b.add(selectorKeyHash('t', n.Data))
	for _, a := range n.Attr {
		switch a.Key {
		case "id":
			b.add(selectorKeyHash('#', a.Val))
		case "class":
			for s := a.Val; s != ""; {
				j := strings.IndexAny(s, " \t\r\n\f")
				if j < 0 {
					b.add(selectorKeyHash('.', s))
					break
				}
				if j > 0 {
					b.add(selectorKeyHash('.', s[:j]))
				}
				s = s[j+1:]
			}
		}
	}
}

// selectorKeyHash is FNV-1a over the kind and the name.
func selectorKeyHash(kind byte, name string) uint64 {
	h := uint64(14695981039346656037)
	h ^= uint64(kind)
	h *= 1099511628211
	for i := 0; i < len(name); i++ {
		h ^= uint64(name[i])
		h *= 1099511628211
	}
	return h
}

// ancestorKeys are the keys (selectorKeyHash) that ancestors of every
// element sel matches carry, sel as cascadia prints it: the ids, classes
// and tags of the compounds left of the rightmost one, up to the first
// sibling combinator (a sibling's compound is not an ancestor's). What
// :not(), :is() or :has() holds is not required. nil when there are none,
// or when the printed form is ambiguous (a quoted value or a regular
// expression may hold any character): the rule is then always matched.
func ancestorKeys(sel string) []uint64 {
	if strings.ContainsRune(sel, '"') || strings.Contains(sel, "#=") || strings.Contains(sel, ":matches") {
		return nil
	}
	// Compounds and combinators are joined by single spaces (a descendant
	// combinator prints as three); names escape their spaces.
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(sel); i++ {
		switch c := sel[i]; {
		case c == '\\':
			i++
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			if depth--; depth < 0 {
				return nil
			}
		case c == ' ' && depth == 0:
			parts = append(parts, sel[start:i])
			start = i + 1
		}
	}
	if depth != 0 {
		return nil
	}
	var keys []uint64
	for k := len(parts) - 1; k >= 0; k-- { // parts holds all but the rightmost compound
		switch p := parts[k]; p {
		case "", ">":
		case "+", "~":
			return keys
		default:
			keys = compoundKeys(p, keys)
		}
	}
	return keys
}

// compoundKeys appends the keys every element comp (one compound, as
// cascadia prints it) matches carries: its tag, ids and classes
// (compoundNames).
func compoundKeys(comp string, keys []uint64) []uint64 {
	for kind, name := range compoundNames(comp) {
		keys = append(keys, selectorKeyHash(kind, name))
	}
	return keys
}

// ambiguousTag: a tag name that a selector, as cascadia prints it, cannot
// name unambiguously (readName stops at these characters). A switch per
// byte: it is asked of every element, twice, and strings.ContainsAny on a
// name this short looks each of its bytes up in the set in turn.
func ambiguousTag(tag string) bool {
	for i := 0; i < len(tag); i++ {
		switch tag[i] {
		case '.', '#', '[', ']', ':', '(', ')', '"', ' ', '\\':
			return true
		}
	}
	return false
}
