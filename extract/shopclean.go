package extract

import (
	"strings"
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
	blocks := markdownBlocks(md)
	var b strings.Builder
	var toks []string
	for _, sp := range blocks {
		blk := md[sp.start:sp.end]
		if len(reviews) > 0 {
			toks = wordTokens(stripLinks(blk), toks[:0])
			if len(toks) >= cfg.ReviewBlockMinWords && coverage(toks, reviews) >= cfg.ReviewBlockShare {
				continue
			}
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(blk)
	}
	if b.Len() == 0 {
		return md // never drop everything
	}
	return b.String()
}

// declaredReviews is the shingle set of the review texts the page's
// JSON-LD declares (a Review's reviewBody, anywhere in a Product or on its
// own), or nil when it declares none.
func declaredReviews(meta *pageMeta) map[uint64]struct{} {
	var texts []string
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > maxLDDepth {
			return
		}
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				walk(e, depth+1)
			}
		case map[string]any:
			for _, typ := range ldTypes(t) {
				if typ == "Review" {
					if s := ldString(t, "reviewBody"); s != "" {
						texts = append(texts, s)
					}
				}
			}
			for k, e := range t {
				if k != "@context" {
					walk(e, depth+1)
				}
			}
		}
	}
	for _, o := range meta.jsonLD {
		walk(o, 0)
	}
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

// maxLDDepth bounds the walk of one JSON-LD object (a Product's review
// list sits two or three levels down).
const maxLDDepth = 6

// cleanShopText cleans a shop page's Markdown as its region is cleaned
// (cleanRegion: rails, repeats), then of its declared reviews (cleanShop).
func cleanShopText(md string, meta *pageMeta, cfg *config) string {
	return cleanShop(cleanRegion(md, true, cfg), declaredReviews(meta), cfg)
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
