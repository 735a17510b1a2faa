package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A shop names the box of its buyers' reviews for what it is (class
// "reviews", id "customer-ratings"), and the region of a shop page loses
// every box so named (shopChromeWords). A shop also names "reviews" what
// it writes about the product itself: a book's press quotes and blurbs
// ("Editorial Reviews"), an expert's write-up, the publisher's review.
// That is prose the reader came for. The buyers' widget is told apart by
// its parts: star ratings, the reviewers' names, the dates of the reviews,
// rating properties, or a run of look-alike review cards. A box named for
// reviews that has none of them and holds a paragraph's worth of prose is
// an editorial review, and stays.

// stripShopChrome removes from a shop page's region the elements named
// for its shop chrome (shopChromeWords), except the boxes named for
// reviews that are editorial reviews (isEditorialReview), panels of the
// product's tab set (keep.panels, tabPanelIDs; reviewtab.go) or, on one
// product's page (keep.oneProduct), its rating summary (isRatingSummary);
// inside those, only the rails (shopRailBox: other products, never the
// product's own text, whatever they hold) go.
func stripShopChrome(n *html.Node, keep shopKeep, cfg *config) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			kind := shopChrome(c)
			switch {
			case kind == 0:
				stripShopChrome(c, keep, cfg)
			case kind&shopRailBox != 0 || !keep.keeps(c, cfg):
				n.RemoveChild(c)
			default:
				removeElements(c, func(e *html.Node) bool { return shopChrome(e)&shopRailBox != 0 })
			}
		}
		c = next
	}
}

// shopKeep is what of a page's boxes named for reviews stripShopChrome
// keeps besides editorial reviews: its tab set's panels, and the rating
// summary of a page that declares one product.
type shopKeep struct {
	panels     map[string]bool
	oneProduct bool
}

// keeps: the review box c stays.
func (k shopKeep) keeps(c *html.Node, cfg *config) bool {
	return isReviewTab(c, k.panels) || k.oneProduct && isRatingSummary(c, cfg) || isEditorialReview(c, cfg)
}

// isRatingSummary: n, a box named for reviews or ratings, holds at most
// cfg.RatingSummaryMaxWords words: on one product's page that is the
// product's standing beside its name and price ("Very Positive (3,065) -
// 89% of the user reviews are positive", "4.6 out of 5, 1,204 ratings",
// an age rating's labels), which a reader of the product is shown as part
// of it; the buyers' reviews themselves run longer.
func isRatingSummary(n *html.Node, cfg *config) bool {
	w := visibleWords(n)
	return w > 0 && w <= cfg.RatingSummaryMaxWords
}

// reviewWidgetProps are the microdata properties of a rating or of a
// review's parts (its writer, its date): a box holding one is the buyers'
// widget.
var reviewWidgetProps = map[string]bool{
	"ratingvalue": true, "reviewrating": true, "aggregaterating": true, "bestrating": true, "worstrating": true,
	"ratingcount": true, "reviewcount": true, "review": true, "author": true, "datepublished": true,
}

// reviewWidgetTypes are the microdata types of a rating or a review.
var reviewWidgetTypes = map[string]bool{"Review": true, "AggregateRating": true, "Rating": true, "UserReview": true, "CriticReview": true}

// reviewPartWords name the parts of a buyers' review (its stars, its
// writer's name and picture, its "helpful" votes).
var reviewPartWords = map[string]bool{
	"star": true, "stars": true, "rating": true, "ratings": true, "rater": true, "reviewer": true, "author": true,
	"avatar": true, "username": true, "nickname": true, "helpful": true, "verified": true,
}

// reviewCardTags are the elements a review widget repeats, one a review.
var reviewCardTags = map[atom.Atom]bool{atom.Div: true, atom.Li: true, atom.Article: true, atom.Section: true}

