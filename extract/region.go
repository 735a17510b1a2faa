package extract

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The article extractors keep the densest run of prose and nothing else,
// which is right for a story and wrong for a page whose content is many
// short pieces: a shop's product cards, a service page's sections, a
// release list. For those the main region is the content: the page's
// <main> landmark (or its body), minus what every site wraps around its
// content — navigation, banners, footers, sidebars, dialogs, controls and
// the cookie, newsletter and share widgets that sites mark by name.

// mainRegion returns a cleaned copy of the page's main region.
func mainRegion(root *html.Node, cfg *config) *html.Node {
	region, pageLevel := regionRoot(root, cfg)
	out := cloneNode(region)
	stripSiteBoxes(out, cfg) // regionboxes.go
	stripChrome(out, pageLevel)
	return out
}

// regionRoot is the page's main landmark, or its body (pageLevel) when it
// has none big enough.
func regionRoot(root *html.Node, cfg *config) (n *html.Node, pageLevel bool) {
	body := findElement(root, atom.Body)
	if body == nil {
		body = root
	}
	if m := largestMain(body); m != nil && visibleWords(m) >= int(cfg.MainLandmarkShare*float64(visibleWords(body))) {
		return m, false
	}
	return body, true
}

// regionWords counts the words mainRegion would keep, without copying:
// all of them, and those outside links (a reader's text rather than
// navigation).
func regionWords(n *html.Node, pageLevel bool) (all, own int) {
	var walk func(n *html.Node, pageLevel, inLink bool)
	walk = func(n *html.Node, pageLevel, inLink bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				w := wordCount(c.Data)
				all += w
				if !inLink {
					own += w
				}
			case c.Type != html.ElementNode || isChrome(c, pageLevel):
			default:
				walk(c, pageLevel && c.DataAtom != atom.Article && c.DataAtom != atom.Section && c.DataAtom != atom.Main,
					inLink || c.DataAtom == atom.A)
			}
		}
	}
	walk(n, pageLevel, false)
	return all, own
}

// largestMain is the <main> or role="main" element with the most words.
func largestMain(n *html.Node) *html.Node {
	var best *html.Node
	bestWords := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.Main || strings.EqualFold(getAttr(c, "role"), "main") {
				if w := visibleWords(c); w > bestWords {
					best, bestWords = c, w
				}
				continue
			}
			walk(c)
		}
	}
	walk(n)
	return best
}

// stripChrome removes site chrome from n in place. Page-level landmarks
// (<header>, <footer>) only count as chrome outside an article or
// section, where they are the site's, not the content's.
func stripChrome(n *html.Node, pageLevel bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			switch {
			case isChrome(c, pageLevel):
				n.RemoveChild(c)
			default:
				inner := pageLevel && c.DataAtom != atom.Article && c.DataAtom != atom.Section && c.DataAtom != atom.Main
				stripChrome(c, inner)
			}
		}
		c = next
	}
}

func isChrome(n *html.Node, pageLevel bool) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Nav, atom.Aside, atom.Button,
		atom.Select, atom.Input, atom.Textarea, atom.Svg, atom.Iframe, atom.Dialog, atom.Canvas,
		atom.Video, atom.Audio, atom.Object, atom.Embed, atom.Img, atom.Picture, atom.Label:
		return true
	case atom.Header, atom.Footer:
		return pageLevel
	}
	switch strings.ToLower(getAttr(n, "role")) {
	case "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
		"menu", "menubar", "toolbar", "tablist":
		return true
	}
	return hasChromeName(getAttr(n, "class")) || hasChromeName(getAttr(n, "id"))
}

// chromeWords are the words sites name their chrome by, in class and id
// attributes ("cookie-banner", "site_footer", "shareButtons").
var chromeWords = map[string]bool{
	"cookie": true, "cookies": true, "consent": true, "gdpr": true, "newsletter": true,
	"breadcrumb": true, "breadcrumbs": true, "share": true, "sharing": true, "social": true,
	"modal": true, "popup": true, "skip": true, "sidebar": true, "navbar": true, "navigation": true,
	"menu": true, "footer": true, "masthead": true, "toolbar": true, "pagination": true,
	"advert": true, "advertisement": true, "ads": true, "promo": true, "subscribe": true,
	"signup": true, "login": true, "related": true, "recommended": true, "recommendations": true,
	"toc": true, "drawer": true, "offcanvas": true, "announcement": true,
	"signature": true, "vote": true, "votes": true, "voting": true,
}

