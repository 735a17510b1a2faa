package weburl

import (
	"errors"
	"testing"
)

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://Example.COM/a?utm_source=x&id=3&UTM_Medium=y#frag", "https://example.com/a?id=3"},
		{"https://example.com/?fbclid=1&gclid=2&msclkid=3", "https://example.com/"},
		{"https://example.com/post?ref=hn&page=2", "https://example.com/post?page=2"},
		{"http://example.com:80/p", "http://example.com/p"},
		{"https://example.com:8443/p?q=a%20b&mc_cid=1", "https://example.com:8443/p?q=a%20b"},
		{"https://example.com", "https://example.com/"},
		{"HTTPS://EXAMPLE.com./x", "https://example.com/x"},
		{"https://bücher.example/x", "https://xn--bcher-kva.example/x"},
		{"http://[::1]:80/x", "http://[::1]/x"},
		{"ftp://example.com/file", ""},
		{"javascript:alert(1)", ""},
		{"http://.", ""},
		{"/relative/path", ""},
		{"https://user:pw@example.com/x", "https://example.com/x"},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKey(t *testing.T) {
	same := [][2]string{
		{"https://Example.com/a/", "http://www.example.com/a"},
		{"https://example.com/a?utm_source=x&b=1", "https://example.com/a?b=1"},
		{"https://example.com/a?ref=newsletter&fbclid=9&gclid=3", "https://example.com/a"},
		{"https://example.com/wiki/A_%28film%29", "https://example.com/wiki/A_(film)"},
		{"https://example.com:443/a#frag", "https://example.com/a"},
		{"http://example.com:80/a", "https://example.com/a"},
		{"https://example.org/a?x=1&y=2", "https://example.org/a?y=2&x=1"},
		{"https://docs.example.org/guide/intro", "http://www.docs.example.org/guide/intro/?utm_campaign=spring"},
		{"https://EXAMPLE.org./", "https://example.org"},
	}
	for _, p := range same {
		if Key(p[0]) != Key(p[1]) {
			t.Errorf("Key(%q)=%q != Key(%q)=%q", p[0], Key(p[0]), p[1], Key(p[1]))
		}
	}
	differ := [][2]string{
		{"https://example.com/a", "https://example.com/b"},
		{"https://example.org/a?id=1", "https://example.org/a?id=2"},
		{"https://example.org/A", "https://example.org/a"},
		{"https://example.org:8443/a", "https://example.org/a"},
		{"https://blog.example.org/a", "https://example.org/a"},
	}
	for _, p := range differ {
		if Key(p[0]) == Key(p[1]) {
			t.Errorf("Key(%q) == Key(%q) = %q: different pages", p[0], p[1], Key(p[0]))
		}
	}
	if got := Key("  not a url "); got != "not a url" {
		t.Errorf("Key of a non-URL = %q, want it trimmed", got)
	}
}

func TestParseDomain(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  bool
	}{
		{"example.org", "example.org", false},
		{"*.example.org", "example.org", false},
		{".example.org", "example.org", false},
		{"www.example.org", "example.org", false},
		{"WWW.Example.ORG", "example.org", false},
		{"example.org.", "example.org", false},
		{"https://www.example.org/path?q=1#x", "example.org", false},
		{"http://docs.example.org:8080", "docs.example.org", false},
		{"example.org:443", "example.org", false},
		{"  blog.example.com  ", "blog.example.com", false},
		{"bücher.example", "xn--bcher-kva.example", false},
		{"xn--bcher-kva.example", "xn--bcher-kva.example", false},
		{"*.gov", "gov", false},
		{"my_host.example", "my_host.example", false},
		{"127.0.0.1", "127.0.0.1", false},
		{"[::1]", "::1", false},
		{"::1", "::1", false},
		{"http://[2001:db8::1]:8080/x", "2001:db8::1", false},
		{"a b", "", true},
		{"example.org\"", "", true},
		{"*", "", true},
		{"*.", "", true},
		{"www.", "www", false}, // a single-label host, like localhost
		{"ex*ample.org", "", true},
		{"*example.org", "", true},
		{"a..b", "", true},
		{"exa!mple.org", "", true},
		{"http://", "", true},
		{"[not-ip]", "", true},
		{"example.org:notaport", "", true},
	}
	for _, tt := range tests {
		got, err := ParseDomain(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseDomain(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestParseDomainsErrors(t *testing.T) {
	_, err := ParseDomains([]string{"example.org", "a b"}, nil)
	if err == nil || err.Error() != `include_domains entry "a b" is not a domain (contains a space, quote or bracket); pass bare names like example.org or *.example.org` {
		t.Errorf("bad include entry: %v", err)
	}
	_, err = ParseDomains(nil, []string{"ex*ample.org"})
	var de *DomainError
	if !errors.As(err, &de) || de.Field != "exclude_domains" {
		t.Errorf("bad exclude entry: %v", err)
	}
	_, err = ParseDomains([]string{"example.org"}, []string{"https://www.example.org/"})
	if err == nil || err.Error() != "include_domains: example.org is both included and excluded; drop it from one list" {
		t.Errorf("conflict: %v", err)
	}
	d, err := ParseDomains([]string{"*.b.example", "", "b.example", "a.example"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Include(); len(got) != 2 || got[0] != "a.example" || got[1] != "b.example" {
		t.Errorf("include list %v, want [a.example b.example] (sorted, deduplicated, blanks skipped)", got)
	}
}

func TestAllows(t *testing.T) {
	tests := []struct {
		include, exclude []string
		url              string
		want             bool
	}{
		{nil, nil, "https://anything.example/x", true},
		{nil, nil, "not a url", false},
		{[]string{"*.example.org"}, nil, "https://www.example.org/a", true},
		{[]string{"*.example.org"}, nil, "https://example.org/a", true},
		{[]string{"*.example.org"}, nil, "https://deep.docs.example.org/a", true},
		{[]string{"www.example.org"}, nil, "https://example.org/a", true},
		{[]string{"www.example.org"}, nil, "https://docs.example.org/a", true},
		{[]string{"example.org"}, nil, "https://WWW.EXAMPLE.ORG./a", true},
		{[]string{"example.org"}, nil, "https://notexample.org/a", false},
		{[]string{"example.org"}, nil, "https://example.org.evil.example/a", false},
		{[]string{"example.org"}, nil, "https://example.com/a", false},
		{[]string{"example.org"}, nil, "mailto:someone@example.org", false},
		{[]string{"bücher.example"}, nil, "https://xn--bcher-kva.example/", true},
		{[]string{"xn--bcher-kva.example"}, nil, "https://BÜCHER.example/", true},
		{[]string{"127.0.0.1"}, nil, "http://127.0.0.1:8080/x", true},
		{[]string{"127.0.0.1"}, nil, "http://1.127.0.0.1/x", false},
		{nil, []string{"pinterest.com"}, "https://www.pinterest.com/pin/1", false},
		{nil, []string{"pinterest.com"}, "https://example.com/pin/1", true},
		{[]string{"example.com"}, []string{"spam.example.com"}, "https://spam.example.com/x", false},
		{[]string{"example.com"}, []string{"spam.example.com"}, "https://ham.example.com/x", true},
	}
	for _, tt := range tests {
		d, err := ParseDomains(tt.include, tt.exclude)
		if err != nil {
			t.Fatalf("%v %v: %v", tt.include, tt.exclude, err)
		}
		if got := d.Allows(tt.url); got != tt.want {
			t.Errorf("include %v exclude %v: Allows(%q) = %v, want %v", tt.include, tt.exclude, tt.url, got, tt.want)
		}
	}
}
