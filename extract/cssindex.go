package extract

import (
	"iter"
	"strings"

	"golang.org/x/net/html"
)

// ruleIndex buckets style rules by one simple selector of their rightmost
// compound that every element they match must carry: an id, a class or a
// tag name (the rule hashing browsers do). An element is then matched
// only against the rules of its own id, classes and tag, and the few with
// no such key, instead of against every rule of the stylesheet: the same
// matches, a fraction of the attempts.
type ruleIndex struct {
	byID, byClass, byTag map[string][]int
	any                  []int
	all                  []int // every rule, in the order added
}

func newRuleIndex() *ruleIndex {
	return &ruleIndex{byID: map[string][]int{}, byClass: map[string][]int{}, byTag: map[string][]int{}}
}

// ruleKey is what every element a rule matches carries (selectorKey).
type ruleKey struct {
	kind byte // '#' id, '.' class, 't' tag, 0 none
	name string
}

// add files rule i under its key.
func (ix *ruleIndex) add(i int, k ruleKey) {
	ix.all = append(ix.all, i)
	name := k.name
	switch k.kind {
	case '#':
		ix.byID[name] = append(ix.byID[name], i)
	case '.':
		ix.byClass[name] = append(ix.byClass[name], i)
	case 't':
		ix.byTag[name] = append(ix.byTag[name], i)
	default:
		ix.any = append(ix.any, i)
	}
}

// each calls f with every rule that can match n, each once. An element
// whose tag a printed selector cannot name unambiguously ("o:p", which
// selectorKey reads as tag "o" and a pseudo-class) is offered every rule.
func (ix *ruleIndex) each(n *html.Node, f func(rule int)) {
	if ambiguousTag(n.Data) {
		for _, i := range ix.all {
			f(i)
		}
		return
	}
	for _, i := range ix.any {
		f(i)
	}
	for _, i := range ix.byTag[n.Data] {
		f(i)
	}
	var seenBuf [8]ruleKey
	seen := seenBuf[:0] // classes and ids already visited (class="a a")
	visit := func(m map[string][]int, kind byte, name string) {
		key := ruleKey{kind, name}
		for _, s := range seen {
			if s == key {
				return
			}
		}
		seen = append(seen, key)
		for _, i := range m[name] {
			f(i)
		}
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "id":
			if len(ix.byID) > 0 {
				visit(ix.byID, '#', a.Val)
			}
		case "class":
			if len(ix.byClass) == 0 {
				continue
			}
			// The separators cascadia's class match splits on, exactly.
			for s := a.Val; s != ""; {
				j := strings.IndexAny(s, " \t\r\n\f")
				if j < 0 {
					visit(ix.byClass, '.', s)
					break
				}
				if j > 0 {
					visit(ix.byClass, '.', s[:j])
				}
				s = s[j+1:]
			}
		}
	}
}

// selectorKey finds the key of a selector as cascadia prints it
// (compounds joined by " > ", "   ", " + ", " ~ "; special characters of
// names escaped with a backslash; attribute values in double quotes): in
// its rightmost compound, an id, else a class, else a tag name, outside
// any brackets or parentheses (what :not() or :is() holds is not
// required). kind is 0 when the compound has none, or when an odd quote
// makes the printed form ambiguous (then every element is tried, which is
// never wrong).
func selectorKey(sel string) ruleKey {
	if strings.Count(sel, `"`)%2 != 0 {
		return ruleKey{}
	}
	depth, start, quoted := 0, 0, false
	for i := 0; i < len(sel); i++ {
		c := sel[i]
		switch {
		case c == '\\':
			i++ // an escaped character is part of a name
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			depth--
		case c == ' ' && depth == 0:
			start = i + 1
		}
	}
	var id, class, tag string
	for kind, name := range compoundNames(sel[start:]) {
		switch {
		case kind == '#' && id == "":
			id = name
		case kind == '.' && class == "":
			class = name
		case kind == 't':
			tag = name
		}
	}
	switch {
	case id != "":
		return ruleKey{'#', id}
	case class != "":
		return ruleKey{'.', class}
	case tag != "":
		return ruleKey{'t', tag}
	}
	return ruleKey{}
}

// compoundNames yields the names one compound selector (as cascadia
// prints it) requires of every element it matches: its tag (kind 't'),
// ids ('#') and classes ('.'), outside brackets, parentheses and quoted
// values (what :not() or an attribute test holds is not required).
func compoundNames(comp string) iter.Seq2[byte, string] {
	return func(yield func(byte, string) bool) {
		depth, quoted := 0, false
		for i := 0; i < len(comp); {
			c := comp[i]
			switch {
			case c == '\\':
				i += 2
			case c == '"':
				quoted = !quoted
				i++
			case quoted:
				i++
			case c == '(' || c == '[':
				depth++
				i++
			case c == ')' || c == ']':
				depth--
				i++
			case depth > 0:
				i++
			case c == '#' || c == '.' || c == ':':
				name, j := readName(comp, i+1)
				if c != ':' && !yield(c, name) {
					return
				}
				i = j
			case i == 0 && c != '*':
				var tag string
				tag, i = readName(comp, 0)
				if !yield('t', tag) {
					return
				}
			default:
				i++
			}
		}
	}
}

// readName reads an identifier of s from i, unescaped, up to the next
// unescaped selector character; j is where it ends.
func readName(s string, i int) (name string, j int) {
	var b strings.Builder
	for j = i; j < len(s); j++ {
		c := s[j]
		if c == '\\' && j+1 < len(s) {
			j++
			b.WriteByte(s[j])
			continue
		}
		if strings.IndexByte(".#[]:()\" ", c) >= 0 {
			break
		}
		b.WriteByte(c)
	}
	return b.String(), j
}
