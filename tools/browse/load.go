package browse

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browser"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/fetch"
)

// minFallbackChars is the least HTTP text worth showing when rendering fails.
const minFallbackChars = 200

// load fetches and/or renders one page according to mode.
func (e *Engine) load(ctx context.Context, rawURL, norm, mode string) (*Page, error) {
	switch mode {
	case RenderAlways:
		return e.renderAlways(ctx, norm)
	case RenderNever:
		resp, err := e.fetch(ctx, norm)
		if err != nil {
			return nil, e.httpError(err)
		}
		page, err := e.fromResponse(resp)
		if err != nil {
			return nil, err
		}
		return e.nonEmpty(page, resp.Body)
	}

	resp, ferr := e.fetch(ctx, norm)
	if ferr != nil {
		if !browserMightSucceed(ferr) || e.cfg.Renderer == nil {
			return nil, e.httpError(ferr)
		}
		e.log.Debug("HTTP failed in a way a browser may not; rendering", "url", norm, "err", ferr)
		p, _, rerr := e.render(ctx, norm)
		if rerr != nil {
			// The HTTP error is usually the clearer one; keep policy and challenge errors from rendering.
			if isPolicyOrChallenge(rerr) {
				return nil, rerr
			}
			return nil, e.httpError(ferr)
		}
		return p, nil
	}
	page, err := e.fromResponse(resp)
	if err != nil {
		return nil, err
	}
	if resp.ContentType != "text/html" && resp.ContentType != "application/xhtml+xml" {
		return page, nil
	}
	reason := renderReason(resp.Body, page.Doc)
	if reason == "" {
		return e.nonEmpty(page, resp.Body)
	}
	if e.cfg.Renderer == nil {
		page.Note = joinNote(page.Note, "this page seems to need JavaScript ("+reason+"), but no browser is available; showing what plain HTTP returned")
		return e.nonEmpty(page, resp.Body)
	}
	e.log.Debug("rendering: the HTTP copy looks incomplete", "url", norm, "reason", reason)
	rp, rhtml, rerr := e.render(ctx, norm)
	if rerr != nil {
		var ce *ChallengeError
		if errors.As(rerr, &ce) {
			return nil, rerr
		}
		// A shell's own text ("You need to enable JavaScript") is no fallback.
		if page.TotalChars < minFallbackChars {
			if isPolicyOrChallenge(rerr) {
				return nil, rerr
			}
			return nil, fmt.Errorf("%s needs JavaScript and rendering it in Chromium failed: %w; try again later or another source", norm, rerr)
		}
		// The HTTP copy was fetched under the same policy, so a refusal
		// here is about where the page's scripts went, not the page.
		e.log.Warn("render failed; falling back to the HTTP version", "url", norm, "err", rerr)
		page.Note = joinNote(page.Note, "rendering in Chromium failed ("+firstLine(rerr.Error())+"); showing what plain HTTP returned, which may be incomplete")
		return e.nonEmpty(page, resp.Body)
	}
	chosen, note := chooseRendered(page, rp)
	if chosen == page {
		page.Note = joinNote(page.Note, note)
		return e.nonEmpty(page, resp.Body)
	}
	return e.nonEmpty(rp, rhtml)
}

// renderAlways serves render=always. When the render fails for the page's
// own reasons (its script navigated to a host that does not resolve or
// cannot be reached), the HTTP copy is shown with a note if it reads.
func (e *Engine) renderAlways(ctx context.Context, norm string) (*Page, error) {
	p, rhtml, rerr := e.render(ctx, norm)
	if rerr == nil {
		return e.nonEmpty(p, rhtml)
	}
	if isPolicyOrChallenge(rerr) || !(errors.Is(rerr, browser.ErrDNS) || errors.Is(rerr, browser.ErrNavigation)) || ctx.Err() != nil {
		return nil, rerr
	}
	resp, ferr := e.fetch(ctx, norm)
	if ferr != nil {
		return nil, rerr
	}
	page, err := e.fromResponse(resp)
	if err != nil || page.TotalChars < minFallbackChars {
		return nil, rerr
	}
	page.Note = joinNote(page.Note, "rendering in Chromium failed ("+firstLine(rerr.Error())+"); showing what plain HTTP returned, which may be incomplete")
	return page, nil
}

