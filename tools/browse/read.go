package browse

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
)

// Limits of ReadRequest.MaxChars.
const (
	DefaultMaxChars = 20000
	MinMaxChars     = 500
	MaxMaxChars     = 100000
)

// GapMarker separates passages that are not adjacent in a query read.
const GapMarker = "\n\n[…]\n\n"

// Read serves browse_page: Load, then the window [Offset, Offset+MaxChars)
// cut on paragraph boundaries. Offsets count characters (runes) of the
// page's Markdown; windows read with successive next_offset values
// concatenate to exactly the whole content.
func (e *Engine) Read(ctx context.Context, req ReadRequest) (*ReadResult, error) {
	if strings.TrimSpace(req.URL) == "" {
		return nil, fmt.Errorf(`url is required: give the http or https address of the page, e.g. "https://example.com/article"`)
	}
	if req.MaxChars == 0 {
		req.MaxChars = DefaultMaxChars
	}
	if req.MaxChars < MinMaxChars || req.MaxChars > MaxMaxChars {
		return nil, fmt.Errorf("max_chars must be between %d and %d (got %d)", MinMaxChars, MaxMaxChars, req.MaxChars)
	}
	if req.Offset < 0 {
		return nil, fmt.Errorf("offset must be 0 or more (got %d); use the next_offset a previous call returned", req.Offset)
	}
	page, cached, err := e.Load(ctx, req.URL, req.Render)
	if err != nil {
		return nil, err
	}
	content := page.Doc.Markdown
	total := page.TotalChars
	if req.Offset > 0 && req.Offset >= total {
		return nil, fmt.Errorf("offset %d is past the end (total_chars %d); start again from offset 0", req.Offset, total)
	}
	res := &ReadResult{
		URL: req.URL, FinalURL: page.FinalURL, Title: page.Doc.Title, Byline: page.Doc.Byline,
		Published: page.Doc.Published, ContentType: page.ContentType, Offset: req.Offset,
		TotalChars: total, Links: page.Doc.Links, Rendered: page.Rendered, Cached: cached, Note: page.Note,
	}
	start := byteOffset(content, req.Offset)
	if q := strings.TrimSpace(req.Query); q != "" {
		text, matched := queryWindow(content, start, q, req.MaxChars)
		if matched {
			res.Content, res.Passages = text, true
			return res, nil
		}
		res.Note = joinNote(res.Note, fmt.Sprintf("no passage matched the query %q; showing the page from offset %d", q, req.Offset))
	}
	end := cutWindow(content, start, req.MaxChars)
	res.Content = content[start:end]
	if end < len(content) {
		next := req.Offset + utf8.RuneCountInString(res.Content)
		res.NextOffset = &next
	}
	return res, nil
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// byteOffset converts a rune offset into a byte offset of s.
func byteOffset(s string, runes int) int {
	if runes <= 0 {
		return 0
	}
	i := 0
	for n := 0; n < runes && i < len(s); n++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// cutWindow returns the byte end of the window starting at start with at
// most maxChars runes: after the last blank line in the window's second
// half, else the last line break, else the last space, else the hard limit
// (always on a rune boundary).
func cutWindow(s string, start, maxChars int) int {
	limit := start + byteOffset(s[start:], maxChars)
	if limit >= len(s) {
		return len(s)
	}
	w := s[start:limit]
	half := len(w) / 2
	if i := strings.LastIndex(w, "\n\n"); i >= half {
		// Keep the blank line with this window so the next starts on text.
		j := i + 2
		for j < len(w) && w[j] == '\n' {
			j++
		}
		return start + j
	}
	if i := strings.LastIndexByte(w, '\n'); i >= half {
		return start + i + 1
	}
	if i := strings.LastIndexByte(w, ' '); i >= half {
		return start + i + 1
	}
	return limit
}

// queryWindow selects the passages most relevant to query (from start on)
// up to maxChars, and joins them in page order with GapMarker where text
// was skipped. matched is false when no passage scores above zero.
func queryWindow(content string, start int, query string, maxChars int) (string, bool) {
	passageSize := maxChars / 4
	if passageSize < 400 {
		passageSize = 400
	}
	if passageSize > 2000 {
		passageSize = 2000
	}
	all := extract.SplitPassages(content, passageSize)
	var passages []extract.Passage
	for _, p := range all {
		if p.Start >= start {
			passages = append(passages, p)
		}
	}
	ranked := extract.RankPassages(query, passages)
	var chosen []extract.Passage
	used := 0
	for _, sp := range ranked {
		if sp.Score <= 0 {
			break
		}
		n := utf8.RuneCountInString(sp.Text) + utf8.RuneCountInString(GapMarker)
		if used+n > maxChars {
			if len(chosen) == 0 {
				// The best passage alone is too long: keep its beginning.
				t := sp.Text[:cutWindow(sp.Text, 0, maxChars-utf8.RuneCountInString(GapMarker))]
				sp.Passage.Text = t
				sp.Passage.End = sp.Start + len(t)
				chosen = append(chosen, sp.Passage)
				used = maxChars
			}
			continue
		}
		chosen = append(chosen, sp.Passage)
		used += n
	}
	if len(chosen) == 0 {
		return "", false
	}
	sort.Slice(chosen, func(i, j int) bool { return chosen[i].Start < chosen[j].Start })
	var b strings.Builder
	prevEnd := start
	for i, p := range chosen {
		gap := strings.TrimSpace(content[min(prevEnd, p.Start):p.Start]) != ""
		if gap {
			if i == 0 {
				b.WriteString(strings.TrimLeft(GapMarker, "\n"))
			} else {
				b.WriteString(GapMarker)
			}
		} else if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(strings.TrimSpace(p.Text))
		prevEnd = p.End
	}
	if strings.TrimSpace(content[min(prevEnd, len(content)):]) != "" {
		b.WriteString(strings.TrimRight(GapMarker, "\n"))
	}
	return b.String(), true
}
