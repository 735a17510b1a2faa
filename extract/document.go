package extract

import (
	"index/suffixarray"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// fromTree builds the Document from a cleaned tree (hidden parts already
// removed). It mutates root: links made absolute, loose text wrapped in
// paragraphs.
func fromTree(root *html.Node, pageURL *url.URL) *Document {
	meta := collectMeta(root)
	base := meta.baseURL(pageURL)
	dropQuoteToggles(root, &defaultConfig) // before absolutizeLinks: it tells "#" from "#post-12"
	absolutizeLinks(root, base)
	spaceAdjacentLinks(root) // adjacentlinks.go: after absolutizeLinks, one target one spelling
	paragraphize(root)
	dropEmbedCodeBoxes(root, &defaultConfig) // embedboxes.go: a player's "Embed" box
	dropAuthorCards(root, &defaultConfig)
	site := StripInvisible(meta.siteName())
	d := &Document{
		Title:     StripInvisible(meta.bestTitle(site)),
		Byline:    StripInvisible(meta.byline()),
		Published: meta.published(),
		Lang:      meta.language(),
		Canonical: meta.canonicalURL(base),
		SiteName:  site,
	}
	src := &pageText{doc: root, articleBody: ldString(meta.ldArticle(), "articleBody")}
	// Title candidates for spotting the headline repeated atop the content.
	titles := d.Title + "\n" + ldString(meta.ldArticle(), "headline") + "\n" + cleanTitle(meta.title, site, true)
	// The comment section, the page's facts (rootfacts.go) and its posts'
	// signatures are read from the page while trafilatura, the slower
	// extractor, still runs (nothing writes root until it returns).
	var comments map[uint64]struct{}
	var facts *rootFacts
	var sigs *signatures
	r, author, regionBasis, readable := mainContent(root, base, src, titles, func() {
		comments = commentShingles(root)
		facts = readRootFacts(root, meta, &defaultConfig)
		sigs = postSignatures(root, &defaultConfig)
		facts.draftRegion() // regiondraft.go
	})
	meta.facts = facts
	if isCommentsPick(regionBasis, comments, &defaultConfig) {
		regionBasis = "" // commentpick.go: the article path kept the readers' comments
	}
	th, kind := threadContent(root, base, src, meta, r, &defaultConfig)
	if kind == threadPosts {
		r = th
	} else if reg, ok, shop := regionContent(root, base, src, meta, regionBasis, &defaultConfig); ok {
		r = reg
		if !shop {
			if md, cut := endWithReadable(r.markdown, readable, &defaultConfig); cut {
				r = rendered{markdown: md, links: linksIn(r.links, md)}
			}
		}
	} else if kind == threadReplies {
		r = th
	} else if shop {
		// The article path keeps what a shop adds under its product when
		// it reads as prose (reviews, shipping terms, rails) and the blocks
		// the page shows twice (a sticky bar, a mobile copy of the
		// description): they go as from the region.
		r.markdown = cleanShopText(r.markdown, meta, &defaultConfig)
		r.links = linksIn(r.links, r.markdown)
	}
	if r.markdown != th.markdown || kind == threadNone {
		// A thread's posts may quote each other whole; any other result
		// holding the page's text twice over loses the copy.
		r = r.cut(dropCardCopies(dropRepeatedRuns(r.markdown, &defaultConfig)))
		// shopclean.go: a control's label or a linked call to action
		// alone on its line ("Read more...", "See all reviews"), which
		// the article path keeps as the region's render does not.
		r = r.cut(dropControlLabels(r.markdown, &defaultConfig))
	}
	if kind == threadNone && !declaresDiscussion(structuredTypes(meta, root)) {
		r = r.cut(dropTrailingComments(r.markdown, comments, &defaultConfig))
	}
	if !declaresArticle(root, meta, &defaultConfig) {
		if name, desc := declaredProduct(meta, structuredTypes(meta, root)); desc != "" {
			r.markdown = sayDeclaredProduct(r.markdown, name, desc, &defaultConfig)
		}
		if kind == threadNone {
			// finelegend.go: the legends of fine print under a maker's
			// sections.
			r = r.cut(dropFootnoteLegends(r.markdown, &defaultConfig))
		}
	}
	r = r.cut(dropSignatureBlocks(r.markdown, sigs, &defaultConfig))
	if isShop(root, meta, &defaultConfig) {
		// productimages.go: a gallery's labels repeat the product's name;
		// the images (and so the links) stay.
		r.markdown = dropImageAlts(r.markdown)
		// productname.go: the shop's header above the product's name goes.
		r = r.cut(startAtProductName(r.markdown, titles, &defaultConfig))
	}
	// echoedalts.go: a photo's label that repeats the name beside it.
	r.markdown = dropEchoedAlts(r.markdown, &defaultConfig)
	// cardrepeats.go: a card's name or price its markup writes twice.
	r = r.cut(dropCardRepeats(r.markdown))
	// crumbtrail.go: a breadcrumb trail atop the content.
	r = r.cut(dropLeadingCrumbs(r.markdown, &defaultConfig))
	// cardcalls.go: the linked call to action every priced card repeats.
	r = r.cut(dropCardCalls(r.markdown, &defaultConfig))
	// entrystamps.go: the byline-and-age line each entry repeats.
	r = r.cut(dropEntryStamps(r.markdown, &defaultConfig))
	d.Markdown, d.Links, d.WholeBody = r.markdown, r.links, r.wholeBody
	if d.Links == nil {
		d.Links = []Link{}
	}
	if d.Byline == "" {
		d.Byline = StripInvisible(cleanByline(author))
	}
	return d
}

// mainContent runs both extractors and combines them (see combine.go);
// when neither yields words it falls back to the whole body, so a page
// with text never comes back empty.
//
// Readability runs beside trafilatura, on its own copy of the tree (both
// libraries copy the tree they are given anyway): the page waits for the
// slower of the two, not for both. The result does not depend on which
// finishes first.
//
// regionBasis is the result the main region is weighed against: the
// article path's, or trafilatura's when the extractors disagreed outright
// (disjointSwap), so that readability's pick of a page of many parts does
// not pass for an article the region only repeats.
//
// readable is readability's result as tokens and shingles, made once for
// combine and read again where the main text ends (readableend.go).
//
// Readability's side is the shorter one: its copy of the tree and the
// tokens of its result that combine weighs are done there, on the core
// trafilatura leaves. aside (work of the caller's that only reads root)
// runs on a goroutine of its own, so that it goes to whichever core is
// free first: readability's side is the longer one on about 40% of pages
// (WCXB), where aside after it made the page wait. Nothing writes root
// while they run.
func mainContent(root *html.Node, base *url.URL, src *pageText, titles string, aside func()) (r rendered, author, regionBasis string, readable *otherText) {
	var tf, rd rendered
	var rdAuthor string
	var rdText *otherText
	// trafilaturahint.go: out of the tree again after the waits below
	// (deferred calls run last first).
	defer addTrafilaturaHint(root)()
	rdWait := beside(func() {
		if ex, err := runReadability(cloneNode(root), base); err == nil {
			rdAuthor = ex.author
			if r, err := render(ex, base, nil); err == nil {
				rd = r
			}
		}
		rdText = newOtherText(rd.markdown)
	})
	defer rdWait() // also when trafilatura's side panics: no work outlives the call
	asideWait := beside(aside)
	defer asideWait()
	if ex, err := runTrafilatura(root, base); err == nil {
		author = ex.author
		if r, err := render(ex, base, src); err == nil {
			tf = r
		}
	}
	tfTokens := wordTokens(stripLinks(tf.markdown), nil)
	// A panic on either goroutine reaches FromHTML's recover as before.
	if p := rdWait(); p != nil {
		panic(p)
	}
	if p := asideWait(); p != nil {
		panic(p)
	}
	if author == "" {
		author = rdAuthor
	}
	md, useRd := combineTexts(tf.markdown, tfTokens, rd.markdown, rdText, titles)
	if useRd {
		basis := md
		if disjointSwap(tfTokens, rdText, &defaultConfig) {
			basis = tf.markdown
		}
		return rendered{markdown: md, links: linksIn(rd.links, md)}, author, basis, rdText
	}
	if wordCount(md) > 0 {
		if span, ok := structureLost(md, rd.markdown, &defaultConfig); ok {
			span = trimEdges(span, nil, titles)
			return rendered{markdown: span, links: linksIn(rd.links, span)}, author, span, rdText
		}
		return rendered{markdown: md, links: linksIn(tf.links, md), wholeBody: tf.wholeBody}, author, md, rdText
	}
	r, _ = render(extraction{node: bodyNode(root), source: "body"}, base, src)
	r.markdown = dropDebris(r.markdown)
	return r, author, r.markdown, rdText
}

// beside runs f on a goroutine of its own. wait blocks until f has
// returned and gives the value f panicked with, or nil; it may be called
// again (it then returns at once).
func beside(f func()) (wait func() any) {
	done := make(chan struct{})
	var p any
	go func() {
		defer close(done)
		defer func() { p = recover() }()
		f()
	}()
	return func() any {
		<-done
		return p
	}
}

// linksIndexFrom is how many links linksIn looks up in an index of md
// instead of searching md for each: a listing's thousands of links each
// searched for along its Markdown are links × text. (Below it a few scans
// cost less than building the index; either way the answer is the same.)
const linksIndexFrom = 256

// linksIn keeps the links whose target still appears in md.
func linksIn(links []Link, md string) []Link {
	out := links[:0:0]
	contains := func(u string) bool { return strings.Contains(md, u) }
	if len(links) >= linksIndexFrom {
		idx := suffixarray.New([]byte(md))
		contains = func(u string) bool { return u == "" || len(idx.Lookup([]byte(u), 1)) > 0 }
	}
	for _, l := range links {
		if contains(l.URL) {
			out = append(out, l)
		}
	}
	return out
}
