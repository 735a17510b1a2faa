package extract

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/andybalholm/cascadia"
	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
	"golang.org/x/net/html"
)

// The page's own stylesheets, resolved the way a browser cascades them, for
// the properties that decide whether text can be seen. A page can hide an
// instruction from people with any rule of its <style> blocks (or escaped
// and commented spellings of it); the HTTP path, which has no layout
// engine, must still drop what a person would not see. Linked stylesheets
// are not fetched (no network on the extraction path).
//
// Hostile stylesheets are bounded: the CSS read, the rules kept, the length
// and complexity of each selector, and the selector matches made per page
// (a work count, not a clock, so the same page always gives the same text).
const (
	maxCSSBytes      = 512 << 10
	maxCSSRules      = 4000
	maxSelectorBytes = 400
	maxCSSTokens     = 400000
	maxMatchWork     = 3_000_000 // element × rule match attempts per page
)

// cssDecl is one declaration, property and value lower-cased and unescaped.
type cssDecl struct {
	prop, val string
	important bool
}

// cssRule is one selector of a ruleset with its declarations.
type cssRule struct {
	sel   cascadia.Sel
	spec  cascadia.Specificity
	order int
	decls []cssDecl
}

// parseStylesheet reads the rulesets of a stylesheet outside at-rules
// (@supports and the like describe other conditions, @media other
// screens; their rules are skipped), and what the rulesets of @media
// blocks that apply to a desktop screen hide (cssmedia.go). Selectors
// cascadia cannot compile (pseudo classes of interaction, pseudo-elements)
// are skipped too.
func parseStylesheet(src string, rules []cssRule) []cssRule {
	in := parse.NewInputString(src)
	p := css.NewParser(in, false)
	depth := 0     // at-rule nesting
	desktopAt := 0 // how many of the open at-rules, outermost first, are @media blocks for a desktop screen
	var cur []cssRule
	for tokens := 0; tokens < maxCSSTokens; tokens++ {
		gt, _, data := p.Next()
		switch gt {
		case css.ErrorGrammar:
			if atEnd(in, p) {
				return rules
			}
		case css.BeginAtRuleGrammar:
			if desktopAt == depth && strings.EqualFold(string(data), "@media") && desktopMedia(tokensText(p.Values())) {
				desktopAt++
			}
			depth++
		case css.EndAtRuleGrammar:
			if depth > 0 {
				depth--
			}
			desktopAt = min(desktopAt, depth)
		case css.BeginRulesetGrammar:
			cur = cur[:0]
			if depth > desktopAt || len(rules) >= maxCSSRules {
				continue
			}
			sel := tokensText(p.Values())
			if len(sel) > maxSelectorBytes {
				continue
			}
			group, err := cascadia.ParseGroup(sel)
			if err != nil {
				continue
			}
			for _, s := range group {
				cur = append(cur, cssRule{sel: s, spec: s.Specificity()})
			}
		case css.DeclarationGrammar:
			if len(cur) == 0 {
				continue
			}
			d := newDecl(string(data), p.Values())
			if depth > 0 && !hidesBox(d) {
				continue // in an @media block: what it hides only
			}
			for i := range cur {
				cur[i].decls = append(cur[i].decls, d)
			}
		case css.EndRulesetGrammar:
			for _, r := range cur {
				if len(rules) >= maxCSSRules {
					break
				}
				if depth > 0 && len(r.decls) == 0 {
					continue // an @media rule that hides nothing
				}
				r.order = len(rules)
				rules = append(rules, r)
			}
			cur = cur[:0]
		}
	}
	return rules
}

// parseInline reads a style attribute's declarations.
func parseInline(style string) []cssDecl {
	in := parse.NewInputString(style)
	p := css.NewParser(in, true)
	var out []cssDecl
	for tokens := 0; tokens < 4096; tokens++ {
		gt, _, data := p.Next()
		switch gt {
		case css.ErrorGrammar:
			if atEnd(in, p) {
				return out
			}
		case css.DeclarationGrammar:
			out = append(out, newDecl(string(data), p.Values()))
		}
	}
	return out
}

