package extract

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A listing (a shop's category page, a release list, a search or archive
// page, a museum's exhibitions) is a run of look-alike sibling blocks,
// each a linked title with a line or two about it. The article extractors
// keep the densest block of prose, which on such a page is an intro or one
// entry; and the entries' words are nearly all link text, so counting the
// words a region adds outside links misses them. Here the entries are
// found by that structure, whatever the site names its classes.

// entryStat is what one bottom-up walk knows of a node: its words and
// whether it holds a link.
type entryStat struct {
	words, own int  // own: words outside links
	linked     bool // holds a link
	list       bool // holds a list (<ul>, <ol>)
	priced     bool // holds a price (hasPrice)
	heading    int  // words in headings (<h1>-<h6>)
	card       bool // is or holds a card link: an <a> around a heading and more words
}

// findEntries returns the words of the largest group of look-alike
// sibling entries under n (each with a link, a few words, and some of
// them outside the link: a line about the item, a price, a date; or one
// link around a heading and such a line), and
// each entry's link text (its title) and whole text, or 0 and nil when
// n has no such group. A list of bare links
// is a menu or an index, and a block holding a list is a section of a
// directory, not an entry: the article path judges those well enough.
func findEntries(n *html.Node, cfg *config) (words int, titles, texts []string) {
	return findCards(n, false, cfg)
}

// findCards is findEntries; with priced, a block that holds a price
// (hasPrice) is an entry even when all its words are its link's: a
// shop's product card is often one link around its name and price.
func findCards(n *html.Node, priced bool, cfg *config) (words int, titles, texts []string) {
	var best []*html.Node
	var walk func(n *html.Node) entryStat
	walk = func(n *html.Node) entryStat {
		var st entryStat
		switch {
		case n.Type == html.TextNode:
			st.words = wordCount(n.Data)
			st.own = st.words
			st.priced = priced && st.words > 0 && hasPrice(n.Data)
			return st
		case n.Type != html.ElementNode && n.Type != html.DocumentNode,
			n.DataAtom == atom.Script, n.DataAtom == atom.Style, n.DataAtom == atom.Template:
			return st
		case nameHas(getAttr(n, "class"), commentWords) || nameHas(getAttr(n, "id"), commentWords):
			return st // readers' comments are a thread under the page, not its entries
		}
		st.linked = n.DataAtom == atom.A && getAttr(n, "href") != ""
		st.list = n.DataAtom == atom.Ul || n.DataAtom == atom.Ol
		isHeading := isHeadingAtom(n.DataAtom)
		type kid struct {
			n  *html.Node
			st entryStat
		}
		var kids []kid
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			k := walk(c)
			st.words += k.words
			if n.DataAtom != atom.A {
				st.own += k.own
			}
			st.linked = st.linked || k.linked
			st.list = st.list || k.list
			st.priced = st.priced || k.priced
			st.heading += k.heading
			st.card = st.card || k.card
			if c.Type == html.ElementNode {
				kids = append(kids, kid{c, k})
			}
		}
		if isHeading {
			st.heading = st.words
		}
		// A card drawn as one link around a heading and a line about the
		// item ("<a><h3>Title</h3><p>Summary</p></a>"), a directory's or a
		// blog's cards: every word is link text, yet the words beyond the
		// heading are the entry's summary, not its title.
		st.card = st.card || st.linked && n.DataAtom == atom.A && st.heading > 0 && st.words-st.heading >= cfg.MinEntryOwnWords
		if len(kids) < cfg.MinEntries {
			return st
		}
		ls := make([]lookalike, len(kids))
		for i, k := range kids {
			ls[i] = lookalike{n: k.n, words: k.st.words,
				member: k.st.linked && k.st.words >= cfg.MinEntryWords && (k.st.own >= cfg.MinEntryOwnWords || k.st.priced || k.st.card) && !k.st.list}
		}
		if entries, w := bestLookalikeGroup(ls, cfg.MinEntries, cfg.EntryShare); w > words {
			best, words = entries, w
		}
		return st
	}
	walk(n)
	for _, e := range best {
		titles = append(titles, entryTitle(e))
		texts = append(texts, textOf(e))
	}
	return words, titles, texts
}

// entryTitle is an entry's title: its link text, or, when that is all of
// its text (a card link), the text of its headings.
func entryTitle(e *html.Node) string {
	t := linkText(e)
	if wordCount(t) < wordCount(textOf(e)) {
		return t
	}
	if h := headingsText(e); h != "" {
		return h
	}
	return t
}

// headingsText is the text of the headings under n, in order.
func headingsText(n *html.Node) string {
	return textWhere(n, func(e *html.Node) bool { return isHeadingAtom(e.DataAtom) })
}

// linkText is the text of the links under n, in order.
func linkText(n *html.Node) string {
	return textWhere(n, func(e *html.Node) bool { return e.DataAtom == atom.A })
}

