package tools

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
)

// browsePageTimeout bounds one call, rendering included.
const browsePageTimeout = 90 * time.Second

// maxLinksInText caps the links listed in the text; all are in structured content.
const maxLinksInText = 60

// BrowsePageArgs are browse_page's arguments.
type BrowsePageArgs struct {
	URL      string `json:"url" jsonschema:"The http or https address of the page to read. Example: \"https://go.dev/doc/effective_go\""`
	Query    string `json:"query,omitempty" jsonschema:"Optional: what you are looking for on the page. The passages most relevant to it come first (in page order), which helps on long pages."`
	MaxChars int    `json:"max_chars,omitempty" jsonschema:"How many characters of content to return."`
	Offset   int    `json:"offset,omitempty" jsonschema:"Where to start reading, in characters of the page's content (default 0). Pass the next_offset of the previous call to read on; this reads from the cache and does not fetch the page again."`
	Render   string `json:"render,omitempty" jsonschema:"auto (default): fetch over HTTP and render in headless Chromium only when the page needs JavaScript; always: render in Chromium; never: plain HTTP only."`

	argsGiven
}

// BrowseLink is one numbered link of the page's main content.
type BrowseLink struct {
	N    int    `json:"n" jsonschema:"Number of the link, 1-based, so you can refer to it."`
	Text string `json:"text" jsonschema:"Text of the link."`
	URL  string `json:"url" jsonschema:"Absolute address the link points to."`
}

// BrowsePageOutput is browse_page's structured content.
type BrowsePageOutput struct {
	URL         string       `json:"url" jsonschema:"The address that was asked for."`
	FinalURL    string       `json:"final_url" jsonschema:"The address after redirects."`
	Title       string       `json:"title" jsonschema:"Title of the page."`
	Byline      string       `json:"byline,omitempty" jsonschema:"Author where the page names one."`
	Published   string       `json:"published,omitempty" jsonschema:"Publication date where the page gives one."`
	Content     string       `json:"content" jsonschema:"The main content as Markdown (this window of it), boilerplate removed."`
	ContentType string       `json:"content_type" jsonschema:"Media type of the resource, e.g. text/html or application/pdf."`
	Offset      int          `json:"offset" jsonschema:"Where this window starts, in characters of the content."`
	NextOffset  *int         `json:"next_offset" jsonschema:"Offset to pass to read on in page order; null when this window reaches the end of the page, and when query was given (content is then the passages about it: read the page in order by calling again without query)."`
	TotalChars  int          `json:"total_chars" jsonschema:"Length of the whole content in characters."`
	Links       []BrowseLink `json:"links" jsonschema:"Links of the main content, numbered in reading order."`
	Rendered    bool         `json:"rendered" jsonschema:"True when the page was rendered in headless Chromium."`
	Cached      bool         `json:"cached" jsonschema:"True when the page came from the cache rather than the network."`
	Note        string       `json:"note,omitempty" jsonschema:"What the server had to do to read the page, when it matters: e.g. rendering failed and the HTTP version is shown, the page stopped loading part-way, or nothing matched the query."`

	query    string // the query whose passages Content is; "" for a window in page order
	render   string // the render mode asked for
	passages bool
	// engineNote is Note without windowNote: the text's own header and
	// footer already say what a passages window is (said once, not twice).
	engineNote string
}

func browsePageTool() mcp.Tool {
	return mcp.NewTool("browse_page",
		mcp.WithToolTitle("Read a web page"),
		mcp.WithDescription(fmt.Sprintf(`Read one web page the way a person would: fetched over HTTP (or rendered in headless Chromium when it needs JavaScript), boilerplate removed, main content returned as Markdown with its links numbered.
Use it to read a result of web_search or a link from a page you read. HTML, plain text, JSON and PDF are supported.
Returns up to max_chars characters (%d by default); when the page is longer, next_offset says where to continue: call again with the same url and offset=next_offset (served from the cache). Give query to get the passages about it first on a long page.
Example: {"url": "https://en.wikipedia.org/wiki/Raft_(algorithm)", "query": "leader election timeout"}`, DefaultMaxChars)),
		inputSchema[BrowsePageArgs](map[string]prop{
			"url":       {"minLength": 1, "maxLength": MaxURLChars},
			"query":     {"maxLength": MaxQueryChars},
			"max_chars": intRange("How many characters of content to return", MinMaxChars, MaxMaxChars, DefaultMaxChars, "Longer pages are cut on a paragraph boundary; read on with offset."),
			"offset":    {"minimum": 0, "default": 0},
			"render":    {"enum": []string{browse.RenderAuto, browse.RenderAlways, browse.RenderNever}, "default": browse.RenderAuto},
		}),
		outputSchema[BrowsePageOutput](),
		readOnlyWeb("Read a web page", true),
	)
}

