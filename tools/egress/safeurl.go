package egress

import (
	"net/url"
	"strings"

	"golang.org/x/net/idna"
)

// SafeURLMax is the longest URL SafeURL returns.
const SafeURLMax = 400

// SafeURL reduces a URL that a server or page chose (a redirect's Location,
// an address a page set with history.replaceState, a link) to a form safe
// to show a model outside the untrusted-content fence: parsed and
// re-serialised, the host in ASCII (punycode), every byte outside the URL
// characters percent-encoded (so no spaces, quotes, angle brackets or
// look-alike letters spell out sentences), no credentials, and at most
// SafeURLMax characters. What does not parse as an http(s) URL becomes a
// neutral description.
func SafeURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return "(an address that is not a valid URL)"
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return "(a non-http address)"
	}
	host := u.Hostname()
	if _, isIP := ParseHostIP(host); !isIP {
		a, err := idna.Lookup.ToASCII(host)
		if err != nil {
			return "(an address with an invalid host name)"
		}
		host = a
	} else if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if p := u.Port(); p != "" {
		host += ":" + p
	}
	rest := u.EscapedPath()
	if u.RawQuery != "" {
		rest += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		rest += "#" + u.EscapedFragment()
	}
	s := scheme + "://" + strings.ToLower(host) + escapeURLBytes(rest)
	if len(s) > SafeURLMax {
		s = s[:SafeURLMax]
		// Do not leave half a %XX escape.
		if i := strings.LastIndexByte(s, '%'); i >= len(s)-2 {
			s = s[:i]
		}
		s += "…"
	}
	return s
}

// escapeURLBytes percent-encodes every byte that is not an unreserved or
// reserved URL character (RFC 3986) or an existing escape's '%'.
func escapeURLBytes(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~:/?#[]@!$&'()*+,;=%", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// SafeText reduces server-sent text quoted in an error (a transport error
// that repeats a header line, a MIME type) to something safe outside the
// fence: quoted segments (Go's %q of server bytes) are dropped, only
// printable ASCII is kept, and it is cut at max bytes.
func SafeText(s string, max int) string {
	var b strings.Builder
	inQuote := false
	for i := 0; i < len(s) && b.Len() < max; i++ {
		c := s[i]
		switch {
		case c == '"':
			if !inQuote {
				b.WriteString(`"…"`)
			}
			inQuote = !inQuote
		case inQuote:
			if c == '\\' {
				i++
			}
		case c >= 0x20 && c < 0x7f && c != '<' && c != '>':
			b.WriteByte(c)
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}
