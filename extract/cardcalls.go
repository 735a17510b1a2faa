package extract

import (
	"strings"
	"unicode"
)

// A page of priced cards (a shop's category, a buyer's guide) sets the
// same linked line in card after card: the call to action ("Read full
// review", "Check price at Amazon", "Notify me") or the badge of an offer
// ("+5 Free Accessories", "Bundle and Save"). Each card's own words are
// its name, its price and its details; the line every card repeats,
// word for word, tells a reader nothing about any one of them. Such a
// line goes when it is a link alone, short, and repeated on a page that
// shows prices: off such pages a repeated link is as often an entry's
// part (a thread's "Reply", a table's "Download").
//
// A card's status badge ("Sold out", "Top Rated", "Sponsored") is the
// same kind of line, linked or not: a shop's stock or merchandising label
// said over several cards. Those the shops' own words name (cardBadges)
// go when said on more than one card.

// cardBadges are the status labels shops set on their cards, lower-cased.
// Words that may as well name a section or a product ("New", "Sale",
// "Exclusive") are left out: alone they head an entry as often as they
// label one.
var cardBadges = map[string]bool{
	"sold out": true, "out of stock": true, "in stock": true, "back in stock": true, "low stock": true,
	"almost gone": true, "selling fast": true, "coming soon": true, "pre order": true, "preorder": true,
	"sponsored": true, "best seller": true, "bestseller": true, "top rated": true, "award winner": true,
	"staff pick": true, "new arrival": true, "new arrivals": true, "just in": true, "on sale": true,
	"limited edition": true, "online only": true, "more options": true,
	// The same stock labels in the other languages shops most often
	// write them in (French, German, Spanish, Italian, Dutch, Portuguese).
	"en stock": true, "rupture de stock": true, "épuisé": true, "auf lager": true, "ausverkauft": true,
	"nicht auf lager": true, "nicht vorrätig": true, "agotado": true, "en existencia": true, "sin stock": true,
	"esaurito": true, "op voorraad": true, "uitverkocht": true, "niet op voorraad": true, "esgotado": true,
	"em estoque": true,
}

// dropCardCalls removes the lines of md that are one link alone, of at
// most cfg.CardCallMaxWords words (one of them of letters, not a page
// number), whose words (case aside) make up cfg.CardCallMinRepeats lines
// or more, when cfg.CardCallMinPrices lines or more of md show a price.
// A line that is a card's badge (cardBadges) goes when
// cfg.CardBadgeMinRepeats lines or more say it on such a page, or
// cfg.CardCallMinRepeats lines on any (a grid of sold-out cards shows no
// prices). A list item whose first line is such a link or badge and that
// goes on below it keeps its line, so its other lines stay in it
// (dropMarkdownLines).
func dropCardCalls(md string, cfg *config) string {
	if !strings.Contains(md, "\n") {
		return md
	}
	lines := strings.Split(md, "\n")
	keys := make([]string, len(lines))
	badge := make([]bool, len(lines))
	counts := make(map[string]int)
	var fence codeFence
	code := make([]bool, len(lines))
	repeated := false
	for i, line := range lines {
		if fence.line(line) {
			code[i] = true
			continue
		}
		if k := cardCallKey(line, cfg); k != "" {
			keys[i] = k
			counts[k]++
		} else if k := cardBadgeKey(line); k != "" {
			keys[i], badge[i] = k, true
			counts[k]++
		}
	}
	for _, n := range counts {
		repeated = repeated || n >= min(cfg.CardBadgeMinRepeats, cfg.CardCallMinRepeats)
	}
	if !repeated {
		return md // most pages: no line said twice that could be a call
	}
	// The prices are counted only now, and only as far as needed.
	prices := 0
	for i := 0; i < len(lines) && prices < cfg.CardCallMinPrices; i++ {
		if !code[i] && hasPrice(lines[i]) {
			prices++
		}
	}
	priced := prices >= cfg.CardCallMinPrices
	drop := func(i int, _ string) bool {
		k := keys[i]
		switch {
		case k == "":
			return false
		case badge[i]:
			return counts[k] >= cfg.CardCallMinRepeats || priced && counts[k] >= cfg.CardBadgeMinRepeats
		}
		return priced && counts[k] >= cfg.CardCallMinRepeats
	}
	return dropMarkdownLines(md, lines, drop)
}

// cardCallKey is the lower-cased words of line when it is one link alone
// (after a list marker and Markdown emphasis) of at most
// cfg.CardCallMaxWords words, one of them a word of letters: else "".
// A heading is an entry's title, never a call.
func cardCallKey(line string, cfg *config) string {
	t := strings.TrimSpace(line)
	t = strings.TrimSpace(trimBullet(t))
	if !strings.HasPrefix(t, "[") {
		return ""
	}
	l, ok := nextLink(t, 0)
	if !ok || l.start != 0 || l.end != len(t) || l.image {
		return ""
	}
	key, lettered := wordsKey(linkTexts(t[l.text:l.textEnd]), cfg.CardCallMaxWords, cfg.CardCallLetterBytes)
	if !lettered {
		return ""
	}
	return key
}

// maxCardBadgeBytes bounds a line, or a linked line's text, that may be
// a card's badge (the longest of cardBadges, with Markdown marks): a
// cheap test before the line is read word by word.
const maxCardBadgeBytes = 40

// cardBadgeKey is the lower-cased words of line when they are a card's
// badge (cardBadges) and the line is no heading nor a table's row; else
// "". A linked badge counts with its link's words.
func cardBadgeKey(line string) string {
	t := strings.TrimSpace(line)
	if t == "" || strings.HasPrefix(t, "#") || strings.HasPrefix(t, "|") {
		return ""
	}
	t = trimBullet(t)
	if len(t) > maxCardBadgeBytes {
		// Only a linked badge is longer: its address makes it so.
		l, ok := nextLink(t, 0)
		if !ok || l.start != 0 || l.end != len(t) || l.textEnd-l.text > maxCardBadgeBytes {
			return ""
		}
		t = t[l.text:l.textEnd]
	}
	k, _ := wordsKey(linkTexts(t), maxCardBadgeWords, 0) // a badge needs no word of letters
	if !cardBadges[k] {
		return ""
	}
	return k
}

// maxCardBadgeWords is the most words of a badge of cardBadges.
const maxCardBadgeWords = 3

// wordsKey is the words of s (wordTokens), lower-cased and joined by one
// space, "" when s has none or more than max; lettered reports one word
// of letterBytes letters or more and nothing but letters (a page number or a
// price is no call). The words are read in step, and the key built only
// for a short line: this reads every linked line of a page.
func wordsKey(s string, max, letterBytes int) (key string, lettered bool) {
	n := 0
	for i := 0; ; {
		var w string
		if w, i = nextWord(s, i); w == "" {
			break
		}
		if n++; n > max {
			return "", false
		}
		if !lettered && len(w) >= letterBytes && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 {
			lettered = true
		}
	}
	if n == 0 {
		return "", false
	}
	var b strings.Builder
	for i := 0; ; {
		var w string
		if w, i = nextWord(s, i); w == "" {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(w))
	}
	return b.String(), lettered
}