// textWhere is the text of the outermost elements under n (n included)
// that match accepts, in order, one space after each.
func textWhere(n *html.Node, match func(*html.Node) bool) string {
	if n.Type == html.ElementNode && match(n) {
		return textOf(n)
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if t := textWhere(c, match); t != "" {
			b.WriteString(t)
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// commentWords name the comment sections of blogs and news sites
// ("comment-list", "commentlist", "comments").
var commentWords = map[string]bool{"comment": true, "comments": true, "commentlist": true}

// isListing: the region's entries are a large part of the page and the
// article path kept few of their titles (the links that make them
// entries): the page is a listing and the region, entries and all, is its
// content. A news story's teaser list is far smaller than the story, so
// it never counts, unless the story is made of the entries' own lines
// (the article path kept the summaries of a listing without its titles)
// on a page that does not call itself an article (ogArticle: in og:type;
// such a page's own paragraphs and letters look like entries too).
func isListing(region *html.Node, articleMD string, ogArticle bool, cfg *config) bool {
	words, titles, texts := findEntries(region, cfg)
	return isListingOf(words, titles, texts, articleMD, ogArticle, cfg)
}

// isListingOf is isListing of the region's entries (findEntries).
func isListingOf(words int, titles, texts []string, articleMD string, ogArticle bool, cfg *config) bool {
	if words < cfg.ListingMinWords {
		return false
	}
	articleTokens := wordTokens(stripLinks(articleMD), nil)
	set := shingleSet(articleTokens)
	if float64(words) < cfg.ListingGrowth*float64(len(articleTokens)) {
		// Not much larger than the article: a listing only when the
		// article is the entries' lines without their titles, every
		// title judged (a short one by its words in a row: an article
		// whose own paragraphs hold a link each kept those links).
		if ogArticle || insideShare(articleMD, texts) < cfg.ListingArticleInside {
			return false
		}
		// A link labelled "Explore" or "Learn more" is a section's call to
		// action, not an entry's title: the article path drops those.
		titles = slices.DeleteFunc(titles, isLinkLabel)
		art := &otherText{set: set, toks: articleTokens}
		return len(titles) >= cfg.MinEntries && float64(keptTitles(titles, art.covers)) < cfg.ListingCoverage*float64(len(titles))
	}
	return float64(keptTitles(titles, func(toks []string) float64 { return coverage(toks, set) })) <
		cfg.ListingCoverage*float64(len(titles))
}

// insideShare is the share of md's words in blocks that lie mostly
// inside texts (judged block by block: the article's paragraphs run on
// where the entries end).
func insideShare(md string, texts []string) float64 {
	set := shingleSet(wordTokens(strings.Join(texts, "\n"), nil))
	inside, all := 0, 0
	var toks []string
	for _, sp := range markdownBlocks(md) {
		toks = wordTokens(stripLinks(md[sp.start:sp.end]), toks[:0])
		all += len(toks)
		if coverage(toks, set) >= 0.5 {
			inside += len(toks)
		}
	}
	if all == 0 {
		return 0
	}
	return float64(inside) / float64(all)
}

// linkLabels are the words of links that name an action, not an item.
var linkLabels = map[string]bool{
	"explore": true, "explore more": true, "discover": true, "discover more": true, "learn more": true,
	"shop": true, "shop now": true, "buy now": true, "view": true, "view all": true, "view more": true,
	"view details": true, "see details": true, "details": true, "more": true, "read more": true, "see more": true, "see all": true,
	"find out more": true, "get started": true, "more info": true,
}

// isLinkLabel: the title's words are one of linkLabels.
func isLinkLabel(title string) bool {
	return isActionLabel(strings.Join(wordTokens(strings.ToLower(title), nil), " "))
}

// allVerbs open a link to the whole of a section ("See all reviews",
// "View all posts", "Browse all courses").
var allVerbs = []string{"see all ", "view all ", "show all ", "browse all "}

// isActionLabel: words (lower case, one space apart) name an action, not
// an item: one of linkLabels, or one of allVerbs and one word more.
func isActionLabel(words string) bool {
	if linkLabels[words] {
		return true
	}
	for _, v := range allVerbs {
		if rest, ok := strings.CutPrefix(words, v); ok && rest != "" && !strings.Contains(rest, " ") {
			return true
		}
	}
	return false
}

// keptTitles counts the titles of which found reports at least half.
func keptTitles(titles []string, found func(toks []string) float64) int {
	kept := 0
	var toks []string
	for _, t := range titles {
		if toks = wordTokens(t, toks[:0]); found(toks) >= 0.5 {
			kept++
		}
	}
	return kept
}

// articleObjects counts the article-kind objects a page declares (JSON-LD
// and microdata). One is the page's story; many are the teasers of a
// listing that marks up each entry.
func articleObjects(types []string) int {
	n := 0
	for _, t := range types {
		for _, k := range ldKinds {
			if k.kind == kindArticle && t == k.typ {
				n++
				break
			}
		}
	}
	return n
}

// isHeadingAtom: a is one of <h1> to <h6>.
func isHeadingAtom(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}
