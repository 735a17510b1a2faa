package weburl

import (
	"strings"
	"testing"
)

// FuzzParseDomain: any entry either parses to a name that parses to itself
// again and allows its own host, or is refused with a reason; never a panic.
func FuzzParseDomain(f *testing.F) {
	for _, s := range []string{"example.org", "*.example.org", "www.Example.org", ".example.org",
		"https://example.org/path", "example.org:8080", "bücher.example", "[::1]", "127.0.0.1",
		"*", "a b", "ex*ample.org", "http://[fe80::1%25eth0]/", "xn--", "..", "http://user@host:1/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDomain(s)
		if err != nil {
			if d != "" {
				t.Fatalf("ParseDomain(%q) = %q with error %v", s, d, err)
			}
			return
		}
		if d == "" || len(d) > maxDomainLen || strings.ContainsAny(d, " /?#*") {
			t.Fatalf("ParseDomain(%q) = %q: not a bare host name", s, d)
		}
		again, err := ParseDomain(d)
		if err != nil || (again != d && !strings.HasPrefix(d, "www.")) {
			t.Fatalf("ParseDomain(%q) = %q, but ParseDomain(%q) = %q, %v", s, d, d, again, err)
		}
		host := d
		if strings.Contains(d, ":") {
			host = "[" + d + "]"
		}
		ds, err := ParseDomains([]string{s}, nil)
		if err != nil {
			t.Fatalf("ParseDomains(%q): %v", s, err)
		}
		if !ds.Allows("https://" + host + "/") {
			t.Fatalf("include %q (%q) does not allow its own host %q", s, d, host)
		}
	})
}

// FuzzKey: keys are stable (a key's URL keys to itself) and never panic.
func FuzzKey(f *testing.F) {
	for _, s := range []string{"https://www.example.org/a/?utm_source=x&b=2&a=1#f", "http://EXAMPLE.org:80",
		"https://example.org/%zz", "https://[::1]:443/x", "mailto:x@y", "https://bücher.example/ä?ref=1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if c := Clean(s); c != "" && Key(c) != k {
			t.Fatalf("Key(%q) = %q but Key(Clean) = %q", s, k, Key(c))
		}
	})
}
