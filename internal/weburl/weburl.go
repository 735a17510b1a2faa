// Package weburl is the one place that says when two URLs are the same page
// (Key), how a URL is shown once the click-tracking is gone (Clean), and
// which hosts a caller's domain filters let through (Domains). web_search and
// deep_research both use it, so a page de-duplicated or filtered by one is
// treated the same way by the other.
//
// The browse cache keeps its own, stricter key on purpose: it must never hand
// one page's bytes back for another, so it does not merge http with https,
// "www." with the bare host or drop parameters; a de-duplication key may.
package weburl

import (
	"net"
	"net/netip"
	"net/url"
	"strings"

	"golang.org/x/net/idna"
)

// trackingParams are query parameters that identify a click or a campaign,
// not a page; utm_* is matched by prefix.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true, "gbraid": true, "wbraid": true,
	"msclkid": true, "yclid": true, "twclid": true, "ttclid": true, "igshid": true, "li_fat_id": true,
	"mc_cid": true, "mc_eid": true, "_hsenc": true, "_hsmi": true, "mkt_tok": true, "oly_anon_id": true,
	"oly_enc_id": true, "vero_id": true, "_ga": true, "_gl": true, "rb_clickid": true, "s_cid": true,
	"srsltid": true, "ref": true, "ref_src": true, "ref_url": true,
}

// IsTracking reports whether a query parameter name (any case) is a
// click-tracking one that never changes the page served.
func IsTracking(param string) bool {
	k := strings.ToLower(param)
	return strings.HasPrefix(k, "utm_") || trackingParams[k]
}

// Clean returns raw as a result link should be shown: scheme and host lower
// case, default port, fragment, user info and tracking parameters dropped,
// the other parameters untouched and in their order (nameless ones
// dropped), an empty path as "/".
// It returns "" for anything that is not an absolute http(s) URL.
func Clean(raw string) string {
	u, ok := parseHTTP(raw)
	if !ok {
		return ""
	}
	u.Host = hostPort(u)
	u.Fragment, u.RawFragment = "", ""
	u.User = nil
	if u.RawQuery != "" {
		// Edit the raw query pair by pair so untouched parameters keep
		// their original encoding and order.
		pairs := strings.Split(u.RawQuery, "&")
		kept := pairs[:0]
		for _, p := range pairs {
			if name := paramName(p); strings.TrimSpace(name) != "" && !IsTracking(name) {
				// A bare space is not valid in a URL and would be trimmed
				// away by whoever reads this one next.
				kept = append(kept, strings.ReplaceAll(p, " ", "%20"))
			}
		}
		u.RawQuery = strings.Join(kept, "&")
	}
	u.ForceQuery = false
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String()
}

// Key is the identity of a page for de-duplication: two URLs with one key
// are read and listed once. On top of Clean it ignores the scheme (sites
// serve one page on http and https), "www.", a trailing slash, escapes in
// the path and parameter order. A string that is not an absolute http(s)
// URL is its own key (trimmed).
func Key(raw string) string {
	u, ok := parseHTTP(raw)
	if !ok {
		return strings.TrimSpace(raw)
	}
	host := hostPort(u)
	host = strings.TrimPrefix(host, "www.")
	path := u.EscapedPath()
	if p, err := url.PathUnescape(path); err == nil {
		path = p
	}
	path = strings.TrimSuffix(path, "/")
	q := u.Query()
	for k := range q {
		if strings.TrimSpace(k) == "" || IsTracking(k) { // a nameless parameter is noise
			delete(q, k)
		}
	}
	s := "https://" + host + path
	if enc := q.Encode(); enc != "" { // Encode sorts by name
		s += "?" + enc
	}
	return s
}

// Host returns raw's host name, normalised as the domain filters compare
// it: lower case, no port or trailing dot, international names in punycode.
// It returns "" when raw has no host.
func Host(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	return normHost(u.Hostname())
}

// parseHTTP parses an absolute http(s) URL with a host ("http://." has none).
func parseHTTP(raw string) (*url.URL, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || normHost(u.Hostname()) == "" {
		return nil, false
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, false
	}
	return u, true
}

// hostPort is u's normalised host with its port unless it is the scheme's
// default; IPv6 literals keep their brackets.
func hostPort(u *url.URL) string {
	host := normHost(u.Hostname())
	port := u.Port()
	if port == "" || (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		if strings.Contains(host, ":") {
			return "[" + host + "]"
		}
		return host
	}
	return net.JoinHostPort(host, port)
}

// normHost lower-cases a host name, drops a trailing dot, writes
// international names in punycode and IP literals in their canonical form.
func normHost(h string) string {
	h = strings.TrimRight(strings.ToLower(h), ".")
	if h == "" || strings.ContainsAny(h, "[]") { // url.URL.Hostname strips an IPv6 literal's brackets
		return ""
	}
	if ip, err := netip.ParseAddr(h); err == nil {
		return ip.Unmap().String()
	}
	if a, err := hostProfile.ToASCII(h); err == nil {
		// Mapping can make dots of other scripts' full stops ("a。").
		return strings.TrimRight(a, ".")
	}
	return h
}

// hostProfile maps international names to punycode without the strict
// letter-digit-hyphen rule: real hosts have underscores.
var hostProfile = idna.New(idna.MapForLookup(), idna.Transitional(false), idna.StrictDomainName(false))

// paramName is the decoded name of one raw query pair.
func paramName(pair string) string {
	k, _, _ := strings.Cut(pair, "=")
	if dk, err := url.QueryUnescape(k); err == nil {
		return dk
	}
	return k
}