// hasChromeName splits an attribute into words (at spaces, "-", "_" and
// lower-to-upper case changes) and looks for a chrome word.
func hasChromeName(v string) bool { return nameHas(v, chromeWords) }

// nameHas splits an attribute value into words and looks for one of words.
func nameHas(v string, words map[string]bool) bool {
	if v == "" {
		return false
	}
	start := 0
	for i := 0; i <= len(v); i++ {
		split := i == len(v) || v[i] == ' ' || v[i] == '-' || v[i] == '_' || v[i] == '\t' || v[i] == '\n'
		camel := !split && i > start && v[i] >= 'A' && v[i] <= 'Z' && v[i-1] >= 'a' && v[i-1] <= 'z'
		if split || camel {
			if i > start && words[strings.ToLower(v[start:i])] {
				return true
			}
			start = i
			if split {
				start = i + 1
			}
		}
	}
	return false
}

// regionContent decides between the article path's result (articleMD) and
// the main region. The article extractors keep one dense block; when that
// block is a small share of what the main region shows, the page is not
// an article but a page of many parts (cards, sections, posts), and the
// region is the content. A page that declares itself an article (JSON-LD,
// og:type) keeps its article unless the extractors found next to nothing:
// news pages carry long teaser lists around a short story. A region that
// adds only a few lines, or only links, to a real article adds leftover
// chrome (captions, bylines, share labels, menus), not missed parts.
// Whichever of these keeps the article path, the region is still read
// when that path left gaps in it (gaps.go).
// shop reports a shop page (isShop), when the question was asked.
func regionContent(root *html.Node, base *url.URL, src *pageText, meta *pageMeta, articleMD string, cfg *config) (r rendered, ok, shop bool) {
	rw, rwOwn := meta.regionWords(root, cfg)
	aw := wordCount(stripLinks(articleMD))
	awOwn := wordCount(stripLinkTexts(articleMD))
	if rw == 0 {
		return rendered{}, false, shop
	}
	keepArticle := func() (rendered, bool, bool) {
		if g, ok := gapRegion(root, base, src, meta, articleMD, rwOwn, awOwn, cfg); ok {
			return g, true, shop
		}
		return rendered{}, false, shop
	}
	share := float64(aw) / float64(rw)
	var region *html.Node
	mustHold := false // the region is used only if it holds the article path's text
	// isShop walks the page: it is asked only once a page gets this far.
	article := declaresArticle(root, meta, cfg)
	if linkDensity(articleMD) >= cfg.ArticleLinkShare {
		// The article path kept a menu or an index (most of its text is
		// link text), whatever the page declares: the region, without the
		// site's navigation, is the better read.
		shop = isShop(root, meta)
	} else if article {
		if aw >= cfg.ArticleMinWords || share >= cfg.RegionShareArticle {
			// og:type alone is a site-wide default on many sites: such a
			// page is still a listing when its entries say so.
			if !ogArticleOnly(root, meta) {
				return keepArticle()
			}
			region = mainRegion(root, cfg)
			if !isListing(region, articleMD, true, cfg) {
				return keepArticle()
			}
		}
		shop = isShop(root, meta)
	} else if shop = isShop(root, meta); shop && isReviews(root, articleMD, cfg) {
		// The buyers' reviews are the densest prose of many shop pages:
		// the article path kept them instead of the product. (A review
		// article with "buy" links declares itself an article.)
		region = mainRegion(root, cfg)
	} else if share >= cfg.RegionShare || aw >= cfg.ArticleMinWords && rwOwn-awOwn < cfg.RegionMinExtraWords {
		// The region adds little prose; it is still the content when it
		// is a listing whose entries the article path left out, or one
		// product's page whose other parts (price, specifications) the
		// article path dropped, as long as it holds what that path kept
		// and is mostly text, not links (a product's region that is
		// mostly links is the shop's menus and rails around a short
		// description).
		region = mainRegion(root, cfg)
		if !isListing(region, articleMD, false, cfg) {
			if !shop || float64(rwOwn) < cfg.ProductRegionOwnShare*float64(rw) || !singleProduct(root, region, meta, articleMD, cfg) {
				return keepArticle()
			}
			mustHold = true
		}
	}
	if region == nil {
		region = mainRegion(root, cfg)
	}
	r, ok = renderRegion(region, base, src, meta, shop, cfg)
	if !ok {
		return rendered{}, false, shop
	}
	// The article path's result is weighed as fromTree would keep it on a
	// shop page: without the reviews and rails the region drops too.
	if mustHold && !holdsArticle(r.markdown, cleanShopText(articleMD, meta, cfg), cfg) {
		// The gaps rule would render this same region again: ask it of
		// the one rendered.
		if gapsPossible(articleMD, rwOwn, awOwn, cfg) {
			if g, ok := gapResult(r, root, region, meta, articleMD, shop, cfg); ok {
				return g, true, shop
			}
		}
		return rendered{}, false, shop
	}
	return regionResult(r, root, region, meta, articleMD, shop, cfg), true, shop
}

