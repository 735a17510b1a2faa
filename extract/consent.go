package extract

import "strings"

// A page's cookie banner is often plain markup in the page (a script
// shows it on the first visit and hides it once the reader chooses), so a
// region keeps it among the product's lines: "We use cookies to improve
// your experience… By using our site, you agree to our cookie use", its
// "Manage cookie preferences" button written as a link, and the
// placeholder an embed shows until cookies are allowed ("This content
// isn't visible due to your cookie preferences"). None of it is the
// page's content on any page. The words, not the markup, say what it is:
// the site speaking of its own cookies (cookieCues) to the reader. A
// sentence about cookies in general ("apps that use cookies must ask
// first") names no such cue and stays.

// cookieCues are the phrases of a consent notice: the site's own use of
// cookies, or the reader's choice about them.
var cookieCues = []string{
	"we use cookies", "uses cookies", "use of cookies", "cookie preferences", "cookie settings",
	"cookie policy", "cookies policy", "accept cookies", "accept all cookies", "allow cookies",
	"manage cookies", "cookie use", "cookies settings",
}

// consentControlWords are what a consent banner's buttons say beside the
// word "cookies" ("Manage cookie preferences", "Accept all cookies").
var consentControlWords = map[string]bool{
	"manage": true, "preferences": true, "settings": true, "accept": true, "reject": true, "allow": true,
	"decline": true, "customize": true, "customise": true, "policy": true, "all": true, "necessary": true,
}

// readerWords are the words a notice addresses its reader with, or speaks
// as the site with.
var readerWords = map[string]bool{"you": true, "your": true, "we": true, "our": true, "us": true}

// consentNotice reports whether blk (one Markdown block) is a cookie
// consent notice or one of its buttons' labels: at most
// cfg.ConsentMaxWords words holding "cookie" or "cookies"; a label of at
// most cfg.ConsentLabelWords words, not a heading, whose other words are
// the buttons' (consentControlWords), or a notice naming a cue (cookieCues) and its
// reader or the site (readerWords).
func consentNotice(blk string, cfg *config) bool {
	if len(blk) > cfg.ConsentMaxBytes {
		return false // cheap bound first: this runs on every block of a region
	}
	toks := AppendWordTokens(nil, strings.ToLower(stripLinks(blk)))
	if len(toks) == 0 || len(toks) > cfg.ConsentMaxWords {
		return false
	}
	cookie, reader, control, other := false, false, false, false
	for _, w := range toks {
		switch {
		case w == "cookie" || w == "cookies":
			cookie = true
		case readerWords[w]:
			reader = true
			other = true
		case consentControlWords[w]:
			control = true
		default:
			other = true
		}
	}
	if !cookie {
		return false
	}
	if len(toks) <= cfg.ConsentLabelWords && control && !other {
		// A button's label, not a heading: a privacy page's "Cookie
		// policy" section keeps its heading.
		return headingLevel(blk) == 0
	}
	if !reader {
		return false
	}
	words := " " + strings.Join(toks, " ") + " "
	for _, c := range cookieCues {
		if strings.Contains(words, " "+c+" ") {
			return true
		}
	}
	return false
}
