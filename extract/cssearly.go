package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// The page's stylesheets are known from its source before the tree is
// built: the text of a <style> element is raw text, the bytes between its
// tags. So the sheets are read out of the source and parsed beside the
// HTML parser, on the core it leaves idle, instead of after it. The tree
// decides: applyStyles collects the sheets from the tree as before and
// takes the early parse only when its text is exactly the text collected
// (a <style> the scan misread, one inside SVG, or one a <noscript> view
// brings in makes them differ, and the sheets are then parsed as before).
// The rules are the parse of the same text either way.

// earlySheet is the sheets' text read from the source and its parse,
// ready once done is closed.
type earlySheet struct {
	src   string
	rules []cssRule
	// keys and anc are every rule's index and ancestor keys (allRuleKeys),
	// made here too: the core is idle while the HTML parser runs, and
	// applyStyles would otherwise make them after it, on the page's time.
	keys []ruleKey
	anc  [][]uint64
	ok   bool // false when the parse panicked: the tree's path parses again, inside FromHTML's recover
	done chan struct{}
}

// startSheetParse starts reading the <style> blocks of the page source s
// and parsing them, beside the caller.
func startSheetParse(s string) *earlySheet {
	e := &earlySheet{done: make(chan struct{})}
	go func() {
		defer close(e.done)
		defer func() { _ = recover() }()
		var sheets strings.Builder
		for _, block := range styleBlocks(s) {
			addSheetText(&sheets, block)
		}
		e.src = sheets.String()
		if e.src != "" {
			e.rules = parseStylesheet(e.src, nil)
			e.keys, e.anc = allRuleKeys(e.rules)
		}
		e.ok = true
	}()
	return e
}

// wait returns once the early parse has ended: the call that started it
// does not return before (its work never outlives the call).
func (e *earlySheet) wait() {
	if e != nil {
		<-e.done
	}
}

// rulesFor returns the early parse, with its rules' keys, when it was
// made of exactly src.
func (e *earlySheet) rulesFor(src string) (rules []cssRule, keys []ruleKey, anc [][]uint64, ok bool) {
	if e == nil {
		return nil, nil, nil, false
	}
	e.wait()
	if !e.ok || e.src != src {
		return nil, nil, nil, false
	}
	return e.rules, e.keys, e.anc, true
}

// addSheetText appends one <style> element's text to the page's sheets,
// within maxCSSBytes.
func addSheetText(sheets *strings.Builder, text string) {
	if sheets.Len() < maxCSSBytes && sheets.Len()+len(text) <= maxCSSBytes {
		sheets.WriteString(text)
		sheets.WriteByte('\n')
	}
}

// styleBlocks returns the raw text of each <style> element of s, in
// order, as the page's sheets read it (mediaSheet: its media
// attribute), skipping comments and the raw text of other elements (a
// script can hold "<style" in a string).
func styleBlocks(s string) []string {
	var out []string
	for i := 0; ; {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			return out
		}
		i += j
		rest := s[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			k := strings.Index(rest[4:], "-->")
			if k < 0 {
				return out
			}
			i += 4 + k + 3
		case rawTextTag(rest) != "":
			name := rawTextTag(rest)
			open := strings.IndexByte(rest, '>')
			if open < 0 {
				return out
			}
			body := rest[open+1:]
			end := rawTextEnd(body, name)
			if end < 0 {
				return out
			}
			if name == "style" && end > 0 { // (an empty <style> has no text node)
				out = append(out, mediaSheet(tagAttr(rest[:open+1], "media"), asParsed(body[:end])))
			}
			i += open + 1 + end
		default:
			i++
		}
	}
}

// rawTexts are the elements whose content the HTML parser reads as text
// up to their end tag (scripting on, as go's parser runs).
var rawTexts = []string{"style", "script", "noscript", "textarea", "title", "xmp", "iframe", "noembed", "noframes"}

// rawTextTag is the raw text element s opens with, or "".
func rawTextTag(s string) string {
	if len(s) < 2 || strings.IndexByte("sntxiSNTXI", s[1]) < 0 {
		return "" // (most tags: no raw text element starts so)
	}
	for _, name := range rawTexts {
		if tagNamed(s, name) {
			return name
		}
	}
	return ""
}

// tagNamed: s opens with a start tag of name (any case).
func tagNamed(s, name string) bool {
	if len(s) < len(name)+2 || !strings.EqualFold(s[1:1+len(name)], name) {
		return false
	}
	switch s[1+len(name)] {
	case '>', '/', ' ', '\t', '\n', '\r', '\f':
		return true
	}
	return false
}

// rawTextEnd is where the raw text of a name element ends in body: at its
// end tag "</name" followed by a space, "/" or ">"; -1 when it does not.
func rawTextEnd(body, name string) int {
	for off := 0; ; {
		k := strings.Index(body[off:], "</")
		if k < 0 {
			return -1
		}
		off += k
		if rest := body[off+1:]; len(rest) > len(name)+1 && strings.EqualFold(rest[1:1+len(name)], name) {
			switch rest[1+len(name)] {
			case '>', '/', ' ', '\t', '\n', '\r', '\f':
				return off
			}
		}
		off += 2
	}
}

// asParsed is raw text as the HTML parser stores it: line breaks
// normalised to "\n", NUL bytes replaced.
func asParsed(text string) string {
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	}
	if strings.IndexByte(text, 0) >= 0 {
		text = strings.ReplaceAll(text, "\x00", "\uFFFD")
	}
	return text
}

// tagAttr is the value of the attribute key (lower case) of the start tag
// tag ("<style media=print>"), decoded as the HTML parser decodes it; ""
// when the tag has none.
func tagAttr(tag, key string) string {
	z := html.NewTokenizer(strings.NewReader(tag))
	if z.Next() != html.StartTagToken {
		return ""
	}
	for {
		k, v, more := z.TagAttr()
		if string(k) == key {
			return string(v)
		}
		if !more {
			return ""
		}
	}
}
