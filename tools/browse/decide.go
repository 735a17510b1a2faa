package browse

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
	"github.com/deepresearch-mcp/deepresearch-mcp/extract/score"
)

// ChallengeError is a bot challenge (Cloudflare, a captcha, DuckDuckGo's
// anomaly page) served instead of the page.
type ChallengeError struct {
	URL      string
	Provider string // "Cloudflare", "captcha", "DuckDuckGo anomaly page", ...
	Status   int
}

func (e *ChallengeError) Error() string {
	return fmt.Sprintf("blocked by a bot challenge (%s) at %s; try another source or search result", e.Provider, e.URL)
}

// challengeMaxText: a challenge interstitial shows a sentence or two; a page
// with more visible text than this (counted over the whole document, not a
// prefix that large inline CSS or JS can fill) is the page itself, whatever
// widget it embeds. A false block is worse than a missed one: the model is
// told to go elsewhere. Real interstitials measured 60–270 characters.
const challengeMaxText = 600

// detectChallenge names the bot challenge a response is, or "". The
// Cloudflare header is decisive; markers in the body (challenge scripts, a
// captcha widget, "verify you are human") count only on a page with hardly
// any text of its own, so an article with a captcha-protected comment form,
// or a site whose every page loads Cloudflare's bot-detection script, is
// not a challenge. A bare widget counts only with no field to fill in.
func detectChallenge(status int, h http.Header, body string) string {
	if h != nil && strings.EqualFold(h.Get("Cf-Mitigated"), "challenge") {
		return "Cloudflare"
	}
	if len(body) > maxScanBytes {
		body = body[:maxScanBytes]
	}
	low := strings.ToLower(body)
	who := ""
	switch {
	case strings.Contains(low, "_cf_chl_opt") || strings.Contains(low, "cf-chl-") || strings.Contains(low, "cf_chl_") ||
		strings.Contains(low, "<title>just a moment...</title>") || strings.Contains(low, "<title>attention required! | cloudflare</title>"):
		who = "Cloudflare"
	case strings.Contains(low, "anomaly.js") || strings.Contains(low, "bots use duckduckgo too"):
		who = "DuckDuckGo anomaly page"
	case strings.Contains(low, "verify you are human") || strings.Contains(low, "verify that you are human") ||
		strings.Contains(low, "are you a robot") || strings.Contains(low, "unusual traffic from your computer"):
		who = "captcha"
	case strings.Contains(low, "g-recaptcha") || strings.Contains(low, "h-captcha") || strings.Contains(low, "hcaptcha.com") ||
		strings.Contains(low, "cf-turnstile") || strings.Contains(low, "px-captcha") || strings.Contains(low, "captcha-delivery.com"):
		who = "captcha widget"
	default:
		return ""
	}
	s := scanHTML(body)
	if s.textLen >= challengeMaxText {
		return ""
	}
	if who == "captcha widget" {
		// A widget guarding fields people fill in is a contact, comment or
		// login form; an interstitial asks only for the widget.
		if s.entryFields {
			return ""
		}
		who = "captcha"
	}
	return who
}

// Render decision weights: what the HTTP copy of a page lacks. Every rule
// is about the page's structure, never a site. Measured on the article and
// WCXB benchmark pages (BenchmarkAutoRenderShare) and the script-written
// fixture pages (fixtures/pages_script.go).
const (
	// holeWords: a page whose main content has fewer prose words than this
	// is incomplete when it also shows a hole a script fills (an empty
	// mount point, a loading placeholder, a <noscript> asking for
	// JavaScript). A whole article is longer, so a comments widget's empty
	// mount or a "Loading comments…" line on it changes nothing.
	holeWords = 100
	// thinWords: main content this short, link text included (a listing's
	// entries are links), on a page with scripts is a shell or the site's
	// chrome, whatever else the page shows.
	thinWords = 60
	// scriptHeavyText, scriptHeavyRatio: a page showing less visible text
	// than scriptHeavyText in all (chrome included) while its inline script
	// code is scriptHeavyRatio times that is an app waiting to run (a
	// bundle, a JSON copy of the content). Short articles on script-heavy
	// news sites show more than that around them.
	scriptHeavyText  = 1200
	scriptHeavyRatio = 30
	// noscriptNotice: a <noscript> with less text than this is a notice; more
	// is a whole no-JavaScript view of the page (see noscriptView).
	noscriptNotice = 400
)

// renderReason says why an HTML page fetched over HTTP should be rendered,
// or "" when it is whole. doc is its extracted main content.
func renderReason(body string, doc *extract.Document) string {
	s := scanHTML(body)
	words, all := 0, 0
	wholeBody := false
	if doc != nil {
		words = proseWords(doc.Markdown)
		all = len(score.Tokens(extract.StripMarkdownLinks(doc.Markdown)))
		wholeBody = doc.WholeBody
	}
	switch {
	case s.scripts == 0:
		return "" // nothing would run
	case all < thinWords:
		return "its main content is only a few words"
	case words >= holeWords && !wholeBody:
		// Words of the page's whole body (no main text found) may be its
		// sidebar and footer around the hole a script fills: they do not
		// make the page whole.
		return ""
	case s.noscriptText >= noscriptNotice:
		return "" // the page ships a whole view for readers without JavaScript, and it was read
	case s.emptyRoot:
		return "its framework mount point is empty"
	case s.loading > 0:
		return "it shows a loading placeholder"
	case s.noscriptJS && s.noscriptText < noscriptNotice:
		return "it asks for JavaScript"
	case s.textLen < scriptHeavyText && s.scriptBytes > scriptHeavyRatio*max(s.textLen, 1):
		return "its scripts are much larger than its text"
	}
	return ""
}

// needsRender reports whether auto mode should render the page.
func needsRender(body string, doc *extract.Document) bool { return renderReason(body, doc) != "" }
