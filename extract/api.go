package extract

import (
	"fmt"
	"net/url"
)

// FromHTML extracts the main content of a UTF-8 HTML page. pageURL resolves
// relative links. Hidden text (display:none, hidden, aria-hidden) and
// zero-width/bidi control characters never reach the result (aria-hidden
// hides from screen readers, not from sight: a card's redundant link,
// aria-hidden and out of the tab order beside a visible link to the same
// page, keeps the summary it shows; redundantlink.go); a collapsed
// tab or accordion panel that the page's own tab or button opens
// (WAI-ARIA role="tabpanel" or aria-controls) is read like the rest of
// the page, and what is hidden inside it stays out.
//
// Hostile input (invalid UTF-8, huge or absurdly deep documents) is
// bounded before parsing; a crash in an extractor falls back to the next
// one, so FromHTML only fails when the page cannot be parsed at all.
func FromHTML(html string, pageURL *url.URL) (doc *Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("extract content: unexpected panic: %v", r)
		}
	}()
	root, err := parseClean(prepareInput(html))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	return fromTree(root, pageURL), nil
}

// SplitPassages splits Markdown into passages of about maxChars characters at
// most (paragraph boundaries; a heading travels with the text below it).
func SplitPassages(markdown string, maxChars int) []Passage { return splitPassages(markdown, maxChars) }

// Tokenize lower-cases and splits text into search terms (letters and digits,
// stop words removed, light stemming).
func Tokenize(text string) []string { return tokenize(text, nil) }

// RankPassages scores passages against query with BM25 and returns them best
// first. Passages with no matching term score 0 and come last.
func RankPassages(query string, passages []Passage) []ScoredPassage {
	return rankPassages(query, passages)
}

// StripMarkdownLinks reduces [text](url) to text and ![alt](url) to alt.
func StripMarkdownLinks(markdown string) string { return stripLinks(markdown) }
