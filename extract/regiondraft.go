package extract

import "golang.org/x/net/html"

// The main region's copy (mainRegion: a clone of the region without its
// site boxes and chrome) is made on about three pages in four after the
// extractors return, on one core while the other idles. It depends on
// the page alone, so fromTree makes it beforehand, in mainContent's
// aside (beside trafilatura), and keeps it with the page's facts: the
// first mainRegion call takes it instead of copying again. A later call
// copies afresh as before (the first copy may have been rendered, which
// changes it). Nothing writes the tree between the aside and the tail
// (the trafilatura hint goes in and out of <head>, never the region),
// so the draft is the copy the first call would make; which call takes
// it is decided by the order of the calls, never by timing.

// draftRegion makes f's region copy for the first mainRegion call; a page
// whose region holds no words never asks for one (regionContent returns
// first).
func (f *rootFacts) draftRegion() {
	if f.rw == 0 || f.region == nil || f.region == f.root {
		// (A region that is the whole document would hold the
		// trafilatura hint's <head> while the aside runs.)
		return
	}
	f.draft = cleanedRegion(f.region, f.pageLevel, f.limit, f.cfg)
}

// takeDraft returns the drafted region copy once, then nil.
func (f *rootFacts) takeDraft() *html.Node {
	d := f.draft
	f.draft = nil
	return d
}
