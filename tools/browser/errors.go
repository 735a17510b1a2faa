package browser

import (
	"errors"
	"fmt"
	"net"
	"strings"
	"time"
)

// Error kinds; test with errors.Is. Every *Error wraps one of them, or
// context.Canceled when the caller cancelled.
var (
	// ErrNoBrowser: no Chromium to launch and none to connect to.
	ErrNoBrowser = errors.New("no Chromium found: install chromium or pass --browser / --browser-url")
	// ErrDNS: the host name does not resolve.
	ErrDNS = errors.New("DNS failure")
	// ErrPolicy: the URL or the address behind it is not allowed.
	ErrPolicy = errors.New("refused by policy")
	// ErrTimeout: no DOM within the render budget.
	ErrTimeout = errors.New("timed out")
	// ErrCrashed: the renderer process of the tab crashed.
	ErrCrashed = errors.New("the page crashed the browser tab")
	// ErrBrowserGone: the browser process died, stopped answering (and was
	// replaced), or the DevTools connection dropped: a browser problem,
	// not the site's.
	ErrBrowserGone = errors.New("the browser process died or stopped answering")
	// ErrHTTPStatus: the server answered an error status with nothing to show.
	ErrHTTPStatus = errors.New("HTTP error")
	// ErrNavigation: any other navigation failure (connection refused, TLS, ...).
	ErrNavigation = errors.New("navigation failed")
	// ErrClosed: the pool was closed.
	ErrClosed = errors.New("browser pool is closed")
	// ErrResourceLimit: the page used more than a tab may (JS heap, a
	// flood of browser events); only its own render fails.
	ErrResourceLimit = errors.New("the page exceeded the browser's resource limits")
	// ErrErrorPage: the tab ended on Chromium's own error page
	// (chrome-error://chromewebdata/, e.g. after a script sent it to a host
	// that does not resolve or whose TLS fails). The *Error's Kind says why
	// (ErrDNS, ErrNavigation, ErrPolicy, ErrTimeout) and errors.As finds an
	// *ErrorPage with the URL that failed and Chromium's net error code;
	// the error page itself is never returned as content.
	ErrErrorPage = errors.New("the browser showed its own error page")
)

// ErrorPage is the navigation that ended on Chromium's error page.
type ErrorPage struct {
	URL  string // the URL Chromium could not load (may differ from the one asked for)
	Code string // Chromium's net error, e.g. "net::ERR_NAME_NOT_RESOLVED"
}

func (e *ErrorPage) Error() string {
	return "the browser showed its error page for " + e.URL + " (" + e.Code + ")"
}

// Is makes errors.Is(err, ErrErrorPage) hold.
func (e *ErrorPage) Is(target error) bool { return target == ErrErrorPage }

// Why a browser died, when no DevTools call failed to tell (see markDead).
var (
	errConnClosed    = fmt.Errorf("the DevTools connection closed: %w", net.ErrClosed)
	errProcessExited = errors.New("the browser process exited")
	errKilled        = errors.New("the browser process was killed")
	errShutdown      = errors.New("the browser was shut down")
	errOutOfMemory   = errors.New("the tab ran out of memory")
	errEventFlood    = errors.New("the page flooded the browser with events")
)

// errPoolClosed is the cancel cause used by Close.
var errPoolClosed = ErrClosed

