package browser

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestNavErrorMapping(t *testing.T) {
	tests := []struct {
		text string
		kind error
		says string
	}{
		{"net::ERR_NAME_NOT_RESOLVED", ErrDNS, "does not resolve"},
		{"net::ERR_TUNNEL_CONNECTION_FAILED", ErrPolicy, "egress proxy refused"},
		{"net::ERR_PROXY_CONNECTION_FAILED", ErrPolicy, "egress proxy refused"},
		{"net::ERR_CONNECTION_TIMED_OUT", ErrTimeout, "did not answer in time"},
		{"net::ERR_CONNECTION_REFUSED", ErrNavigation, "could not be reached"},
		{"net::ERR_CERT_AUTHORITY_INVALID", ErrNavigation, "TLS"},
		{"net::ERR_TOO_MANY_REDIRECTS", ErrNavigation, "redirects in a loop"},
		{"net::ERR_ABORTED", ErrNavigation, "aborted (the page may have started a download, or a script stopped it"},
		{"net::ERR_SOMETHING_NEW", ErrNavigation, "ERR_SOMETHING_NEW"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			err := navError("https://example.com/", tc.text)
			if !errors.Is(err, tc.kind) {
				t.Errorf("kind: %v, want %v", err.Kind, tc.kind)
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.says) || !strings.HasPrefix(msg, "render https://example.com/: ") {
				t.Errorf("message %q lacks %q", msg, tc.says)
			}
			if err.Hint == "" {
				t.Errorf("no hint on what to try: %q", msg)
			}
		})
	}
}

func TestErrorMessages(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{timeoutError("http://x/", 10*time.Second, "reading the page's DOM", nil),
			"render http://x/: timed out after 10s rendering http://x/: reading the page's DOM ("},
		{crashError("http://x/"), "render http://x/: the page crashed the browser tab: "},
		{browserGoneError("http://x/", nil), "render http://x/: the browser process died or stopped answering: "},
		{&Error{URL: "http://x/", Kind: ErrPolicy, Detail: "refused by policy: loopback"}, "render http://x/: refused by policy: loopback"},
	}
	for _, tc := range tests {
		if got := tc.err.Error(); !strings.HasPrefix(got, tc.want) {
			t.Errorf("got %q, want prefix %q", got, tc.want)
		}
	}
	if languages("de-DE,de;q=0.8, en;q=0.5") != "de-DE,de,en" || languages("") != "en-US,en" {
		t.Errorf("languages: %q %q", languages("de-DE,de;q=0.8, en;q=0.5"), languages(""))
	}
}

// A browser that did not answer before the page was asked for is a browser
// problem: the error must not look like the site's timeout.
func TestUnresponsiveIsNotASiteTimeout(t *testing.T) {
	err := error(unresponsiveError("http://x/", 3*time.Second, phaseOpenContext))
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, ErrTimeout) || !errors.Is(err, ErrBrowserGone) {
		t.Errorf("unresponsive browser error %v: wrong kind", err)
	}
	if !strings.Contains(err.Error(), "browser problem") {
		t.Errorf("%v does not say it is a browser problem", err)
	}
}
