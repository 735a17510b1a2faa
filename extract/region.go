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
	return cleanedRegion(region, pageLevel, widgetLimit(region, pageLevel, cfg), cfg)
}

// mainRegion is mainRegion of root, its root and widget limit read from
// the page's facts when they are root's.
func (m *pageMeta) mainRegion(root *html.Node, cfg *config) *html.Node {
	if f := m.factsOf(root, cfg); f != nil {
		if d := f.takeDraft(); d != nil {
			return d // regiondraft.go
		}
	}
	region, pageLevel, limit := m.regionRoot(root, cfg)
	return cleanedRegion(region, pageLevel, limit, cfg)
}

// cleanedRegion is a copy of region without its site boxes and chrome
// (limit: its widgetLimit).
func cleanedRegion(region *html.Node, pageLevel bool, limit int, cfg *config) *html.Node {
	out := cloneNode(region)
	stripSiteBoxes(out, cfg) // regionboxes.go
	stripChromeAround(out, pageLevel, limit)
	stripControlRows(out, cfg)  // controls.go
	dropSiblingCopies(out, cfg) // siblingcopies.go
	return out
}

// widgetLimit is how many words of region an element named for a widget
// (widgetWords) may hold and still be one: cfg.WidgetNameGrowth times
// the words the region keeps without any such element. A share box or a
// vote counter is a few words beside the content; an element so named
// that holds more than all the rest is the content, named for what it is
// about (a ranked list in "all_votes", a post in "post-and-ads").
func widgetLimit(region *html.Node, pageLevel bool, cfg *config) int {
	all, _ := regionWordsWithin(region, pageLevel, 0)
	return limitOf(all, cfg)
}

func limitOf(wordsWithoutWidgets int, cfg *config) int {
	return max(1, int(cfg.WidgetNameGrowth*float64(wordsWithoutWidgets)))
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
// navigation); and the region's widgetLimit. One walk without the
// elements named for widgets gives the limit; only those elements are
// walked again, with it.
func regionWords(n *html.Node, pageLevel bool, cfg *config) (all, own, limit int) {
	var widgets []regionPart
	all, own = regionWordsFrom(regionPart{n, pageLevel, false, nil}, 0, &widgets)
	limit = limitOf(all, cfg)
	for _, w := range widgets {
		if visibleWords(w.n) > limit {
			in := w.inner()
			in.widget = widgetStems(w.n)
			a, o := regionWordsFrom(in, limit, nil)
			all, own = all+a, own+o
		}
	}
	return all, own, limit
}

// regionWordsWithin is regionWords with the widgets holding more than
// limit words kept (isChromeIn).
func regionWordsWithin(n *html.Node, pageLevel bool, limit int) (all, own int) {
	return regionWordsFrom(regionPart{n, pageLevel, false, nil}, limit, nil)
}

// regionPart is an element of a region walk: whether its children are at
// page level, and whether it is inside a link.
type regionPart struct {
	n                 *html.Node
	pageLevel, inLink bool
	// widget: the widget stems (widgetparts.go) of the element named for a
	// widget, holding more than the limit, that the walk is inside: the
	// elements under it named by the same stem are its parts.
	widget []string
}

// inner is the walk's state for p's children.
func (p regionPart) inner() regionPart {
	c := p.n
	return regionPart{c, p.pageLevel && c.DataAtom != atom.Article && c.DataAtom != atom.Section && c.DataAtom != atom.Main,
		p.inLink || c.DataAtom == atom.A, p.widget}
}

// regionWordsFrom counts the words under p.n as regionWordsWithin does;
// with widgets != nil (and limit 0) the elements that are chrome by a
// widget's name alone are appended to it.
func regionWordsFrom(p regionPart, limit int, widgets *[]regionPart) (all, own int) {
	var walk func(p regionPart)
	walk = func(p regionPart) {
		for c := p.n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				w := wordCount(c.Data)
				all += w
				if !p.inLink {
					own += w
				}
			case c.Type != html.ElementNode:
			default:
				switch chromeKind(c, p.pageLevel) {
				case chromeName:
				case widgetName:
					if limit > 0 && isWidgetPart(c, p.widget) {
						walk(regionPart{c, p.pageLevel, p.inLink, p.widget}.inner())
						continue
					}
					if widgets != nil {
						*widgets = append(*widgets, regionPart{c, p.pageLevel, p.inLink, nil})
						continue
					}
					if limit <= 0 || visibleWords(c) <= limit {
						continue
					}
					walk(regionPart{c, p.pageLevel, p.inLink, widgetStems(c)}.inner())
				default:
					walk(regionPart{c, p.pageLevel, p.inLink, p.widget}.inner())
				}
			}
		}
	}
	walk(p)
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
func stripChrome(n *html.Node, pageLevel bool) { stripChromeAround(n, pageLevel, 0) }

