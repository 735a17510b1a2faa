// Package extract turns HTML into what a reader needs: the main content as
// Markdown, its links and metadata, and passages ranked against a query.
// Everything here is a pure function: no I/O, safe for concurrent use.
package extract

// Document is the readable form of one page.
type Document struct {
	Title     string `json:"title"`
	Byline    string `json:"byline,omitempty"`
	Published string `json:"published,omitempty"` // RFC 3339 date or date-time where the page says
	Lang      string `json:"lang,omitempty"`
	Canonical string `json:"canonical,omitempty"`
	SiteName  string `json:"site_name,omitempty"`
	// Markdown is the main content; links in it are absolute.
	Markdown string `json:"markdown"`
	// Links are the content links in reading order, deduplicated by URL.
	Links []Link `json:"links"`
	// WholeBody: no main text was found, and Markdown is what is left of
	// the page's whole body (trafilatura's fallback, or the last resort
	// that keeps a page with text from coming back empty). Such content
	// may be only the page's chrome (its sidebar and footer around a
	// script's empty mount point) however many words it has, which
	// browse_page's auto mode must know before it trusts the HTTP copy.
	WholeBody bool `json:"-"`
}

// Link is one link of the main content.
type Link struct {
	Text string `json:"text"`
	URL  string `json:"url"`
}

// Passage is a paragraph-sized piece of Markdown content. Start and End are
// byte offsets into the Markdown it was split from, so Text == md[Start:End].
type Passage struct {
	Text    string `json:"text"`
	Heading string `json:"heading,omitempty"` // nearest heading above it, if any
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// ScoredPassage is a passage with its relevance to a query.
type ScoredPassage struct {
	Passage
	Index int     `json:"index"` // position in the slice that was ranked
	Score float64 `json:"score"`
}
