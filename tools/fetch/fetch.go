// Package fetch reads a URL over HTTP the way a browser would ask for it and
// returns the body decoded to UTF-8 (PDF turned into text).
package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/deepresearch-mcp/deepresearch-mcp/internal/httpbody"
	"github.com/deepresearch-mcp/deepresearch-mcp/internal/useragent"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
)

// Response is a fetched resource.
type Response struct {
	URL         string // as requested
	FinalURL    string // after redirects
	Status      int
	ContentType string // media type without parameters, e.g. text/html, application/pdf
	Body        string // UTF-8 text (HTML, plain text, JSON, text extracted from a PDF)
	Header      http.Header
	Title       string // PDF: the document's Title, when it has one
	// Truncated is set when the server stopped sending before the end and
	// the time ran out: Body is what arrived (HTML and text only).
	Truncated bool
	// Partial, when not empty, says why Body stops before the document's
	// end (a PDF over a parsing limit); Body is the first part. It is the
	// same for the same document, so the caller may cache it with the note.
	Partial string
}

// minPartialBytes is the least body worth returning when a page never
// finishes loading; less than that is reported as a timeout.
const minPartialBytes = 256

// DefaultMaxBytes caps a body after decompression when New gets 0.
const DefaultMaxBytes = egress.DefaultMaxBodyBytes

// errorBodyCap bounds how much of a 4xx/5xx page is kept (for challenge detection).
const errorBodyCap = 256 << 10

// Fetcher fetches through the given client (which carries the egress guard).
type Fetcher struct {
	client   *http.Client
	maxBytes int64
	ua       string
}

// New returns a Fetcher. client should come from egress.Guard.Client();
// maxBytes caps the body after decompression (0: 10 MiB).
func New(client *http.Client, maxBytes int64, userAgent string) *Fetcher {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if userAgent == "" {
		userAgent = useragent.Chrome
	}
	if client == nil {
		client = http.DefaultClient
	}
	return &Fetcher{client: client, maxBytes: maxBytes, ua: userAgent}
}

// Fetch GETs rawURL. Failures are *Error.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*Response, error) {
	u, err := egress.ValidateURL(rawURL)
	if err != nil {
		if _, ok := egress.IsPolicyError(err); ok {
			return nil, &Error{Kind: KindPolicy, URL: rawURL, Err: err}
		}
		return nil, &Error{Kind: KindBadURL, URL: rawURL, Err: err}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, &Error{Kind: KindBadURL, URL: rawURL, Err: err}
	}
	f.setHeaders(req)
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, classify(rawURL, err)
	}
	defer resp.Body.Close()

	final := resp.Request.URL.String()
	ctype := resp.Header.Get("Content-Type")
	media, _, _ := mime.ParseMediaType(ctype)
	media = strings.ToLower(media)

	if resp.StatusCode >= 400 {
		body, _ := f.readBody(resp, errorBodyCap, true)
		return nil, &Error{
			Kind: KindHTTPStatus, URL: rawURL, Status: resp.StatusCode, ContentType: media,
			Body: toUTF8(body, ctype, true), Header: resp.Header,
			Err: fmt.Errorf("HTTP %d", resp.StatusCode),
		}
	}
	// Refuse what we cannot read before downloading it.
	if media != "" && kindOf(media) == typeOther && media != "application/octet-stream" {
		return nil, &Error{Kind: KindUnsupported, URL: rawURL, ContentType: media, Err: fmt.Errorf("content type %s", media)}
	}
	body, err := f.readBody(resp, f.maxBytes, false)
	truncated := false
	if err != nil {
		e := classify(rawURL, err)
		if e.Kind == KindConnection && !errors.Is(err, egress.ErrTooLarge) && isDecodeErr(err) {
			e.Kind = KindDecode
		}
		// A page that never finishes loading: what arrived is still worth reading.
		k := kindOf(media)
		if e.Kind != KindTimeout || len(body) < minPartialBytes || (k != typeHTML && k != typeText) {
			return nil, e
		}
		truncated = true
	}
	if media == "" || media == "application/octet-stream" {
		media = sniff(body)
		if kindOf(media) == typeOther {
			return nil, &Error{Kind: KindUnsupported, URL: rawURL, ContentType: media, Err: fmt.Errorf("content type %s", media)}
		}
	}
	out := &Response{URL: rawURL, FinalURL: final, Status: resp.StatusCode, ContentType: media, Header: resp.Header, Truncated: truncated}
	switch kindOf(media) {
	case typeHTML:
		out.Body = toUTF8(body, ctype, true)
	case typeText:
		out.Body = toUTF8(body, ctype, false)
	case typePDF:
		text, title, partial, err := pdfText(ctx, body)
		if err != nil {
			if ctx.Err() != nil {
				return nil, classify(rawURL, ctx.Err())
			}
			return nil, &Error{Kind: KindDecode, URL: rawURL, ContentType: media, Err: err}
		}
		out.Body, out.Title, out.Partial = text, title, partial
	}
	return out, nil
}