// isEditorialReview: n, a box named for reviews, holds at least
// cfg.EditorialReviewMinWords words outside links and none of a review
// widget's parts (hasReviewWidgetPart). The walk reads at most
// cfg.EditorialReviewScan nodes: a bigger box is the buyers' widget as
// before (an editorial review is a few paragraphs).
func isEditorialReview(n *html.Node, cfg *config) bool {
	words, nodes := 0, 0
	var toks []string
	var walk func(n *html.Node, linked bool) bool // false: a widget's part, or over budget
	walk = func(n *html.Node, linked bool) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if nodes++; nodes > cfg.EditorialReviewScan {
				return false
			}
			switch c.Type {
			case html.TextNode:
				toks = wordTokens(strings.ToLower(c.Data), toks[:0])
				if hasStarText(c.Data, toks) {
					return false
				}
				if !linked {
					words += len(toks)
				}
			case html.ElementNode:
				if c.DataAtom == atom.Script || c.DataAtom == atom.Style || c.DataAtom == atom.Template {
					continue
				}
				if hasReviewWidgetPart(c, cfg) || !walk(c, linked || c.DataAtom == atom.A) {
					return false
				}
			}
		}
		return true
	}
	if declaresReviewPart(n) || hasLookalikeCards(n, cfg.ReviewWidgetCards) {
		return false
	}
	return walk(n, false) && words >= cfg.EditorialReviewMinWords
}

// declaresReviewPart: c's microdata makes it a rating, a review or one of
// a review's parts (its writer, its date).
func declaresReviewPart(c *html.Node) bool {
	if reviewWidgetProps[strings.ToLower(getAttr(c, "itemprop"))] {
		return true
	}
	for _, f := range strings.Fields(getAttr(c, "itemtype")) {
		if reviewWidgetTypes[itemTypeName(f)] {
			return true
		}
	}
	return false
}

// hasReviewWidgetPart: the element c is a part of a buyers' review widget:
// a rating or review property or type (declaresReviewPart), a date (isDateElement), an element
// named for a review's parts (reviewPartWords), a star rating in its
// accessible label, or the parent of cfg.ReviewWidgetCards or more
// look-alike cards (same tag and class).
func hasReviewWidgetPart(c *html.Node, cfg *config) bool {
	if declaresReviewPart(c) || isDateElement(c) {
		return true
	}
	if nameHas(getAttr(c, "class"), reviewPartWords) || nameHas(getAttr(c, "id"), reviewPartWords) {
		return true
	}
	for _, k := range []string{"aria-label", "title"} {
		if v := getAttr(c, k); v != "" && hasStarText(v, wordTokens(strings.ToLower(v), nil)) {
			return true
		}
	}
	return hasLookalikeCards(c, cfg.ReviewWidgetCards)
}

// hasLookalikeCards: at least min of n's children are cards alike
// (reviewCardTags, the same tag and the same non-empty class), grouped
// as bestLookalikeGroup groups a thread's posts.
func hasLookalikeCards(n *html.Node, minCards int) bool {
	var cards []lookalike
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && reviewCardTags[c.DataAtom] && getAttr(c, "class") != "" {
			cards = append(cards, lookalike{n: c, member: true, words: 1})
		}
	}
	if len(cards) < minCards {
		return false
	}
	// A member's one "word" makes a group's words its size; a share of 0
	// lets any group of minCards cards count.
	members, _ := bestLookalikeGroup(cards, minCards, 0)
	return members != nil
}

// hasStarText: the text s (toks, its lower-cased words) shows a star
// rating: star glyphs, or "out of 5 stars" ("4.5 out of 5 stars").
func hasStarText(s string, toks []string) bool {
	if strings.ContainsAny(s, "★☆⭐") {
		return true
	}
	for i := range toks {
		if isOutOfStars(toks[i:]) {
			return true
		}
	}
	return false
}

// isOutOfStars: toks open with "out of N stars" (or "star").
func isOutOfStars(toks []string) bool {
	return len(toks) >= 4 && toks[0] == "out" && toks[1] == "of" && isDigits(toks[2]) && (toks[3] == "stars" || toks[3] == "star")
}