// Error is a failed render: what went wrong (Kind), in words for a model
// (Detail), and what to try (Hint).
type Error struct {
	URL    string
	Kind   error
	Detail string
	Hint   string
	Err    error // underlying cause, may be nil
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("render ")
	b.WriteString(e.URL)
	b.WriteString(": ")
	switch {
	case e.Detail == "":
		b.WriteString(e.Kind.Error())
	case strings.HasPrefix(e.Detail, e.Kind.Error()):
		b.WriteString(e.Detail) // says it already
	default:
		b.WriteString(e.Kind.Error())
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	if e.Hint != "" {
		b.WriteString(" (")
		b.WriteString(e.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap exposes both the kind and the cause to errors.Is / errors.As.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

func timeoutError(u string, budget time.Duration, what string, cause error) *Error {
	return &Error{
		URL: u, Kind: ErrTimeout, Err: cause,
		Detail: fmt.Sprintf("timed out after %s rendering %s: %s", fmtDur(max(budget, 0)), u, what),
		Hint:   "the site is slow or never answered; try again later, or read it with render=never",
	}
}

func crashError(u string) *Error {
	return &Error{
		URL: u, Kind: ErrCrashed,
		Detail: "the renderer process died while loading the page (a page whose scripts pass the tab's memory cap ends this way)",
		Hint:   "the page may be too heavy or hostile; try render=never or another source",
	}
}

func browserGoneError(u string, cause error) *Error {
	e := &Error{
		URL: u, Kind: ErrBrowserGone, Err: cause,
		Detail: "Chromium stopped during the render",
		Hint:   "retry: a new browser is started on the next call",
	}
	if errors.Is(cause, errUnresponsive) {
		e.Detail = "Chromium stopped answering (" + cause.Error() + "): this is a browser problem, not the site's"
	}
	return e
}

// unresponsiveError is a DevTools command before navigation that did not
// come back in time: the browser, not the site, is slow.
// The deadline it hit is not wrapped: callers that see
// context.DeadlineExceeded say the site was slow.
func unresponsiveError(u string, budget time.Duration, phase string) *Error {
	return &Error{
		URL: u, Kind: ErrBrowserGone, Err: errUnresponsive,
		Detail: fmt.Sprintf("Chromium did not answer within %s while %s: this is a browser problem, not the site's", fmtDur(max(budget, 0)), phase),
		Hint:   "retry: a browser that stays unresponsive is replaced",
	}
}

// limitError is a render stopped because the page used too much.
func limitError(u string, why error) *Error {
	e := &Error{URL: u, Kind: ErrResourceLimit, Err: why, Detail: why.Error(),
		Hint: "the page is too heavy or hostile for the browser; try render=never or another source"}
	if errors.Is(why, errOutOfMemory) {
		e.Detail = "the page's scripts used more memory than a tab may (the JavaScript heap is capped)"
	}
	return e
}

// errorPageError is a tab that ended on Chromium's error page.
func errorPageError(u, failedURL, code string) *Error {
	if code == "" {
		code = "net::ERR_FAILED"
	}
	e := navError(u, code)
	e.Err = &ErrorPage{URL: failedURL, Code: code}
	if failedURL != "" && failedURL != u {
		// The address is page-controlled: it stays out of the text (see ErrorPage.URL).
		e.Detail += "; the page had moved the tab to another address, which failed"
	}
	return e
}

func closedError(u string) *Error {
	return &Error{URL: u, Kind: ErrClosed, Detail: "the server is shutting down"}
}

// navError maps a Chromium net error (Page.navigate errorText) to an Error.
func navError(u, text string) *Error {
	code := strings.TrimPrefix(strings.TrimSpace(text), "net::")
	e := &Error{URL: u, Kind: ErrNavigation, Detail: text}
	switch {
	case code == "ERR_NAME_NOT_RESOLVED" || code == "ERR_NAME_RESOLUTION_FAILED":
		e.Kind = ErrDNS
		e.Detail = "the host name does not resolve (" + text + ")"
		e.Hint = "check the spelling of the domain"
	case code == "ERR_TUNNEL_CONNECTION_FAILED" || strings.HasPrefix(code, "ERR_PROXY") ||
		code == "ERR_BLOCKED_BY_ADMINISTRATOR":
		e.Kind = ErrPolicy
		e.Detail = "the egress proxy refused the connection (" + text + ")"
		e.Hint = "this address may not be fetched; use a public http(s) URL"
	case code == "ERR_TIMED_OUT" || code == "ERR_CONNECTION_TIMED_OUT":
		e.Kind = ErrTimeout
		e.Detail = "the server did not answer in time (" + text + ")"
		e.Hint = "try again later"
	case code == "ERR_ABORTED":
		e.Detail = "the navigation was aborted (the page may have started a download, or a script stopped it; " + text + ")"
		e.Hint = "try render=never to read it over plain HTTP"
	case code == "ERR_CONNECTION_REFUSED" || code == "ERR_CONNECTION_RESET" || code == "ERR_CONNECTION_CLOSED" ||
		code == "ERR_EMPTY_RESPONSE" || code == "ERR_ADDRESS_UNREACHABLE":
		e.Detail = "the server could not be reached (" + text + ")"
		e.Hint = "the site may be down; try again later"
	case strings.HasPrefix(code, "ERR_CERT") || strings.HasPrefix(code, "ERR_SSL"):
		e.Detail = "the site's TLS certificate or handshake is invalid (" + text + ")"
		e.Hint = "the site is misconfigured; try another source"
	case code == "ERR_TOO_MANY_REDIRECTS":
		e.Detail = "the page redirects in a loop (" + text + ")"
		e.Hint = "try another URL for the same content"
	default:
		e.Detail = "the page could not be loaded (" + text + ")"
		e.Hint = "check the URL, or try render=never"
	}
	return e
}

func fmtDur(d time.Duration) string {
	if d >= time.Second {
		return fmt.Sprintf("%.3gs", d.Seconds())
	}
	return d.Round(time.Millisecond).String()
}
