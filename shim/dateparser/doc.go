// Package dateparser is deepresearch-mcp's stand-in for
// github.com/markusmobius/go-dateparser, wired in by a replace directive in
// the main go.mod.
//
// Why: go-trafilatura imports go-htmldate, which imports go-dateparser for
// its "extensive" date search. We run trafilatura with HtmlDateMode
// Disabled (publication dates come from our own metadata reader), so that
// parser is never called; yet its package init builds locale tables for
// every language it knows at every start of the binary: about 340 ms and
// 78 MB allocated (GODEBUG=inittrace=1), most of the server's idle memory
// and nearly all of its cold start.
//
// This package keeps the API go-htmldate compiles against and parses the
// absolute, English and numeric date forms with the standard library, so
// an extensive search, should one ever be enabled, still finds the common
// dates instead of silently finding none. It has no init work.
package dateparser