// checkURL accepts an absolute http(s) URL; a bare "example.com/path" gets
// https:// in front, since that is what a model usually means.
func checkURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", errors.New(`"url" is required: the http or https address of the page, e.g. {"url": "https://example.com/article"}`)
	}
	if err := checkLength(`"url"`, raw, MaxURLChars, "give the page's address, without pasted text after it"); err != nil {
		return "", err
	}
	u, err := url.Parse(raw)
	if err == nil && u.Scheme == "" && !strings.HasPrefix(raw, "/") && strings.Contains(strings.SplitN(raw, "/", 2)[0], ".") {
		raw = "https://" + raw
		u, err = url.Parse(raw)
	}
	if err != nil {
		return "", fmt.Errorf("%q is not a valid URL (%w); give an absolute address such as https://example.com/page", raw, err)
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	case "":
		return "", fmt.Errorf("%q is not an absolute URL; give one such as https://example.com/page", raw)
	default:
		return "", &egress.PolicyError{Target: raw, Reason: fmt.Sprintf("only http and https URLs can be read, not %s:", strings.ToLower(u.Scheme))}
	}
	if u.Host == "" {
		return "", fmt.Errorf("%q has no host; give an address such as https://example.com/page", raw)
	}
	return raw, nil
}

func (a *BrowsePageArgs) validate() error {
	if err := checkRange("max_chars", &a.MaxChars, a.has("max_chars", a.MaxChars), MinMaxChars, MaxMaxChars, DefaultMaxChars); err != nil {
		return err
	}
	if a.Offset < 0 {
		return fmt.Errorf("offset must be 0 or more (got %d); use the next_offset a previous call returned", a.Offset)
	}
	switch a.Render = strings.ToLower(strings.TrimSpace(a.Render)); a.Render {
	case "":
		a.Render = browse.RenderAuto
	case browse.RenderAuto, browse.RenderAlways, browse.RenderNever:
	default:
		return fmt.Errorf(`render must be "auto", "always" or "never" (got %q)`, a.Render)
	}
	a.Query = strings.TrimSpace(a.Query)
	return checkLength(`"query"`, a.Query, MaxQueryChars, "say in a few words what to look for on the page")
}

func (h *Handlers) browsePage(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	var args BrowsePageArgs
	if err := bind(req, &args); err != nil {
		return invalid("browse_page", err), nil
	}
	if err := args.validate(); err != nil {
		return invalid("browse_page", err), nil
	}
	u, err := checkURL(args.URL)
	if err != nil {
		var policy *egress.PolicyError
		if errors.As(err, &policy) {
			return toolError("browse_page", err), nil
		}
		return invalid("browse_page", err), nil
	}
	if h.Browse == nil {
		return unavailable("browse_page"), nil
	}
	p := startProgress(ctx, req)
	defer p.finish()
	p.report(0, 0, "reading "+u)

	ctx, cancel := context.WithTimeout(browse.WithDeadlineOwner(ctx, fmt.Sprintf("browse_page's time limit (%s)", browsePageTimeout)), browsePageTimeout)
	defer cancel()
	res, err := h.Browse.Read(ctx, browse.ReadRequest{URL: u, Render: args.Render, Query: args.Query, MaxChars: args.MaxChars, Offset: args.Offset})
	if err != nil {
		return nil, err
	}
	out := browseOutput(u, res)
	out.query, out.render, out.passages = args.Query, args.Render, res.Passages
	out.Note = joinNote(out.Note, windowNote(out))
	return mcp.NewToolResultStructured(out, browsePageText(out)), nil
}

// windowNote says what the model needs to know about this window: that it
// is the passages about the query, or that plain HTTP found no text and
// rendering might.
func windowNote(out BrowsePageOutput) string {
	empty := strings.TrimSpace(out.Content) == "" && !out.Rendered
	switch {
	case out.passages:
		return fmt.Sprintf("content is the passages about the query: %d of the page's %d characters, from offset %d on; call again without query to read the page in order", utf8.RuneCountInString(out.Content), out.TotalChars, out.Offset)
	case empty && out.render == browse.RenderNever:
		return `no readable text over plain HTTP: the page may build its content with JavaScript; try render "auto" or "always"`
	case empty && out.render == browse.RenderAuto:
		return `no readable text over plain HTTP: if the page builds its content with JavaScript, try render "always"`
	}
	return ""
}

// browseOutput maps the engine's window one to one; links are numbered from 1.
func browseOutput(requested string, res *browse.ReadResult) BrowsePageOutput {
	out := BrowsePageOutput{
		URL: res.URL, FinalURL: res.FinalURL, Title: res.Title, Byline: res.Byline, Published: res.Published,
		Content: res.Content, ContentType: res.ContentType, Offset: res.Offset, NextOffset: res.NextOffset,
		TotalChars: res.TotalChars, Links: make([]BrowseLink, 0, len(res.Links)), Rendered: res.Rendered, Cached: res.Cached, Note: res.Note,
		engineNote: res.Note,
	}
	if out.URL == "" {
		out.URL = requested
	}
	if out.FinalURL == "" {
		out.FinalURL = out.URL
	}
	for i, l := range res.Links {
		out.Links = append(out.Links, BrowseLink{N: i + 1, Text: l.Text, URL: l.URL})
	}
	return out
}

func joinNote(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}
