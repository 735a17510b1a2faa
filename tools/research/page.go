package research

import (
	"slices"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
)

// pageStatus is what became of a page the coordinator tried.
type pageStatus string

const (
	statusPending pageStatus = ""        // handed to a reader, no report yet
	statusOK      pageStatus = "ok"      // read
	statusFailed  pageStatus = "failed"  // could not be read
	statusSkipped pageStatus = "skipped" // not read: a budget ran out
)

// item is a page the coordinator may read.
type item struct {
	url      string
	key      string
	title    string // from the search result or the anchor
	priority float64
	hop      float64 // the priority hop searches give it now (rankHopReads)
	depth    int
	via      string
	search   float64 // fused search score, normalised (0 for links)
	// offers are every query and anchor that offered the page, the first
	// (via) first: the planned search may queue a page first that a later
	// hop search for a bridge ranks high, and it is then read for that
	// bridge as much as for the question (offeredFor).
	offers []string
}

// offeredBy records that query or anchor text v offered the item.
func (it *item) offeredBy(v string) {
	if v != "" && !slices.Contains(it.offers, v) {
		it.offers = append(it.offers, v)
	}
}

// offeredFor reports whether a query or anchor that offered the item names
// name: the page was read for it. Without every (HopBridgeEverySearch) only
// the first (via) counts.
func (it *item) offeredFor(name string, every bool) bool {
	if !every {
		return namedIn(it.via, name)
	}
	for _, v := range it.offers {
		if namedIn(v, name) {
			return true
		}
	}
	return namedIn(it.via, name)
}

// parentLink records that a read page pointed to another: by a link, or by
// a follow-up search for a name it mentions whose result is that name's page.
// strength is relative to the parent's best pointer (1 for the best).
type parentLink struct {
	from     int // page index
	strength float64
}

// pageRec is one page tried.
type pageRec struct {
	item
	finalURL string
	status   pageStatus
	reason   string
	rendered bool
	cached   bool
	reading  *Reading
	parents  []parentLink
	bestLink float64 // score of the page's best proposed link
}

// pageDone is a reader's report on one page.
type pageDone struct {
	idx     int
	page    *browse.Page
	cached  bool
	reading *Reading
	err     error
}