// stripChromeAround is stripChrome, keeping the elements named for chrome
// that hold more than limit words (0: none is kept; widgetLimit).
func stripChromeAround(n *html.Node, pageLevel bool, limit int) {
	stripChromeWithin(n, pageLevel, limit, nil)
}

// stripChromeWithin is stripChromeAround under n; widget: the stems of
// the element named for a widget, kept as content, that n is or is
// inside, whose parts named by them stay (widgetparts.go).
func stripChromeWithin(n *html.Node, pageLevel bool, limit int, widget []string) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			kind := chromeKind(c, pageLevel)
			inner := pageLevel && c.DataAtom != atom.Article && c.DataAtom != atom.Section && c.DataAtom != atom.Main
			switch {
			case kind == widgetName && limit > 0 && isWidgetPart(c, widget):
				stripChromeWithin(c, inner, limit, widget)
			case isChromeIn(c, pageLevel, limit):
				n.RemoveChild(c)
			case kind == widgetName:
				stripChromeWithin(c, inner, limit, widgetStems(c)) // kept: more than limit words
			default:
				stripChromeWithin(c, inner, limit, widget)
			}
		}
		c = next
	}
}

// isChromeIn: n is site chrome (chromeKind: by its tag, role or name),
// except that an element chrome only by a widget's name (widgetWords)
// that holds more than limit words (limit > 0) is content.
func isChromeIn(n *html.Node, pageLevel bool, limit int) bool {
	switch chromeKind(n, pageLevel) {
	case chromeName:
		return true
	case widgetName:
		return limit <= 0 || visibleWords(n) <= limit
	}
	return false
}

// chromeKind is chromeName for an element that is chrome by its tag,
// role or name, widgetName for one named for a widget only, else 0. A
// page's comment section (commentSectionWords: id "comments", a
// "commentlist") is chrome too: its readers' comments are not the page's
// content, however many words they hold (a guide of short sections under
// fifty comments would otherwise pass for a page of many parts, comments
// and all). The page's body, main landmark or article is never one,
// whatever its classes say ("has-comments").
func chromeKind(n *html.Node, pageLevel bool) uint8 {
	if isChromeByKind(n, pageLevel) {
		return chromeName
	}
	// One scan of each name for both lists: this runs on every element
	// of every region walk.
	class, id := getAttr(n, "class"), getAttr(n, "id")
	kind := nameKinds(class, chromeNameKinds, chromeName) | nameKinds(id, chromeNameKinds, chromeName)
	if kind == 0 && (namesCommentList(class) || namesCommentList(id)) {
		kind = commentName
	}
	switch {
	case kind&chromeName != 0:
		return chromeName
	case kind&commentName != 0 && !holdsPage(n):
		return chromeName
	case kind&widgetName != 0:
		return widgetName
	}
	return 0
}

