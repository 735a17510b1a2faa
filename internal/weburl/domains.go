package weburl

import (
	"fmt"
	"net/netip"
	"net/url"
	"slices"
	"strings"
)

// Domains is a caller's include and exclude lists, parsed once. A domain
// covers itself and all its subdomains, and "www.example.org" means the site
// example.org (the www. host is one of its names, not a narrower site). The
// zero value allows everything.
type Domains struct {
	include, exclude []string // normalised, sorted, without duplicates
}

// DomainError says which entry of which list is not a domain, and why.
type DomainError struct {
	Field  string // include_domains or exclude_domains
	Entry  string
	Reason string
}

func (e *DomainError) Error() string {
	if e.Entry == "" {
		return e.Field + ": " + e.Reason
	}
	return fmt.Sprintf("%s entry %q is not a domain (%s); pass bare names like example.org or *.example.org", e.Field, e.Entry, e.Reason)
}

// ParseDomains parses the include_domains and exclude_domains lists. Each
// entry may be a bare name (example.org), a wildcard (*.example.org,
// .example.org), a www. name, a URL pasted as a domain
// (https://example.org/path), in any case, with a port (ignored) or in
// Unicode (compared in punycode). Blank entries are skipped; anything else
// that is not a host name is an error naming the entry.
func ParseDomains(include, exclude []string) (Domains, error) {
	var d Domains
	var err error
	if d.include, err = parseList("include_domains", include); err != nil {
		return Domains{}, err
	}
	if d.exclude, err = parseList("exclude_domains", exclude); err != nil {
		return Domains{}, err
	}
	for _, in := range d.include {
		if slices.Contains(d.exclude, in) {
			return Domains{}, &DomainError{Field: "include_domains", Reason: in + " is both included and excluded; drop it from one list"}
		}
	}
	return d, nil
}

func parseList(field string, in []string) ([]string, error) {
	var out []string
	for _, e := range in {
		if strings.TrimSpace(e) == "" {
			continue
		}
		n, err := ParseDomain(e)
		if err != nil {
			return nil, &DomainError{Field: field, Entry: e, Reason: err.Error()}
		}
		out = append(out, n)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// maxDomainLen is the longest host name DNS allows.
const maxDomainLen = 253

// ParseDomain normalises one filter entry to the bare domain it covers
// ("https://WWW.Example.org:8443/x" → "example.org"). IP addresses are kept
// as they are and match only themselves.
func ParseDomain(s string) (string, error) {
	s = strings.TrimSpace(s)
	if len(s) > 2*maxDomainLen {
		return "", fmt.Errorf("%d characters is too long for a host name", len(s))
	}
	if strings.ContainsAny(s, " \t\r\n\"'<>\\{}|^`") {
		return "", fmt.Errorf("contains a space, quote or bracket")
	}
	if ip, err := netip.ParseAddr(strings.Trim(s, "[]")); err == nil {
		return ipDomain(ip)
	}
	if !strings.Contains(s, "://") {
		s = "http://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return "", fmt.Errorf("not a host name")
	}
	h := u.Hostname()
	if strings.HasPrefix(u.Host, "[") {
		if ip, err := netip.ParseAddr(h); err == nil {
			return ipDomain(ip)
		}
		return "", fmt.Errorf("not an IP address in brackets")
	}
	h = strings.TrimPrefix(h, "*.")
	h = strings.TrimPrefix(h, ".")
	h = strings.TrimSuffix(h, ".")
	if ip, err := netip.ParseAddr(h); err == nil {
		return ipDomain(ip)
	}
	a, err := hostProfile.ToASCII(strings.ToLower(h))
	if err != nil {
		return "", fmt.Errorf("not a valid international name")
	}
	a = strings.TrimPrefix(a, "www.")
	if err := checkName(a); err != nil {
		return "", err
	}
	return a, nil
}

// ipDomain is an IP address as a filter entry; a zone (fe80::1%eth0) names
// an interface of this machine, never a web site.
func ipDomain(ip netip.Addr) (string, error) {
	if ip.Zone() != "" {
		return "", fmt.Errorf("an address with a zone is not a web host")
	}
	return ip.Unmap().String(), nil
}

// checkName accepts letters, digits, hyphens and underscores in dot-separated
// labels of 1 to 63 characters.
func checkName(a string) error {
	if a == "" {
		return fmt.Errorf("no name left once the wildcard and www. are taken off")
	}
	if len(a) > maxDomainLen {
		return fmt.Errorf("longer than %d characters", maxDomainLen)
	}
	for _, label := range strings.Split(a, ".") {
		if label == "" || len(label) > 63 {
			return fmt.Errorf("empty or over-long label between dots")
		}
		for _, c := range label {
			if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' && c != '_' {
				if c == '*' {
					return fmt.Errorf("a wildcard may only lead, as in *.example.org")
				}
				return fmt.Errorf("%q is not allowed in a host name", c)
			}
		}
	}
	return nil
}

// Include is the normalised include list (sorted), e.g. for site: operators.
func (d Domains) Include() []string { return slices.Clone(d.include) }

// Exclude is the normalised exclude list (sorted).
func (d Domains) Exclude() []string { return slices.Clone(d.exclude) }

// IsZero reports whether no filter is set.
func (d Domains) IsZero() bool { return len(d.include) == 0 && len(d.exclude) == 0 }

// Allows reports whether the filters let rawURL through: its host is under
// no excluded domain and, when there is an include list, under one of it. A
// URL without a host is never allowed.
func (d Domains) Allows(rawURL string) bool {
	return d.AllowsHost(Host(rawURL))
}

// AllowsHost is Allows for a host already normalised by Host.
func (d Domains) AllowsHost(host string) bool {
	if host == "" {
		return false
	}
	for _, x := range d.exclude {
		if under(host, x) {
			return false
		}
	}
	if len(d.include) == 0 {
		return true
	}
	for _, x := range d.include {
		if under(host, x) {
			return true
		}
	}
	return false
}

// under reports whether host is domain or one of its subdomains. An IP
// address (a name cannot end in a digit or hold a colon) has none.
func under(host, domain string) bool {
	if host == domain {
		return true
	}
	if last := domain[len(domain)-1]; (last >= '0' && last <= '9') || strings.Contains(domain, ":") {
		return false
	}
	return strings.HasSuffix(host, domain) && host[len(host)-len(domain)-1] == '.'
}
