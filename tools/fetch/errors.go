package fetch

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/textproto"
	"net/url"
	"strings"
	"syscall"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
)

// Kind classifies a fetch failure so callers (browse, the tool layer) can
// decide what to do and the model can be told what to try.
type Kind string

// Kinds of fetch failure.
const (
	KindBadURL      Kind = "bad_url"
	KindPolicy      Kind = "policy"      // refused by the egress guard
	KindDNS         Kind = "dns"         // no such host
	KindTimeout     Kind = "timeout"     // no answer in time
	KindConnection  Kind = "connection"  // refused, reset, protocol error
	KindTLS         Kind = "tls"         // certificate or handshake failure
	KindHTTPStatus  Kind = "http_status" // 4xx/5xx; Body holds the page
	KindTooLarge    Kind = "too_large"
	KindUnsupported Kind = "unsupported_type"
	KindRedirects   Kind = "redirects" // too many redirects
	KindDecode      Kind = "decode"    // broken compression or PDF
	KindCanceled    Kind = "canceled"
)

// Error is a failed fetch. Error() is written for a model: what went wrong
// and what to try.
type Error struct {
	Kind        Kind
	URL         string
	Status      int         // KindHTTPStatus
	ContentType string      // KindUnsupported (and KindHTTPStatus when known)
	Body        string      // KindHTTPStatus: the error page (UTF-8, capped), for challenge detection
	Header      http.Header // KindHTTPStatus
	Err         error
}

func (e *Error) Unwrap() error { return e.Err }

func (e *Error) Error() string {
	cause := ""
	if e.Err != nil {
		// Transport and decoder errors can repeat the server's bytes (a
		// malformed status line, a header): never quoted raw to the model.
		cause = egress.SafeText(e.Err.Error(), 300)
	}
	switch e.Kind {
	case KindBadURL:
		return fmt.Sprintf("bad URL %q: %s", e.URL, cause)
	case KindPolicy:
		if pe, ok := egress.IsPolicyError(e.Err); ok {
			return fmt.Sprintf("%s refused by policy: %s (%s); this address cannot be read from here, try another source", e.URL, pe.Reason, pe.Target)
		}
		return fmt.Sprintf("%s refused by policy: %s; try another source", e.URL, cause)
	case KindDNS:
		return fmt.Sprintf("DNS lookup failed for %s (%s): the host name does not exist or cannot be resolved; check the spelling or try another source", e.URL, cause)
	case KindTimeout:
		return fmt.Sprintf("timed out fetching %s: the server did not answer in time; try again later or another source", e.URL)
	case KindConnection:
		return fmt.Sprintf("could not connect to %s: %s; the server may be down, try again later or another source", e.URL, cause)
	case KindTLS:
		return fmt.Sprintf("TLS error for %s: %s; the site's certificate or HTTPS setup is broken, try another source", e.URL, cause)
	case KindHTTPStatus:
		hint := "try another source"
		switch {
		case e.Status == http.StatusNotFound || e.Status == http.StatusGone:
			hint = "the page does not exist; check the URL or search for it"
		case e.Status == http.StatusTooManyRequests:
			hint = "the site is rate-limiting; wait and retry, or try another source"
		case e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden:
			hint = "the site refuses access; try another source"
		case e.Status >= 500:
			hint = "the server failed; try again later or another source"
		}
		return fmt.Sprintf("HTTP %d %s from %s; %s", e.Status, http.StatusText(e.Status), e.URL, hint)
	case KindTooLarge:
		return fmt.Sprintf("%s is too large: %s; try a more specific page", e.URL, cause)
	case KindUnsupported:
		return fmt.Sprintf("%s: unsupported content type %s; browse_page reads HTML, text, JSON and PDF", e.URL, safeMedia(e.ContentType))
	case KindRedirects:
		return fmt.Sprintf("%s: %s; try the final address directly or another source", e.URL, cause)
	case KindDecode:
		return fmt.Sprintf("could not decode %s: %s; try another source", e.URL, cause)
	case KindCanceled:
		return fmt.Sprintf("fetching %s was canceled", e.URL)
	}
	return fmt.Sprintf("fetch %s: %s", e.URL, cause)
}

// AsError returns err as a *Error when it is one.
func AsError(err error) (*Error, bool) {
	var fe *Error
	if errors.As(err, &fe) {
		return fe, true
	}
	return nil, false
}

// classify turns a transport error into a typed Error.
func classify(rawURL string, err error) *Error {
	e := &Error{URL: rawURL, Err: unwrapURLError(err)}
	var dnsErr *net.DNSError
	var netErr net.Error
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var invalid x509.CertificateInvalidError
	var recErr tls.RecordHeaderError
	var alert tls.AlertError
	switch {
	case errors.Is(err, egress.ErrTooLarge):
		e.Kind = KindTooLarge
	case strings.Contains(err.Error(), "server response headers exceeded"):
		// net/http's MaxResponseHeaderBytes: no typed error to match.
		e.Kind, e.Err = KindTooLarge, fmt.Errorf("its response headers are larger than %d KiB", egress.MaxHeaderBytes>>10)
	case errors.As(err, new(textproto.ProtocolError)):
		e.Kind, e.Err = KindConnection, errors.New("the server sent a malformed HTTP header")
	case errors.Is(err, egress.ErrTooManyRedirects):
		e.Kind = KindRedirects
	case isPolicy(err):
		e.Kind = KindPolicy
	case errors.Is(err, context.Canceled):
		e.Kind = KindCanceled
	case errors.Is(err, context.DeadlineExceeded):
		e.Kind = KindTimeout
	case errors.As(err, &dnsErr):
		if dnsErr.IsTimeout {
			e.Kind = KindTimeout
		} else {
			e.Kind = KindDNS
		}
	case errors.As(err, &certErr), errors.As(err, &unknownAuth), errors.As(err, &hostErr),
		errors.As(err, &invalid), errors.As(err, &recErr), errors.As(err, &alert):
		e.Kind = KindTLS
	case errors.As(err, &netErr) && netErr.Timeout():
		e.Kind = KindTimeout
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, syscall.EPIPE), errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		e.Kind = KindConnection
	case strings.Contains(err.Error(), "tls:"), strings.Contains(err.Error(), "x509:"):
		e.Kind = KindTLS
	default:
		e.Kind = KindConnection
	}
	return e
}

func isPolicy(err error) bool {
	_, ok := egress.IsPolicyError(err)
	return ok
}

// unwrapURLError drops net/http's *url.Error wrapper, whose message repeats
// the method and URL that Error() already names.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// safeMedia shows a server's media type only when it is one: a short
// type/subtype of token characters.
func safeMedia(m string) string {
	if len(m) > 80 || strings.Count(m, "/") != 1 {
		return "(an unrecognised type)"
	}
	for _, c := range m {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || strings.ContainsRune("/+-.!#$&^_", c)) {
			return "(an unrecognised type)"
		}
	}
	return m
}