// chromeName, widgetName and commentName mark the words of chromeWords,
// widgetWords and commentSectionWords in chromeNameKinds.
const (
	chromeName uint8 = 1 << iota
	widgetName
	commentName // a word of commentSectionWords
)

// chromeNameKinds is chromeWords, widgetWords and commentSectionWords in
// one map.
var chromeNameKinds = func() map[string]uint8 {
	m := make(map[string]uint8, len(chromeWords)+len(widgetWords))
	for w := range chromeWords {
		m[w] |= chromeName
	}
	for w := range widgetWords {
		m[w] |= widgetName
	}
	for w := range commentSectionWords {
		m[w] |= commentName
	}
	return m
}()

// isChromeByKind: n is chrome by its tag or its role.
func isChromeByKind(n *html.Node, pageLevel bool) bool {
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
		"menu", "menubar", "toolbar":
		return true
	case "tablist":
		// A tablist is the row of a tab set's labels; one that holds
		// the panels too (an accordion marked up as tabs, each "tab" its
		// heading and its panel) is the content. It shows its first
		// panel within its first TablistPanelScan elements; this runs
		// on every element of every region walk, so a tablist is not
		// read further (defaultConfig: chromeKind's callers hold no
		// config).
		return findFirstUpTo(n, isTabPanel, defaultConfig.TablistPanelScan) == nil
	}
	return false
}

// isTabPanel: n is a tab or accordion panel (role="tabpanel", or one
// revealDisclosures unhid).
func isTabPanel(n *html.Node) bool {
	return strings.EqualFold(getAttr(n, "role"), "tabpanel") || isPanel(n)
}

// chromeWords are the words sites name their chrome by, in class and id
// attributes ("cookie-banner", "site_footer", "mainMenu"), split as
// nameWords splits them.
var chromeWords = map[string]bool{
	"cookie": true, "cookies": true, "consent": true, "gdpr": true, "newsletter": true,
	"breadcrumb": true, "breadcrumbs": true,
	"modal": true, "popup": true, "skip": true, "sidebar": true, "navbar": true, "navigation": true,
	"menu": true, "footer": true, "masthead": true, "toolbar": true, "pagination": true,
	"subscribe": true, "signup": true, "login": true, "related": true, "recommended": true, "recommendations": true,
	"toc": true, "drawer": true, "offcanvas": true, "announcement": true,
}

// widgetWords name the small boxes sites set in and beside their content:
// share buttons, ad slots, a post's vote counter, a signature (see
// widgetLimit).
var widgetWords = map[string]bool{
	"share": true, "sharing": true, "social": true, "advert": true, "advertisement": true, "ads": true,
	"promo": true, "signature": true, "vote": true, "votes": true, "voting": true,
}

// nameHas splits an attribute value into words and looks for one of words.
func nameHas(v string, words map[string]bool) bool {
	found := false
	nameParts(v, func(w string) bool {
		found = foldLookup(words, w)
		return !found
	})
	return found
}

// nameKinds ORs the kinds (words) of v's words, stopping at a word of a
// kind in stop (0: reads every word): past it the caller's answer is
// known.
func nameKinds(v string, words map[string]uint8, stop uint8) uint8 {
	var k uint8
	nameParts(v, func(w string) bool {
		k |= foldLookup(words, w)
		return k&stop == 0
	})
	return k
}

// nameWords calls yield with each word of the attribute value v,
// lower-cased, split at spaces, "-", "_" and lower-to-upper case changes,
// until yield returns false.
func nameWords(v string, yield func(w string) bool) {
	nameParts(v, func(w string) bool { return yield(strings.ToLower(w)) })
}