// nonEmpty makes sure an HTML page never comes back with no text and no
// word of why (see emptyFallback).
func (e *Engine) nonEmpty(p *Page, body string) (*Page, error) {
	if emptyFallback(p, body) || p.Note != "" {
		return p, nil // filled, or the note already says why it is empty
	}
	return nil, fmt.Errorf("%s has no readable text: its HTML shows nothing a reader could use, even after rendering where that was tried; try render=always, or another source", p.URL)
}

func (e *Engine) fetch(ctx context.Context, u string) (*fetch.Response, error) {
	if e.cfg.Fetcher == nil {
		return nil, errors.New("the HTTP fetcher is not configured; try again later")
	}
	return e.cfg.Fetcher.Fetch(ctx, u)
}

// httpError turns a 4xx/5xx that is really a bot challenge into a
// challenge error; other errors pass as they are (*fetch.Error).
func (e *Engine) httpError(err error) error {
	if fe, ok := fetch.AsError(err); ok && fe.Kind == fetch.KindHTTPStatus {
		if who := detectChallenge(fe.Status, fe.Header, fe.Body); who != "" {
			return &ChallengeError{URL: fe.URL, Provider: who, Status: fe.Status}
		}
	}
	return err
}

// browserMightSucceed: failures of plain HTTP that a real browser often
// gets past (TLS or HTTP/2 fingerprinting, user-agent filters). A bot
// challenge is not one of them (httpError reports it), nor are DNS,
// policy, size, type and timeout failures, which a browser shares.
func browserMightSucceed(err error) bool {
	fe, ok := fetch.AsError(err)
	if !ok {
		return false
	}
	switch fe.Kind {
	case fetch.KindConnection, fetch.KindDecode:
		return !strings.Contains(strings.ToLower(fe.Error()), "connection refused")
	case fetch.KindHTTPStatus:
		if detectChallenge(fe.Status, fe.Header, fe.Body) != "" {
			return false
		}
		return fe.Status == 403 || fe.Status == 406 || fe.Status == 400
	}
	return false
}

func isPolicyOrChallenge(err error) bool {
	if _, ok := egress.IsPolicyError(err); ok {
		return true
	}
	var ce *ChallengeError
	return errors.As(err, &ce)
}

// render loads u in the browser and extracts it.
func (e *Engine) render(ctx context.Context, u string) (*Page, string, error) {
	if e.cfg.Renderer == nil {
		return nil, "", fmt.Errorf("cannot render %s: no browser is available on this server; try render=never", u)
	}
	if e.cfg.Guard != nil {
		// Names are checked when the proxy dials; this catches literal
		// addresses early with the clearest reason.
		if _, err := e.cfg.Guard.CheckURL(u); err != nil {
			return nil, "", err
		}
	}
	r, err := e.cfg.Renderer.Render(ctx, u)
	if err != nil {
		if pe := e.proxyRefusal(u); pe != nil {
			return nil, "", pe
		}
		if strings.Contains(err.Error(), u) {
			return nil, "", err // the browser's message already names the page
		}
		return nil, "", fmt.Errorf("render %s: %w", u, err)
	}
	final := r.FinalURL
	if final == "" {
		final = u
	}
	if pe := e.proxyRefusal(final); pe != nil && (r.Status == 403 || strings.Contains(r.HTML, "refused by policy")) {
		return nil, "", pe
	}
	if pe := e.proxyRefusal(u); pe != nil && r.Status == 403 {
		return nil, "", pe
	}
	if who := detectChallenge(r.Status, nil, r.HTML); who != "" {
		return nil, "", &ChallengeError{URL: u, Provider: who, Status: r.Status}
	}
	if r.Status >= 400 {
		return nil, "", &fetch.Error{Kind: fetch.KindHTTPStatus, URL: u, Status: r.Status, Body: r.HTML, Err: fmt.Errorf("HTTP %d", r.Status)}
	}
	doc, err := extract.FromHTML(r.HTML, mustParse(final))
	if err != nil {
		return nil, "", fmt.Errorf("extract rendered page %s: %w", u, err)
	}
	if doc.Title == "" {
		doc.Title = r.Title
	}
	return newPage(u, final, r.Status, "text/html", true, doc), r.HTML, nil
}