// renderRegion renders the main region (mainRegion's copy) for reading: on
// a shop page without its shop chrome, the Markdown cleaned of debris and
// of what cleanRegion drops. ok is false when it holds no words.
func renderRegion(region *html.Node, base *url.URL, src *pageText, meta *pageMeta, shop bool, cfg *config) (r rendered, ok bool) {
	if shop {
		stripNamed(region, shopChromeWords)
	}
	spaceStackedLabels(region)
	r, err := render(extraction{node: region, source: "region"}, base, src)
	if err != nil || wordCount(r.markdown) == 0 {
		return rendered{}, false
	}
	if shop {
		r.markdown = cleanShopText(dropDebris(r.markdown), meta, cfg)
	} else {
		r.markdown = cleanRegion(dropDebris(r.markdown), false, cfg)
	}
	return r, true
}

// regionResult is the rendered region (r) as it is returned once chosen:
// one product's page trimmed to the product (productRegionMarkdown), and
// only the links its Markdown still holds.
func regionResult(r rendered, root, region *html.Node, meta *pageMeta, articleMD string, shop bool, cfg *config) rendered {
	if shop {
		r.markdown = productRegionMarkdown(root, region, meta, r.markdown, articleMD, cfg)
	}
	r.links = linksIn(r.links, r.markdown)
	return r
}

// declaresArticle: og:type article, or structured data (JSON-LD,
// microdata) whose most specific kind is an article, declared for fewer
// than cfg.ArticleListObjects objects (more are a listing's teasers).
func declaresArticle(root *html.Node, meta *pageMeta, cfg *config) bool {
	types := structuredTypes(meta, root)
	if articleObjects(types) >= cfg.ArticleListObjects {
		return false
	}
	return strings.EqualFold(meta.meta["og:type"], "article") || declaredKind(types) == kindArticle
}

// ogArticleOnly: the page calls itself an article in og:type only, not
// in structured data.
func ogArticleOnly(root *html.Node, meta *pageMeta) bool {
	return strings.EqualFold(meta.meta["og:type"], "article") && declaredKind(structuredTypes(meta, root)) != kindArticle
}

// shopChromeWords name what a shop puts around a product besides the
// site chrome: the reviews and ratings of buyers (a reader wants the
// title, price, description and specifications) and the other products
// it pushes.
var shopChromeWords = map[string]bool{
	"review": true, "reviews": true, "rating": true, "ratings": true, "upsell": true, "carousel": true,
}

// isReviews: most of md (cfg.ReviewShare of its text) lies in elements
// named for reviews or ratings (shopChromeWords).
func isReviews(root *html.Node, md string, cfg *config) bool {
	toks := wordTokens(stripLinks(md), nil)
	if len(toks) == 0 {
		return false
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if nameHas(getAttr(c, "class"), shopChromeWords) || nameHas(getAttr(c, "id"), shopChromeWords) {
				b.WriteString(textOf(c))
				b.WriteString("\n")
				continue
			}
			walk(c)
		}
	}
	walk(root)
	if b.Len() == 0 {
		return false
	}
	return coverage(toks, shingleSet(wordTokens(b.String(), nil))) >= cfg.ReviewShare
}

// isShop: the page declares a product, or sells (a cart control).
func isShop(root *html.Node, meta *pageMeta) bool {
	if f := meta.facts; f != nil && f.root == root && f.hasShop {
		return f.shop
	}
	return declaredKind(structuredTypes(meta, root)) == kindProduct ||
		strings.HasPrefix(strings.ToLower(meta.meta["og:type"]), "product") || hasCartControl(root)
}

// stripNamed removes the elements under n whose class or id holds one of
// words.
func stripNamed(n *html.Node, words map[string]bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			if nameHas(getAttr(c, "class"), words) || nameHas(getAttr(c, "id"), words) {
				n.RemoveChild(c)
			} else {
				stripNamed(c, words)
			}
		}
		c = next
	}
}