// nameParts is nameWords with each word as v spells it: a caller that
// only looks a word up (foldLookup) lowers none ("PostDate",
// "ipsSignature": a copy per element of every page otherwise).
func nameParts(v string, yield func(w string) bool) {
	start := 0
	for i := 0; i <= len(v); i++ {
		split := i == len(v) || v[i] == ' ' || v[i] == '-' || v[i] == '_' || v[i] == '\t' || v[i] == '\n'
		camel := !split && i > start && v[i] >= 'A' && v[i] <= 'Z' && v[i-1] >= 'a' && v[i-1] <= 'z'
		if split || camel {
			if i > start && !yield(v[start:i]) {
				return
			}
			start = i
			if split {
				start = i + 1
			}
		}
	}
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
		if t, ok := tableRegion(root, base, src, meta, articleMD, cfg); ok {
			return t, true, shop
		}
		return rendered{}, false, shop
	}
	share := float64(aw) / float64(rw)
	var region *html.Node
	mustHold := false    // the region is used only if it holds the article path's text
	var entries []string // a listing's entries (findEntries): the controls around them go (listingtrim.go)
	// isShop walks the page: it is asked only once a page gets this far.
	article := declaresArticle(root, meta, cfg)
	if linkDensity(articleMD) >= cfg.ArticleLinkShare {
		// The article path kept a menu or an index (most of its text is
		// link text), whatever the page declares: the region, without the
		// site's navigation, is the better read; when it holds entries,
		// without the controls around them too.
		shop = isShop(root, meta, cfg)
		region = meta.mainRegion(root, cfg)
		_, _, entries = findCards(region, shop, cfg)
	} else if article {
		if aw >= cfg.ArticleMinWords || share >= cfg.RegionShareArticle {
			// og:type alone is a site-wide default on many sites: such a
			// page is still a listing when its entries say so.
			if !ogArticleOnly(root, meta) {
				return keepArticle()
			}
			region = meta.mainRegion(root, cfg)
			// A page whose structured data says it is a collection
			// (og:type being the site's default) is judged as any
			// undeclared listing.
			ogArticle := declaredKind(structuredTypes(meta, root)) != kindListing
			words, titles, texts := findEntries(region, cfg)
			if !isListingOf(words, titles, texts, articleMD, ogArticle, cfg) {
				// Or its region is an intro and the entries under it
				// (introlisting.go); the entries are found once for both
				// questions.
				if len(texts) >= cfg.IntroListingEntries {
					introShop := isShop(root, meta, cfg)
					if intro, ok := introListing(region, base, src, meta, articleMD, texts, introShop, cfg); ok {
						intro.markdown = trimAroundEntries(intro.markdown, texts, cfg)
						return regionResult(intro, root, region, meta, articleMD, introShop, cfg), true, introShop
					}
				}
				return keepArticle()
			}
			entries = texts
		}
		shop = isShop(root, meta, cfg)
	} else if shop = isShop(root, meta, cfg); shop && isReviews(root, articleMD, cfg) {
		// The buyers' reviews are the densest prose of many shop pages:
		// the article path kept them instead of the product. (A review
		// article with "buy" links declares itself an article.)
		region = meta.mainRegion(root, cfg)
	} else if share >= cfg.RegionShare || aw >= cfg.ArticleMinWords && rwOwn-awOwn < cfg.RegionMinExtraWords {
		// The region adds little prose; it is still the content when it
		// is a listing whose entries the article path left out, a shop's
		// grid of products beside the text the article path kept, or one
		// product's page whose other parts (price, specifications) the
		// article path dropped, as long as it holds what that path kept
		// and is mostly text, not links (a product's region that is
		// mostly links is the shop's menus and rails around a short
		// description).
		region = meta.mainRegion(root, cfg)
		words, titles, texts := findEntries(region, cfg)
		if isListingOf(words, titles, texts, articleMD, false, cfg) {
			entries = texts
		} else if cards, ok := productGrid(root, region, meta, articleMD, cfg); ok {
			entries = cards
		} else {
			if !shop || float64(rwOwn) < cfg.ProductRegionOwnShare*float64(rw) || !singleProduct(root, region, meta, articleMD, cfg) {
				return keepArticle()
			}
			mustHold = true
		}
	}
	if region == nil {
		region = meta.mainRegion(root, cfg)
	}
	// A region taken for another reason than its entries (a page of many
	// parts) that holds entries still has the controls around them (a
	// section's "View all changes", "Visit website"); there a row of
	// names ("Flora The Venue | Kody Ng Photography": a photo's credits,
	// another group's cards) is the page's, not a control.
	keepNames := false
	if entries == nil && !shop && !mustHold {
		_, _, entries = findEntries(region, cfg)
		keepNames = true
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
	if keepNames {
		r.markdown = trimAroundEntriesKeeping(r.markdown, entries, func(blk string) bool { return isNameRow(blk, cfg) }, cfg)
	} else {
		r.markdown = trimAroundEntries(r.markdown, entries, cfg)
	}
	if !shop {
		r.markdown = dropRepeatedHeadingRuns(r.markdown, cfg)
	}
	return regionResult(r, root, region, meta, articleMD, shop, cfg), true, shop
}

