package egress

import (
	"net/netip"
	"testing"
)

// FuzzParseHostIP: the browser-style host parser never panics, what it
// accepts is a valid address that parses back to itself, and a URL whose
// host it reads as loopback or private is refused by the default policy.
func FuzzParseHostIP(f *testing.F) {
	for _, s := range []string{"127.0.0.1", "2130706433", "0x7f000001", "0177.0.0.1", "127.1", "0", "[::1]",
		"::ffff:127.0.0.1", "fe80::1%eth0", "169.254.169.254", "10.0.0.1.", "0x", "1.2.3.4.5", "example.org",
		"4294967296", "0xffffffff", "[::ffff:7f00:1]", "2001::1", "64:ff9b::7f00:1"} {
		f.Add(s)
	}
	g := New(Policy{})
	f.Fuzz(func(t *testing.T, host string) {
		ip, ok := ParseHostIP(host)
		if !ok {
			return
		}
		if !ip.IsValid() {
			t.Fatalf("ParseHostIP(%q) accepted an invalid address", host)
		}
		again, ok := ParseHostIP(ip.String())
		if !ok || again != ip {
			t.Fatalf("ParseHostIP(%q) = %v, but ParseHostIP(%q) = %v, %v", host, ip, ip.String(), again, ok)
		}
		why := g.checkIP(ip, false)
		if (ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() || ip.Unmap().IsLoopback()) && why == "" {
			t.Fatalf("%q (%v) passes the default policy", host, ip)
		}
		// The URL pre-check must agree with the dial-time check on literals.
		hostPart := host
		if ip.Is6() && ip.Zone() == "" && !ip.Is4In6() {
			hostPart = "[" + netip.AddrFrom16(ip.As16()).String() + "]"
		}
		raw := "http://" + hostPart + "/"
		u, err := ValidateURL(raw)
		if err != nil {
			return
		}
		if hip, ok := ParseHostIP(u.Hostname()); !ok || hip != ip {
			return // the URL parser read the host differently (e.g. a zone)
		}
		if _, err := g.CheckURL(raw); err == nil && why != "" {
			t.Fatalf("CheckURL lets %q through; the dialer refuses it: %s", raw, why)
		}
	})
}

// FuzzValidateURL: the URL pre-check never panics and never passes a URL
// with credentials, another scheme or no host.
func FuzzValidateURL(f *testing.F) {
	for _, s := range []string{"http://example.org/", "https://user:pw@example.org/", "javascript:alert(1)",
		"http://169.254.169.254/latest", "HTTP://[::1]:80/", "view-source:http://x", "http://%zz/", "//example.org", "http:///x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		u, err := ValidateURL(raw)
		if err != nil {
			return
		}
		if u.User != nil || u.Hostname() == "" || !isHTTPScheme(u.Scheme) {
			t.Fatalf("ValidateURL(%q) passed %+v", raw, u)
		}
	})
}
