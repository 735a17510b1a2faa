package extract

import (
	"strings"
)

// A main region keeps what the page shows around its content that the
// chrome rules do not catch by name: the sticky bar that repeats a
// product's title and price, the mobile copy of a block beside the
// desktop one, and the rails a shop adds after its product ("You may also
// like", "Recently viewed"). Both are judged on the rendered Markdown, by
// shape and by the words of their headings.

// railHeadings open the sections a shop or site adds after its content to
// push other items: a heading that is one of these (or starts with one)
// opens a rail that runs to the next heading of the same or a higher level.
var railHeadings = []string{
	"you may also like", "you might also like", "you may like", "you might like", "you may also be interested",
	"related products", "related items", "similar products", "similar items", "more like this",
	"customers also", "customers who bought", "people also", "frequently bought together", "complete the look",
	"recently viewed", "recommended for you", "recommended products", "top picks for you", "shop similar",
	"pairs well with", "goes well with",
	"explore related", "related searches", "more to explore", "people who viewed", "people who bought",
	"customers who viewed", "sponsored products", "sponsored items", "more from this seller", "more from this shop",
	"more seller options", "other sellers", "compare similar", "products related to",
}

// storyRailHeadings open the rails a site sets under its content to push
// its other stories ("Related articles", "Latest news"). A blog's or a
// newsroom's index may be titled so, so they open a rail only below the
// read's first heading (dropRails).
var storyRailHeadings = []string{
	"related articles", "related stories", "related news", "related posts", "related content", "related reading",
	"recommended articles", "recommended stories", "recommended reading", "recent posts", "latest news",
	"latest posts", "latest articles", "latest stories", "popular posts", "popular articles", "more stories",
	"more news", "more articles",
}

// railPhrases mark a rail wherever they stand in a short heading ("Shop
// customers also viewed", "Items you viewed recently").
var railPhrases = []string{"also viewed", "also bought", "also purchased", "viewed recently", "frequently viewed", "related to this item"}

// railHeadingMaxWords: a heading this long or longer is a title that
// happens to hold a rail phrase, not a rail's label.
const railHeadingMaxWords = 8

// shopRailHeadings open what a shop adds under its product besides
// other products: its buyers' reviews and feedback, its shipping and
// returns terms. On other pages such a heading can be the content (a
// review site's reviews, a courier's delivery terms).
var shopRailHeadings = []string{
	"customer reviews", "reviews", "top reviews", "ratings and reviews", "testimonials", "user testimonials",
	"customer testimonials", "what our customers say", "ratings reviews", "seller feedback", "feedback",
	"customer feedback", "customer ratings", "shipping and returns", "shipping returns", "delivery and returns",
	"delivery returns", "shipping and fee details", "shipping fee details", "shipping and payments", "shipping and delivery",
	"returns and refunds", "return policy", "payment options",
}

// cleanRegion drops rails from a region's Markdown, and on a shop's page
// the blocks it repeats (the sticky bar with the title and price again).
// Elsewhere a repeat is content the page shows twice (a tab's label above
// its panel, a carousel), which a reader of the page sees twice too.
func cleanRegion(md string, shop bool, cfg *config) string {
	md = dropRails(md, shop, cfg)
	if shop {
		md = dropRepeats(md, cfg)
	}
	return md
}

// headingLevel is the level of a Markdown heading block (1 to 6), or 0.
func headingLevel(b string) int {
	if !isHeading(b) {
		return 0
	}
	t := strings.TrimLeft(b, " ")
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	if n > 6 || n < len(t) && t[n] != ' ' {
		return 0
	}
	return n
}

// isRailHeading: the heading's words are one of railHeadings (or on a
// shop's page shopRailHeadings) or start with one, or hold one of
// railPhrases in a few words, or it is a buyer's review title ("5.0 out
// of 5 stars Great sound") on a shop's page.
func isRailHeading(b string, shop bool) bool {
	toks := headingTokens(b)
	words := strings.Join(toks, " ")
	if opensWith(words, railHeadings) || shop && (opensWith(words, shopRailHeadings) || isReviewTitle(toks)) {
		return true
	}
	if len(toks) < railHeadingMaxWords {
		for _, p := range railPhrases {
			if containsPhrase(words, p) {
				return true
			}
		}
	}
	return false
}

// headingTokens are the words of a heading block b, lower-cased, outside
// its links' addresses, a typographic apostrophe read as a plain one.
func headingTokens(b string) []string {
	return wordTokens(strings.ToLower(strings.ReplaceAll(stripLinks(b), "’", "'")), nil)
}

// opensWith: words (a heading's words, joined by spaces) are one of list
// or open with one of them, whole words.
func opensWith(words string, list []string) bool {
	for _, h := range list {
		if words == h || strings.HasPrefix(words, h+" ") {
			return true
		}
	}
	return false
}

// isReviewTitle: the words of a heading open with a star rating ("4 out
// of 5 stars", "5.0 out of 5 stars"), the way shops head each review.
func isReviewTitle(toks []string) bool {
	// "5.0" is two tokens, "5" one.
	for _, k := range []int{1, 2} {
		if len(toks) > k && isDigits(toks[0]) && isOutOfStars(toks[k:]) {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// dropRails removes each rail: its heading and everything under it up to
// the next heading of the same or a higher level; and the "Loading…"
// placeholders a script fills in later (each lazy panel leaves one). The
// read's first heading is its title, never a story rail's.
func dropRails(md string, shop bool, cfg *config) string {
	first := true
	return dropSections(md, func(heading string) bool {
		story := !first && opensWith(strings.Join(headingTokens(heading), " "), storyRailHeadings)
		first = false
		return story || isRailHeading(heading, shop)
	}, cfg)
}

// dropSections removes each section whose heading isRail reports, up to
// the next heading of the same or a higher level, and the "Loading…"
// placeholders, the failure messages a script keeps ready and the cookie
// banner (consent.go).
func dropSections(md string, isRail func(heading string) bool, cfg *config) string {
	railLevel := 0 // level of the rail being skipped; 0 outside one
	return keepBlocks(md, func(blk string) bool {
		lvl := headingLevel(blk)
		if railLevel > 0 {
			if lvl == 0 || lvl > railLevel {
				return false
			}
			railLevel = 0
		}
		if lvl > 0 && isRail(blk) {
			railLevel = lvl
			return false
		}
		return !LoadingPlaceholder(blk) && !ErrorPlaceholder(blk) && !consentNotice(blk, cfg)
	})
}

// keepBlocks is md with only the Markdown blocks keep reports, in order
// (keep sees each block once, in order); md itself when keep drops them
// all: a filter never drops everything.
func keepBlocks(md string, keep func(blk string) bool) string {
	var b strings.Builder
	for _, sp := range markdownBlocks(md) {
		blk := md[sp.start:sp.end]
		if !keep(blk) {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(blk)
	}
	if b.Len() == 0 {
		return md
	}
	return b.String()
}

// dropRepeats removes a block whose text repeats an earlier block of at
// least cfg.RepeatMinWords words: a sticky bar, a mobile copy. Short
// blocks ("$65", "Add to cart") repeat legitimately between entries.
func dropRepeats(md string, cfg *config) string {
	seen := map[string]bool{}
	var toks []string
	return keepBlocks(md, func(blk string) bool {
		toks = wordTokens(strings.ToLower(stripLinks(blk)), toks[:0])
		if len(toks) >= cfg.RepeatMinWords {
			key := strings.Join(toks, " ")
			if seen[key] {
				return false
			}
			seen[key] = true
		}
		return true
	})
}