// renderRegion renders the main region (mainRegion's copy) for reading: on
// a shop page without its shop chrome, the Markdown cleaned of debris and
// of what cleanRegion drops. ok is false when it holds no words.
func renderRegion(region *html.Node, base *url.URL, src *pageText, meta *pageMeta, shop bool, cfg *config) (r rendered, ok bool) {
	if shop {
		keep := shopKeep{panels: meta.tabPanelIDs(region, cfg), oneProduct: meta.facts != nil && declaresOneProduct(meta.facts.types)}
		stripShopChrome(region, keep, cfg) // editorialreviews.go
	} else {
		trimThreadRows(region, cfg) // threadrows.go
		dropVoteLines(region, cfg)  // votelines.go
	}
	r, err := render(extraction{node: region, source: "region"}, base, src)
	if err != nil || wordCount(r.markdown) == 0 {
		return rendered{}, false
	}
	if shop {
		r.markdown = cleanShopText(dropDebris(r.markdown), meta, cfg)
	} else {
		// A listing's cards label their controls with links and spans
		// ("Quick view", "Add to compare", a card's "Read more"): off a
		// shop page too, they are no entry's text (shopclean.go).
		r.markdown = dropControlLabels(cleanRegion(dropDebris(r.markdown), false, cfg), cfg)
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
// site chrome, each word with its kind: the reviews and ratings of buyers
// (shopReviewBox: a reader wants the title, price, description and
// specifications) and the other products it pushes (shopRailBox).
var shopChromeWords = map[string]uint8{
	"review": shopReviewBox, "reviews": shopReviewBox, "rating": shopReviewBox, "ratings": shopReviewBox,
	"upsell": shopRailBox, "carousel": shopRailBox,
}

// shopReviewBox and shopRailBox are the kinds of shopChromeWords.
const (
	shopReviewBox uint8 = 1 << iota // buyers' reviews or ratings
	shopRailBox                     // other products: an upsell box, a carousel of cards
)

// shopChrome is the kinds of shop chrome (shopChromeWords) n's class and
// id name, 0 for none.
func shopChrome(n *html.Node) uint8 {
	return nameKinds(getAttr(n, "class"), shopChromeWords, 0) | nameKinds(getAttr(n, "id"), shopChromeWords, 0)
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
			if shopChrome(c) != 0 {
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

// isShop: the page declares a product, or sells (a cart control), or
// shows an item's price beside its buyers' rated reviews (ratedForSale: a
// marketplace item out of stock has no cart control).
func isShop(root *html.Node, meta *pageMeta, cfg *config) bool {
	if f := meta.facts; f != nil && f.root == root && f.hasShop {
		return f.shop
	}
	return declaredKind(structuredTypes(meta, root)) == kindProduct ||
		strings.HasPrefix(strings.ToLower(meta.meta["og:type"]), "product") || hasCartControl(root) ||
		ratedForSale(root, cfg.MinPosts)
}