// atEnd reports that the parser of in stopped at the end of its input,
// not at a syntax error. The parser's error describes a syntax error with
// its line and column, which it finds by reading the input again from the
// start: asked at every error, a stylesheet of errors took minutes. So
// the input's own state is read first; the parser is asked only once the
// input is used up (it then reports the end, or a last syntax error).
func atEnd(in *parse.Input, p *css.Parser) bool {
	return errors.Is(in.Err(), io.EOF) && errors.Is(p.Err(), io.EOF)
}

func newDecl(prop string, vals []css.Token) cssDecl {
	d := cssDecl{prop: strings.ToLower(cssUnescape(strings.TrimSpace(prop)))}
	var b strings.Builder
	for i := 0; i < len(vals); i++ {
		t := vals[i]
		switch t.TokenType {
		case css.CommentToken:
			continue
		case css.DelimToken:
			// "!important" arrives as "!" then the ident.
			if string(t.Data) == "!" && i+1 < len(vals) && strings.EqualFold(cssUnescape(string(vals[i+1].Data)), "important") {
				d.important = true
				i++
				continue
			}
		case css.WhitespaceToken:
			b.WriteByte(' ')
			continue
		}
		b.WriteString(cssUnescape(string(t.Data)))
	}
	d.val = strings.ToLower(collapseSpace(b.String()))
	return d
}

func tokensText(ts []css.Token) string {
	var b strings.Builder
	for _, t := range ts {
		if t.TokenType != css.CommentToken {
			b.Write(t.Data)
		}
	}
	return b.String()
}

// cssUnescape resolves CSS escapes (\64 isplay, \n one) in an identifier
// or value: a page can spell "display" so that string matching misses it.
func cssUnescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		j := i + 1
		for j < len(s) && j < i+7 && isHex(s[j]) {
			j++
		}
		if j > i+1 {
			n, _ := strconv.ParseUint(s[i+1:j], 16, 32)
			if n == 0 || n > 0x10FFFF {
				n = 0xFFFD
			}
			b.WriteRune(rune(n))
			if j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n') {
				j++
			}
			i = j - 1
			continue
		}
		b.WriteByte(s[j])
		i = j
	}
	return b.String()
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'f' }

// styles is the cascade for one document.
type styles struct {
	rules  []cssRule
	inline map[*html.Node][]cssDecl
	work   int
	cache  map[nodeProp]string
	byProp map[string][]int      // rule indices by the properties they set
	index  map[string]*ruleIndex // byProp's rules by key, built per property asked for (cssindex.go)
	keys   []ruleKey             // each rule's key; kind 1 until computed
	anc    [][]uint64            // each rule's ancestor keys, with its key (cssancestors.go)
	blooms map[*html.Node]*ancestorBloom
}

// nodeProp keys the cascade's cache: one property of one element.
type nodeProp struct {
	n    *html.Node
	prop string
}

// key is rule i's index key, computed once.
func (st *styles) key(i int) ruleKey {
	if st.keys == nil {
		st.keys = make([]ruleKey, len(st.rules))
		for j := range st.keys {
			st.keys[j].kind = 1
		}
	}
	if st.keys[i].kind == 1 {
		if st.anc == nil {
			st.anc = make([][]uint64, len(st.rules))
		}
		st.keys[i], st.anc[i] = ruleKeysOf(&st.rules[i])
	}
	return st.keys[i]
}

// ruleKeysOf is rule r's index key and ancestor keys, read from its
// selector as cascadia prints it.
func ruleKeysOf(r *cssRule) (ruleKey, []uint64) {
	printed := r.sel.String()
	return selectorKey(printed), ancestorKeys(printed)
}

// allRuleKeys is key's work done ahead: what the early sheet parse
// (cssearly.go) does beside the HTML parser, so that applyStyles finds
// the keys made. Only the rules that set a property of keyedProps get
// theirs (the others' keys are seldom asked for); the rest keep kind 1,
// and key makes theirs if asked, as it does without the early parse.
func allRuleKeys(rules []cssRule) ([]ruleKey, [][]uint64) {
	keys := make([]ruleKey, len(rules))
	anc := make([][]uint64, len(rules))
	for i := range rules {
		keys[i].kind = 1
		for _, d := range rules[i].decls {
			if keyedProps[d.prop] {
				keys[i], anc[i] = ruleKeysOf(&rules[i])
				break
			}
		}
	}
	return keys, anc
}

