// Package whatlanggo is deepresearch-mcp's stand-in for
// github.com/RadhiFadlillah/whatlanggo, wired in by a replace directive in
// the main go.mod.
//
// Why: go-trafilatura guesses the language of every text it extracts, with
// no option to turn the guess off, and only to fill its result's
// Metadata.Language (or to refuse a page when Options.TargetLanguage is
// set, which we never do). We never read that field: Document.Lang is the
// language the page declares (extract/metadata.go). The guess (trigram
// profiles of every language, over the whole extracted text) was 11 % of
// extract.FromHTML's CPU on WCXB and lay on the path the page waits for.
//
// This package keeps the API go-trafilatura compiles against and detects
// nothing: every text is Und, whose ISO 639-1 code is "", which
// go-trafilatura reads as "no guess" and so keeps the language the page's
// own metadata declares. Nothing else in the build imports whatlanggo.
package whatlanggo
