package extract

import "strings"

// A breadcrumb trail the site did not name as one ("Home > Men > Work
// Wear") often comes as a short list at the top of the content: each
// step a link up the site, the last one the page itself, unlinked. Some
// pages print it twice (one for small screens). It is where the page sits,
// not what it says.

// dropLeadingCrumbs removes from the first cfg.CrumbLeadBlocks blocks of
// md the lists that are breadcrumb trails (isCrumbTrail). md is returned
// whole when nothing else would be left.
func dropLeadingCrumbs(md string, cfg *config) string {
	if !strings.Contains(md, "](") {
		return md
	}
	blocks := markdownBlocks(md)
	var b strings.Builder
	last := 0
	dropped := false
	for i, s := range blocks {
		if i >= cfg.CrumbLeadBlocks {
			break
		}
		if !isCrumbTrail(md[s.start:s.end], cfg) {
			continue
		}
		b.WriteString(md[last:s.start])
		last, dropped = s.end, true
		// The blank line after the trail goes with it.
		for last < len(md) && (md[last] == '\n' || md[last] == ' ') {
			last++
		}
	}
	if !dropped {
		return md
	}
	b.WriteString(md[last:])
	out := strings.TrimRight(b.String(), "\n ")
	if wordCount(stripLinks(out)) == 0 {
		return md
	}
	return out
}

// isCrumbTrail: block is a list of 2 to cfg.CrumbMaxItems items, each
// but the last one link alone (isLoneLinkItem) of at most
// cfg.CrumbItemWords words, the last one words without a link, at most
// cfg.CrumbLastWords of them (the page's own name).
func isCrumbTrail(block string, cfg *config) bool {
	lines := strings.Split(block, "\n")
	if len(lines) < 2 || len(lines) > cfg.CrumbMaxItems {
		return false
	}
	for i, line := range lines {
		body, ok := listItemBody(line)
		if !ok {
			return false
		}
		body = strings.TrimSpace(body)
		if i == len(lines)-1 {
			n := wordCount(body)
			return n > 0 && n <= cfg.CrumbLastWords && !strings.Contains(body, "](")
		}
		l, ok := nextLink(body, 0)
		if !ok || l.start != 0 || l.end != len(body) || l.image {
			return false
		}
		if n := wordCount(stripLinks(body)); n == 0 || n > cfg.CrumbItemWords {
			return false
		}
	}
	return false
}
