package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A shop's product page shows its buyers' reviews under the product, and
// not every shop names their boxes (the region's shopChromeWords miss
// them) or heads them with a heading the rail rules know. The page
// declares them, though: its structured data lists the reviews it shows
// (schema.org Review, reviewBody), and a block of the page's text that is
// one of them is a review. The structured data only locates text the page
// shows; it never adds any.

// cleanShop drops from a shop page's Markdown (md) the blocks that are
// reviews its structured data declares (reviews, from declaredReviews).
func cleanShop(md string, reviews map[uint64]struct{}, cfg *config) string {
	var toks []string
	return keepBlocks(md, func(blk string) bool {
		if len(reviews) == 0 {
			return true
		}
		toks = wordTokens(stripLinks(blk), toks[:0])
		return len(toks) < cfg.ReviewBlockMinWords || coverage(toks, reviews) < cfg.ReviewBlockShare
	})
}

// declaredReviews is the shingle set of the review texts the page's
// JSON-LD declares (a Review's reviewBody, anywhere in a Product or on its
// own), or nil when it declares none.
func declaredReviews(meta *pageMeta) map[uint64]struct{} {
	var texts []string
	walkLD(meta.jsonLD, func(o map[string]any) bool {
		for _, typ := range ldTypes(o) {
			if typ == "Review" {
				if s := ldString(o, "reviewBody"); s != "" {
					texts = append(texts, s)
				}
			}
		}
		return true
	})
	if len(texts) == 0 {
		return nil
	}
	set := make(map[uint64]struct{})
	for _, s := range texts {
		for k := range shingleSet(wordTokens(s, nil)) {
			set[k] = struct{}{}
		}
	}
	return set
}

// cleanShopText cleans a shop page's Markdown as its region is cleaned
// (cleanRegion: rails, repeats), then of its declared reviews (cleanShop)
// and of its controls' labels (dropControlLabels).
func cleanShopText(md string, meta *pageMeta, cfg *config) string {
	return dropControlLabels(cleanShop(cleanRegion(md, true, cfg), meta.declaredReviews(), cfg), cfg)
}

// controlLabels are what a shop's card or buy box (or a catalogue's
// entry) labels its controls with when they are links or spans rather
// than buttons (which the region drops): a reader of the entries does not
// come for them.
var controlLabels = map[string]bool{
	"quick view": true, "quick shop": true, "quick look": true, "compare": true, "add to compare": true,
	"add to wishlist": true, "add to wish list": true, "add to list": true, "add to favourites": true,
	"add to favorites": true, "save for later": true, "show options": true, "choose options": true,
	"select options": true, "add to cart": true, "add to bag": true, "add to basket": true, "buy now": true,
	// A rating widget's stars, drawn by a script, leave their labels
	// under every entry of a catalogue or a recipe index.
	"rate this": true, "rate this book": true, "rate this title": true, "rate this item": true,
	"rate this product": true, "rate this recipe": true, "clear rating": true,
	// A collapsible section's toggle (a board index's category, a
	// listing's "show more" under a truncated group), its label left by
	// the script that draws the arrow.
	"collapse": true, "expand": true, "collapse all": true, "expand all": true,
	"show more": true, "show less": true,
}

// dropControlLabels removes the lines of md that are nothing but a
// control's label (controlLabels). A list item whose first line is a label
// and that goes on below it keeps its line, so its other lines stay in it.
func dropControlLabels(md string, cfg *config) string {
	if !strings.Contains(md, "\n") && !isControlLabel(md, cfg) {
		return md
	}
	lines := strings.Split(md, "\n")
	var fence codeFence
	return dropMarkdownLines(md, lines, func(_ int, line string) bool {
		return !fence.line(line) && isControlLabel(line, cfg)
	})
}

// maxControlLabelBytes bounds a line that may be a control's label (the
// longest of controlLabels, with its Markdown marks): a cheap test before
// the line is tokenized, on every line of a shop page.
const maxControlLabelBytes = 40

// isControlLabel: the line's words, outside Markdown marks and links'
// addresses, are one of controlLabels.
func isControlLabel(line string, cfg *config) bool {
	if isSignInPrompt(line, cfg) { // signin.go
		return true
	}
	text := line
	if len(line) > maxControlLabelBytes {
		// A label linked to a long address: measure its text.
		if !strings.Contains(line, "](") {
			return false
		}
		if text = stripLinks(line); len(text) > maxControlLabelBytes {
			return false
		}
	}
	words := strings.Join(wordTokens(strings.ToLower(stripLinks(text)), nil), " ")
	if controlLabels[words] {
		return true
	}
	// A link labelled "Learn more" or "Shop now" alone on its line is a
	// card's or a banner's call to action (linkLabels).
	return isActionLabel(words) && isLinkLine(line)
}

// isLinkLine: the line, outside list and emphasis marks, is one link
// (firstLinkEnd: its brackets and parentheses matched).
func isLinkLine(line string) bool {
	t := strings.Trim(strings.TrimLeft(line, " -*+>"), " *_")
	return strings.HasPrefix(t, "[") && firstLinkEnd(t) == len(t)
}

// reviewPosts: the posts of a thread (md, rendered) are buyers' reviews:
// at least cfg.MinPosts of its headings are star-rating review titles
// ("5.0 out of 5 stars Great sound") and they are most of its headings.
func reviewPosts(md string, cfg *config) bool {
	headings, reviews := 0, 0
	for _, sp := range markdownBlocks(md) {
		b := md[sp.start:sp.end]
		if headingLevel(b) == 0 {
			continue
		}
		headings++
		if isReviewTitle(wordTokens(strings.ToLower(stripLinks(b)), nil)) {
			reviews++
		}
	}
	return reviews >= cfg.MinPosts && 2*reviews > headings
}

// ratedForSale: at least min headings (cfg.MinPosts, as for reviewPosts:
// one is a quote a story shows) of the page are star-rating review
// titles ("5.0 out of 5 stars Excellent sound", isReviewTitle) and the
// page shows a price (hasPrice): an item for sale with its buyers'
// reviews. The headings are found first; the text is read for a price
// only on a page that has them.
func ratedForSale(root *html.Node, min int) bool {
	titles := 0
	var toks []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && titles < min; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Script, atom.Style, atom.Template:
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				if toks = wordTokens(strings.ToLower(textOf(c)), toks[:0]); isReviewTitle(toks) {
					titles++
				}
			default:
				walk(c)
			}
		}
	}
	walk(root)
	return titles >= min && showsPrice(root)
}

// showsPrice: a text of the page outside scripts and styles holds a
// price.
func showsPrice(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			if hasPrice(c.Data) {
				return true
			}
		case c.Type != html.ElementNode, c.DataAtom == atom.Script, c.DataAtom == atom.Style, c.DataAtom == atom.Template:
		case showsPrice(c):
			return true
		}
	}
	return false
}
