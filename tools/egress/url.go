package egress

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// metadataHosts are cloud metadata endpoints by name; refused before any
// DNS lookup because some resolve to addresses that look ordinary.
var metadataHosts = map[string]bool{
	"metadata.google.internal":     true,
	"metadata.goog":                true,
	"metadata":                     true,
	"instance-data":                true,
	"instance-data.ec2.internal":   true,
	"metadata.azure.com":           true,
	"metadata.tencentyun.com":      true, // Tencent Cloud (169.254.0.23)
	"metadata.platformequinix.com": true, // Equinix Metal
}

func isMetadataHost(host string) bool { return metadataHosts[normHost(host)] }

// ValidateURL is the policy-free part of the URL pre-check: scheme http or
// https, no credentials, a host, and not a metadata host name. It returns
// the parsed URL or a *PolicyError (or a plain error for a malformed URL).
func ValidateURL(raw string) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil {
		// Report the scheme even when the rest does not parse (e.g. "javascript:alert(1)" parses,
		// but "view-source:http://x" might not in odd spellings).
		if i := strings.IndexByte(raw, ':'); i > 0 && !isHTTPScheme(raw[:i]) && !strings.ContainsAny(raw[:i], "/?#") {
			return nil, schemeError(raw, raw[:i])
		}
		return nil, fmt.Errorf("%q is not a valid URL: %w; give a full http:// or https:// address", raw, err)
	}
	if u.Scheme == "" {
		return nil, fmt.Errorf("%q is not an absolute URL; give a full http:// or https:// address", raw)
	}
	if !isHTTPScheme(u.Scheme) {
		return nil, schemeError(raw, u.Scheme)
	}
	if u.User != nil {
		return nil, &PolicyError{Target: SafeURL(redact(u)), Reason: "URLs with credentials (user:password@host) are not allowed; remove them"}
	}
	if u.Hostname() == "" {
		return nil, fmt.Errorf("%q has no host; give a full http:// or https:// address", raw)
	}
	if isMetadataHost(u.Hostname()) {
		return nil, &PolicyError{Target: escapeURLBytes(u.Host), Reason: escapeURLBytes(normHost(u.Hostname())) + " is a cloud metadata endpoint, which is never allowed"}
	}
	return u, nil
}

func isHTTPScheme(s string) bool {
	s = strings.ToLower(s)
	return s == "http" || s == "https"
}

func schemeError(raw, scheme string) *PolicyError {
	// The address may be a redirect's Location: percent-encoded, it cannot
	// spell out sentences for the model.
	target := raw
	if len(target) > 80 {
		target = target[:80]
	}
	target = escapeURLBytes(target)
	if len(raw) > 80 {
		target += "…"
	}
	return &PolicyError{Target: target, Reason: fmt.Sprintf("scheme %s is not allowed; only http and https", strings.ToLower(scheme))}
}

func redact(u *url.URL) string {
	c := *u
	c.User = nil
	return c.String()
}

// CheckURL is the full pre-check for a URL under this guard's policy:
// ValidateURL, then, when the host is an IP address in any spelling a
// browser accepts, the address ranges. Names are checked at dial time.
func (g *Guard) CheckURL(raw string) (*url.URL, error) {
	u, err := ValidateURL(raw)
	if err != nil {
		return nil, err
	}
	if err := g.checkURLHost(u); err != nil {
		return nil, err
	}
	return u, nil
}

func (g *Guard) checkURLHost(u *url.URL) error {
	host := u.Hostname()
	ip, ok := ParseHostIP(host)
	if !ok {
		return nil
	}
	port := u.Port()
	if port == "" {
		port = "80"
		if strings.EqualFold(u.Scheme, "https") {
			port = "443"
		}
	}
	trusted := g.isTrusted(host, port) || g.isTrusted(ip.String(), port)
	if why := g.checkIP(ip, trusted); why != "" {
		if !strings.EqualFold(normHost(host), ip.String()) {
			why = fmt.Sprintf("%s (written %s) %s", ip, host, strings.TrimPrefix(why, ip.String()+" "))
		}
		return &PolicyError{Target: net.JoinHostPort(host, port), Reason: why}
	}
	return nil
}
