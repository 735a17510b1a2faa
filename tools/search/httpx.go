package search

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/internal/httpbody"
)

// maxBody bounds a provider's answer after decompression; result pages are
// well under 1 MiB.
const maxBody = 4 << 20

// apiUserAgent identifies us to the JSON APIs, which want an honest agent.
const apiUserAgent = "deepresearch-mcp/1.0 (+https://github.com/deepresearch-mcp/deepresearch-mcp)"

// httpResult is a provider's answer, body already decoded.
type httpResult struct {
	status int
	header http.Header
	body   []byte
}

// ok reports a 2xx answer; DuckDuckGo has been seen answering 202.
func (r *httpResult) ok() bool { return r.status >= 200 && r.status <= 299 }

// roundTrip sends req and reads the whole (decompressed, bounded) body.
// Errors are *ProviderError of kind ErrUnavailable, or ctx's error.
func roundTrip(ctx context.Context, client *http.Client, name string, req *http.Request) (*httpResult, error) {
	resp, err := client.Do(req.WithContext(ctx))
	if err != nil {
		return nil, networkError(ctx, name, err)
	}
	defer resp.Body.Close()
	body, err := readBody(resp)
	if err != nil {
		return nil, networkError(ctx, name, fmt.Errorf("read answer: %w", err))
	}
	return &httpResult{status: resp.StatusCode, header: resp.Header, body: body}, nil
}

func networkError(ctx context.Context, name string, err error) error {
	if errors.Is(ctx.Err(), context.Canceled) {
		return ctx.Err()
	}
	if ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) {
		return &ProviderError{Provider: name, Kind: ErrUnavailable, Message: "timed out", Err: err}
	}
	return &ProviderError{Provider: name, Kind: ErrUnavailable, Message: "network error: " + err.Error(), Err: err}
}

// readBody undoes the Content-Encoding ourselves (we ask for gzip, deflate
// and br like a browser does, so net/http leaves decoding to us) and
// enforces maxBody on the decoded bytes. httpbody refuses unknown codings and
// chains with an error that quotes a bounded, printable part of the header.
func readBody(resp *http.Response) ([]byte, error) {
	enc := resp.Header.Get("Content-Encoding")
	r, closeFn, err := httpbody.Decode(resp.Body, enc)
	if err != nil {
		return nil, err
	}
	defer closeFn()
	b, err := io.ReadAll(io.LimitReader(r, maxBody+1))
	if err != nil {
		return nil, fmt.Errorf("decoding: %w", err)
	}
	if len(b) > maxBody {
		return nil, fmt.Errorf("answer larger than %d bytes", maxBody)
	}
	return b, nil
}

// retryAfter reads Retry-After (seconds or HTTP date); Brave sends
// X-RateLimit-Reset ("1, 1419704": seconds until each window resets) instead.
func retryAfter(h http.Header, now time.Time) time.Duration {
	if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		if s, err := strconv.Atoi(v); err == nil && s >= 0 {
			return time.Duration(s) * time.Second
		}
		if t, err := http.ParseTime(v); err == nil {
			if d := t.Sub(now); d > 0 {
				return d
			}
			return 0
		}
	}
	if v := h.Get("X-RateLimit-Reset"); v != "" {
		first, _, _ := strings.Cut(v, ",")
		if s, err := strconv.Atoi(strings.TrimSpace(first)); err == nil && s >= 0 {
			return time.Duration(s) * time.Second
		}
	}
	return 0
}

// statusError describes a non-2xx answer in words; detail (may be "") is
// what the provider said about it.
func statusError(name string, r *httpResult, detail string) *ProviderError {
	pe := &ProviderError{Provider: name, Status: r.status}
	msg := fmt.Sprintf("HTTP %d %s", r.status, http.StatusText(r.status))
	switch {
	case r.status == http.StatusTooManyRequests:
		pe.Kind = ErrRateLimited
		pe.RetryAfter = retryAfter(r.header, time.Now())
		msg = "rate limited (HTTP 429)"
		if pe.RetryAfter > 0 {
			msg += fmt.Sprintf(", retry after %s", pe.RetryAfter.Round(time.Second))
		}
	case r.status >= 500:
		pe.Kind = ErrUnavailable
	default:
		pe.Kind = ErrRejected
	}
	if detail = strings.TrimSpace(detail); detail != "" {
		msg += ": " + detail
	}
	pe.Message = msg
	return pe
}

// excerpt is a short, single-line piece of a body for an error message.
func excerpt(b []byte) string {
	s := strings.Join(strings.Fields(string(bytes.ToValidUTF8(b, nil))), " ")
	if len(s) > 160 {
		s = s[:160] + "..."
	}
	return s
}