func (f *Fetcher) setHeaders(req *http.Request) {
	h := req.Header
	h.Set("User-Agent", f.ua)
	h.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7")
	h.Set("Accept-Language", "en-US,en;q=0.9")
	// Setting Accept-Encoding ourselves turns off the transport's transparent
	// gzip, so httpbody.Decode handles all four.
	h.Set("Accept-Encoding", "gzip, deflate, br, zstd")
	h.Set("Upgrade-Insecure-Requests", "1")
	h.Set("Sec-Fetch-Dest", "document")
	h.Set("Sec-Fetch-Mode", "navigate")
	h.Set("Sec-Fetch-Site", "none")
	h.Set("Sec-Fetch-User", "?1")
}

// readBody decodes and reads at most limit bytes (after decompression).
// lenient keeps what was read when the body is cut (error pages).
func (f *Fetcher) readBody(resp *http.Response, limit int64, lenient bool) ([]byte, error) {
	r, closeFn, err := httpbody.Decode(resp.Body, resp.Header.Get("Content-Encoding"))
	if err != nil {
		return nil, &decodeError{err}
	}
	defer closeFn()
	var buf bytes.Buffer
	if resp.ContentLength > 0 && resp.ContentLength < limit && resp.Header.Get("Content-Encoding") == "" {
		buf.Grow(int(resp.ContentLength))
	}
	_, err = io.Copy(&buf, egress.LimitReader(r, limit))
	if err != nil {
		if lenient {
			return buf.Bytes(), nil
		}
		if errors.Is(err, egress.ErrTooLarge) {
			return nil, err
		}
		if isCompressionErr(err) {
			return nil, &decodeError{err}
		}
		// What arrived before a timeout or reset: the caller decides.
		return buf.Bytes(), err
	}
	return buf.Bytes(), nil
}

type decodeError struct{ err error }

func (e *decodeError) Error() string { return "decode body: " + e.err.Error() }
func (e *decodeError) Unwrap() error { return e.err }

func isDecodeErr(err error) bool {
	var de *decodeError
	return errors.As(err, &de)
}

func isCompressionErr(err error) bool {
	s := err.Error()
	for _, w := range []string{"gzip", "flate", "zlib", "brotli", "zstd", "checksum", "invalid header", "corrupt"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

type contentKind int

const (
	typeOther contentKind = iota
	typeHTML
	typeText
	typePDF
)

func kindOf(media string) contentKind {
	switch {
	case media == "text/html", media == "application/xhtml+xml":
		return typeHTML
	case media == "application/pdf", media == "application/x-pdf":
		return typePDF
	case media == "text/plain", media == "text/markdown", media == "text/x-markdown", media == "text/csv",
		media == "application/json", media == "text/json", strings.HasSuffix(media, "+json"),
		media == "application/xml", media == "text/xml", strings.HasSuffix(media, "+xml"),
		media == "application/x-ndjson", media == "application/ld+json":
		return typeText
	}
	return typeOther
}

// sniff guesses a type for a body served without a useful Content-Type.
func sniff(body []byte) string {
	if bytes.HasPrefix(body, []byte("%PDF-")) {
		return "application/pdf"
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		return "application/json"
	}
	media, _, _ := mime.ParseMediaType(http.DetectContentType(body))
	return media
}

// IsJSON reports whether media is a JSON type.
func IsJSON(media string) bool {
	return media == "application/json" || media == "text/json" || strings.HasSuffix(media, "+json")
}
