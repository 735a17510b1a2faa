package extract

// The article extractors keep the densest run of prose. On a page whose
// content is short pieces (a ranked list of books, a catalogue) under a
// long discussion, that run is the readers' comments, and the page's own
// parts are then weighed against them as if they were its story. A result
// that lies almost wholly in the page's comment section found nothing of
// the page's own.

// isCommentsPick: cfg.CommentPickShare or more of md's words are in
// blocks whose text (cfg.CommentBlockShare of their shingles) lies in the
// page's comment section (set, its commentShingles).
func isCommentsPick(md string, set map[uint64]struct{}, cfg *config) bool {
	if len(set) == 0 || md == "" {
		return false
	}
	in, all := 0, 0
	var buf []string
	for _, b := range markdownBlocks(md) {
		buf = wordTokens(stripLinks(md[b.start:b.end]), buf[:0])
		all += len(buf)
		if blockIn(buf, set, cfg.CommentBlockShare) {
			in += len(buf)
		}
	}
	return all > 0 && float64(in) >= cfg.CommentPickShare*float64(all)
}
