package extract

import (
	"errors"
	"net/url"
)

// ErrNotImplemented marks a part not built yet (skeleton).
var ErrNotImplemented = errors.New("not implemented yet")

// FromHTML extracts the main content of a UTF-8 HTML page. pageURL resolves
// relative links. Hidden text (display:none, hidden, aria-hidden) and
// zero-width/bidi control characters never reach the result.
func FromHTML(html string, pageURL *url.URL) (*Document, error) {
	return nil, ErrNotImplemented
}

// SplitPassages splits Markdown into passages of about maxChars characters at
// most (paragraph boundaries; a heading travels with the text below it).
func SplitPassages(markdown string, maxChars int) []Passage { return nil }

// Tokenize lower-cases and splits text into search terms (letters and digits,
// stop words removed, light stemming).
func Tokenize(text string) []string { return nil }

// RankPassages scores passages against query with BM25 and returns them best
// first. Passages with no matching term score 0 and come last.
func RankPassages(query string, passages []Passage) []ScoredPassage { return nil }

// StripMarkdownLinks reduces [text](url) to text and ![alt](url) to alt.
func StripMarkdownLinks(markdown string) string { return markdown }
