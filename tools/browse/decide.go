package browse

import (
	"fmt"
	"net/http"
	"strings"
	"unicode"

	"golang.org/x/net/html"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
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

// detectChallenge names the bot challenge a response is, or "". Strong
// markers count on any status; weak ones (a captcha widget, "verify you
// are human") only on an error status or a page with hardly any text, so
// an article with a captcha-protected comment form is not a challenge.
func detectChallenge(status int, h http.Header, body string) string {
	if h != nil && strings.EqualFold(h.Get("Cf-Mitigated"), "challenge") {
		return "Cloudflare"
	}
	head := body
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	low := strings.ToLower(head)
	cloudflare := strings.Contains(low, "/cdn-cgi/challenge-platform") || strings.Contains(low, "_cf_chl_opt") ||
		strings.Contains(low, "cf-chl-") || strings.Contains(low, "cf_chl_") ||
		(strings.Contains(low, "<title>just a moment...</title>") && strings.Contains(low, "cloudflare")) ||
		(strings.Contains(low, "<title>attention required! | cloudflare</title>"))
	if cloudflare && (status >= 400 || visibleTextLen(head, 2000) < 2000) {
		return "Cloudflare"
	}
	if strings.Contains(low, "anomaly.js") || strings.Contains(low, "bots use duckduckgo too") {
		return "DuckDuckGo anomaly page"
	}
	captcha := strings.Contains(low, "g-recaptcha") || strings.Contains(low, "h-captcha") || strings.Contains(low, "hcaptcha.com") ||
		strings.Contains(low, "cf-turnstile") || strings.Contains(low, "px-captcha") || strings.Contains(low, "captcha-delivery.com") ||
		strings.Contains(low, "verify you are human") || strings.Contains(low, "verify that you are human") ||
		strings.Contains(low, "are you a robot") || strings.Contains(low, "unusual traffic from your computer")
	if captcha && (status >= 400 || visibleTextLen(head, 1000) < 1000) {
		return "captcha"
	}
	if strings.Contains(low, "<title>just a moment...</title>") && status >= 400 {
		return "Cloudflare"
	}
	return ""
}

// needsRender decides whether an HTML page fetched over HTTP is a shell
// that JavaScript fills in: little visible text but scripts, an empty app
// root (#root, #app, #__next, ...), or a <noscript> asking for JavaScript.
func needsRender(body string, doc *extract.Document) bool {
	s := scanHTML(body)
	text := s.textLen
	if doc != nil {
		if n := len([]rune(strings.TrimSpace(doc.Markdown))); n > text {
			text = n
		}
	}
	switch {
	case s.scripts > 0 && text < 200:
		return true
	case s.emptyRoot && text < 1000:
		return true
	case s.noscriptJS && text < 1000:
		return true
	case s.scripts >= 10 && text < 500:
		return true
	}
	return false
}

type htmlScan struct {
	textLen    int  // visible characters (non-space) outside script/style/noscript/template
	scripts    int  // <script> elements
	emptyRoot  bool // an app root element with no children
	noscriptJS bool // <noscript> mentions JavaScript
}

var appRoots = map[string]bool{"root": true, "app": true, "__next": true, "__nuxt": true, "svelte": true, "main-app": true, "react-root": true, "ember-app": true, "q-app": true}

// scanHTML is one tokenizer pass; cheap enough to run on every page.
func scanHTML(body string) htmlScan {
	var s htmlScan
	z := html.NewTokenizer(strings.NewReader(body))
	skip := 0 // depth inside script/style/template/noscript
	inNoscript := false
	pendingRoot := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return s
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			if pendingRoot {
				pendingRoot = false // the root has a child element
			}
			if tag == "div" || tag == "main" || tag == "app-root" || tag == "body" {
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "id" && appRoots[strings.ToLower(string(v))] {
						pendingRoot = tt == html.StartTagToken
					}
				}
			}
			if tag == "app-root" {
				pendingRoot = tt == html.StartTagToken
			}
			switch tag {
			case "script":
				s.scripts++
				skip++
			case "style", "template":
				skip++
			case "noscript":
				skip++
				inNoscript = true
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if pendingRoot {
				s.emptyRoot = true
				pendingRoot = false
			}
			switch tag {
			case "script", "style", "template", "noscript":
				if skip > 0 {
					skip--
				}
				if tag == "noscript" {
					inNoscript = false
				}
			}
		case html.TextToken:
			txt := z.Text()
			if inNoscript {
				l := strings.ToLower(string(txt))
				if strings.Contains(l, "javascript") {
					s.noscriptJS = true
				}
				continue
			}
			if skip > 0 {
				continue
			}
			for _, r := range string(txt) {
				if !unicode.IsSpace(r) {
					s.textLen++
				} else if pendingRoot {
					continue
				}
			}
			if pendingRoot && strings.TrimSpace(string(txt)) != "" {
				pendingRoot = false
			}
		}
	}
}

// visibleTextLen counts visible characters, stopping once it reaches limit.
func visibleTextLen(body string, limit int) int {
	n := scanHTML(body).textLen
	if n > limit {
		return limit
	}
	return n
}