func (e *Engine) proxyRefusal(u string) error {
	if e.cfg.Proxy == nil {
		return nil
	}
	if pe, ok := e.cfg.Proxy.Refused(u); ok {
		return pe
	}
	return nil
}

// fromResponse turns an HTTP response into a page.
func (e *Engine) fromResponse(resp *fetch.Response) (*Page, error) {
	p, err := e.pageOf(resp)
	if err == nil && resp.Truncated {
		p.Partial = true // Load says whose limit cut it
	}
	if err == nil && resp.Partial != "" {
		p.Note = joinNote(p.Note, "only part of the document was read: "+resp.Partial)
	}
	return p, err
}

func (e *Engine) pageOf(resp *fetch.Response) (*Page, error) {
	status := resp.Status
	switch {
	case resp.ContentType == "text/html" || resp.ContentType == "application/xhtml+xml":
		if who := detectChallenge(status, resp.Header, resp.Body); who != "" {
			return nil, &ChallengeError{URL: resp.URL, Provider: who, Status: status}
		}
		doc, err := extract.FromHTML(resp.Body, mustParse(resp.FinalURL))
		if err != nil {
			return nil, fmt.Errorf("extract %s: %w", resp.URL, err)
		}
		doc = noscriptView(resp.Body, doc, mustParse(resp.FinalURL))
		return newPage(resp.URL, resp.FinalURL, status, resp.ContentType, false, doc), nil
	case resp.ContentType == "application/pdf":
		title := resp.Title
		if title == "" {
			title = titleFromURL(resp.FinalURL)
		}
		doc := &extract.Document{Title: title, Markdown: resp.Body, Links: []extract.Link{}}
		return newPage(resp.URL, resp.FinalURL, status, resp.ContentType, false, doc), nil
	case fetch.IsJSON(resp.ContentType):
		body := extract.StripInvisible(resp.Body) // before Indent: a BOM would fail it
		var buf bytes.Buffer
		if json.Indent(&buf, []byte(body), "", "  ") == nil {
			body = "```json\n" + buf.String() + "\n```"
		}
		doc := &extract.Document{Title: titleFromURL(resp.FinalURL), Markdown: body, Links: []extract.Link{}}
		return newPage(resp.URL, resp.FinalURL, status, resp.ContentType, false, doc), nil
	default: // plain text, XML, RSS
		doc := &extract.Document{Title: titleFromURL(resp.FinalURL), Markdown: resp.Body, Links: []extract.Link{}}
		return newPage(resp.URL, resp.FinalURL, status, resp.ContentType, false, doc), nil
	}
}

func newPage(u, final string, status int, ctype string, rendered bool, doc *extract.Document) *Page {
	if doc.Links == nil {
		doc.Links = []extract.Link{}
	}
	// No invisible character reaches the model, whichever way the text
	// came (extract, plain text, JSON, PDF). Cheap when there is none.
	doc.Title, doc.Byline, doc.Markdown = extract.StripInvisible(doc.Title), extract.StripInvisible(doc.Byline), extract.StripInvisible(doc.Markdown)
	for i := range doc.Links {
		doc.Links[i].Text = extract.StripInvisible(doc.Links[i].Text)
	}
	return &Page{
		URL: u, FinalURL: final, Status: status, ContentType: ctype, Rendered: rendered, Doc: doc,
		TotalChars: utf8.RuneCountInString(doc.Markdown),
	}
}

// titleFromURL names a document that has no title of its own: its file
// name, else its host.
func titleFromURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	if base := path.Base(u.Path); base != "/" && base != "." && base != "" {
		if s, err := url.PathUnescape(base); err == nil {
			base = s
		}
		return base + " (" + u.Hostname() + ")"
	}
	return u.Hostname()
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}