// keyedProps are the properties the cascade is asked for (styles.value:
// the box, text and background checks of cssvis.go and cssshell.go) or
// judges a rule suspicious by. The list only says which keys are made
// early: a property missing from it costs time, never a different answer.
var keyedProps = map[string]bool{
	"display": true, "visibility": true, "opacity": true, "transition": true, "transition-property": true,
	"animation": true, "animation-name": true, "transform": true, "clip": true, "clip-path": true,
	"position": true, "overflow": true, "left": true, "right": true, "top": true, "margin-left": true,
	"margin-top": true, "text-indent": true, "width": true, "height": true, "max-width": true,
	"max-height": true, "font-size": true, "color": true, "background-color": true, "background": true,
}

// ancestors is the filter of n's ancestors' keys, built once per element
// from its parent's.
func (st *styles) ancestors(n *html.Node) *ancestorBloom {
	if b, ok := st.blooms[n]; ok {
		return b
	}
	b := &ancestorBloom{}
	if p := n.Parent; p != nil && p.Type == html.ElementNode {
		*b = *st.ancestors(p)
		b.addElement(p)
	}
	if st.blooms == nil {
		st.blooms = map[*html.Node]*ancestorBloom{}
	}
	st.blooms[n] = b
	return b
}

// mayMatch: rule i (whose key has been computed) can match an element
// whose ancestors' filter is anc; false means it cannot.
func (st *styles) mayMatch(i int, anc *ancestorBloom) bool {
	keys := st.anc[i]
	return len(keys) == 0 || anc.mayHold(keys)
}

// propIndex is the index of the rules that set prop (nil when none do).
func (st *styles) propIndex(prop string) *ruleIndex {
	if st.byProp == nil {
		st.byProp = map[string][]int{}
		st.index = map[string]*ruleIndex{}
		for i, r := range st.rules {
			for j, d := range r.decls {
				if j == 0 || !containsProp(r.decls[:j], d.prop) {
					st.byProp[d.prop] = append(st.byProp[d.prop], i)
				}
			}
		}
	}
	if ix, ok := st.index[prop]; ok {
		return ix
	}
	var ix *ruleIndex
	if rules := st.byProp[prop]; len(rules) > 0 {
		ix = newRuleIndex()
		for _, i := range rules {
			ix.add(i, st.key(i))
		}
	}
	st.index[prop] = ix
	return ix
}

// value is the cascaded value of prop on n ("" when nothing sets it):
// important before normal, inline before rules, then specificity, then
// source order.
func (st *styles) value(n *html.Node, prop string) string {
	if v, ok := st.cache[nodeProp{n, prop}]; ok {
		return v
	}
	best, bestImp, bestInline := "", false, false
	var bestSpec cascadia.Specificity
	bestOrder := -1
	for _, d := range st.inline[n] {
		if d.prop == prop && (!bestInline || d.important || !bestImp) {
			best, bestImp, bestInline = d.val, d.important, true
		}
	}
	// Rules are tried in index order, not source order: the winner is the
	// same, since (importance, specificity, order) is a total order.
	ix := st.propIndex(prop)
	if ix == nil {
		st.cache[nodeProp{n, prop}] = best
		return best
	}
	var anc *ancestorBloom
	ix.each(n, func(i int) {
		r := &st.rules[i]
		var d *cssDecl
		for j := range r.decls {
			if r.decls[j].prop == prop {
				d = &r.decls[j]
			}
		}
		if d == nil {
			return
		}
		// Inline normal declarations beat every normal rule; only an
		// important rule can beat them.
		if bestInline && (bestImp || !d.important) {
			return
		}
		if bestOrder >= 0 && bestImp && !d.important {
			return
		}
		if bestOrder >= 0 && bestImp == d.important && (r.spec.Less(bestSpec) || r.spec == bestSpec && r.order < bestOrder) {
			return
		}
		// The work counts every attempt, filtered or not: the budget is
		// spent as it always was.
		if st.work++; st.work > maxMatchWork {
			return
		}
		if anc == nil {
			anc = st.ancestors(n)
		}
		if !st.mayMatch(i, anc) || !r.sel.Match(n) {
			return
		}
		best, bestImp, bestInline, bestSpec, bestOrder = d.val, d.important, false, r.spec, r.order
	})
	st.cache[nodeProp{n, prop}] = best
	return best
}

func containsProp(ds []cssDecl, prop string) bool {
	for _, d := range ds {
		if d.prop == prop {
			return true
		}
	}
	return false
}
