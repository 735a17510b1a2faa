package extract

import "golang.org/x/net/html"

// Part of what the page-type decisions ask depends on the page alone, not
// on either extractor's result: the schema.org types it declares, whether
// it sells, its main region's root and words, and (on a page that is
// neither an article nor a shop, where a thread is looked for) its
// look-alike posts. fromTree reads them on readability's side while
// trafilatura, the slower extractor, runs (mainContent's aside); the
// decisions then take them from pageMeta. Asked about another tree or
// with another config, they are computed as before.

// rootFacts are those answers for one tree and config.
type rootFacts struct {
	root      *html.Node
	cfg       *config
	types     []string
	shop      bool
	hasShop   bool // shop was read
	region    *html.Node
	pageLevel bool
	rw, rwOwn int
	limit     int // widgetLimit of region
	posts     []*html.Node
	hasPosts  bool // posts was read (threadContent asks only on pages neither an article nor a shop)
	reviews   map[uint64]struct{}
	hasReview bool            // reviews was read (only a shop page's text is cleaned of them)
	tabPanels map[string]bool // a shop page's tab panels (tabPanelIDs), read with reviews
	draft     *html.Node      // mainRegion's copy, made beside trafilatura (regiondraft.go); nil once taken
}

// readRootFacts reads the facts of root. meta is not changed: the facts
// are read with a copy of it that holds them as they come (the types
// once, for each question that asks them).
func readRootFacts(root *html.Node, meta *pageMeta, cfg *config) *rootFacts {
	f := &rootFacts{root: root, cfg: cfg}
	m := *meta
	m.facts = nil
	types := structuredTypes(&m, root)
	f.types = types[:len(types):len(types)] // shared: an append reallocates
	m.facts = f
	f.shop, f.hasShop = isShop(root, &m, cfg), true
	if f.shop {
		f.reviews, f.hasReview = declaredReviews(&m), true
		f.tabPanels = tabPanelIDs(root, cfg)
	}
	f.region, f.pageLevel = regionRoot(root, cfg)
	f.rw, f.rwOwn, f.limit = regionWords(f.region, f.pageLevel, cfg)
	if (!declaresArticle(root, &m, cfg) || ogArticleOnly(root, &m)) && !f.shop {
		f.posts, f.hasPosts = findPosts(root, cfg), true
	}
	return f
}

// factsOf is meta's facts when they are root's, read with cfg.
func (m *pageMeta) factsOf(root *html.Node, cfg *config) *rootFacts {
	if f := m.facts; f != nil && f.root == root && f.cfg == cfg {
		return f
	}
	return nil
}

// declaredReviews is declaredReviews of the page: a shop page's text is
// cleaned of them up to three times (its region, the article path's
// result, the region's check that it holds that result), read once.
func (m *pageMeta) declaredReviews() map[uint64]struct{} {
	if f := m.facts; f != nil && f.hasReview {
		return f.reviews
	}
	return declaredReviews(m)
}

// tabPanelIDs is tabPanelIDs of the page, read from its whole tree (the
// region has lost the tab set's row of links, named "tabs-navigation" as
// often as not, by the time its shop chrome goes); without the page's
// facts, of region.
func (m *pageMeta) tabPanelIDs(region *html.Node, cfg *config) map[string]bool {
	if f := m.facts; f != nil && f.hasReview {
		return f.tabPanels
	}
	return tabPanelIDs(region, cfg)
}

// regionWords is regionWords of root's main region (regionRoot).
func (m *pageMeta) regionWords(root *html.Node, cfg *config) (all, own int) {
	if f := m.factsOf(root, cfg); f != nil {
		return f.rw, f.rwOwn
	}
	n, pageLevel := regionRoot(root, cfg)
	all, own, _ = regionWords(n, pageLevel, cfg)
	return all, own
}

// regionRoot is regionRoot of root with its widgetLimit.
func (m *pageMeta) regionRoot(root *html.Node, cfg *config) (n *html.Node, pageLevel bool, limit int) {
	if f := m.factsOf(root, cfg); f != nil {
		return f.region, f.pageLevel, f.limit
	}
	n, pageLevel = regionRoot(root, cfg)
	return n, pageLevel, widgetLimit(n, pageLevel, cfg)
}

// posts is findPosts of root.
func (m *pageMeta) posts(root *html.Node, cfg *config) []*html.Node {
	if f := m.factsOf(root, cfg); f != nil && f.hasPosts {
		return f.posts
	}
	return findPosts(root, cfg)
}
