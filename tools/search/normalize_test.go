package search

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestCleanText(t *testing.T) {
	tests := []struct {
		in, want string
		html     bool // the field is HTML (Brave)
	}{
		{"<b>Rust</b> is   fast\n and <strong>safe</strong>", "Rust is fast and safe", true},
		{"Tom &amp; Jerry &#x27;cartoon&#x27; &lt;3", "Tom & Jerry 'cartoon' <3", true},
		{"a < b and c > d", "a < b and c > d", true},
		{`<span class="highlight">x</span>&nbsp;y`, "x y", true},
		{"vector<int> size &amp; more", "vector<int> size &amp; more", false},
		{"plain", "plain", false},
		{"  ", "", false},
		{"zero\u200bwidth \u202ebidi\u202c tags\U000E0050\U000E0057", "zerowidth bidi tags", false},
	}
	for _, tt := range tests {
		in := tt.in
		if tt.html {
			in = htmlText(in)
		}
		if got := cleanText(in); got != tt.want {
			t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeResults(t *testing.T) {
	q, err := newQuery(Request{Query: "x", MaxResults: 3, ExcludeDomains: []string{"bad.example"}}, region{})
	if err != nil {
		t.Fatal(err)
	}
	in := []Result{
		{Title: "  One\u200b ", URL: "https://a.example/1?utm_source=z"},
		{Title: "Dup", URL: "https://www.a.example/1/#top", Snippet: "from the duplicate", Published: "2025-01-01"},
		{Title: "Excluded", URL: "https://sub.bad.example/x"},
		{Title: "Not http", URL: "mailto:x@y.example"},
		{Title: "", URL: "https://b.example/2"},
		{Title: "Three", URL: "https://c.example/3"},
		{Title: "Four (over max)", URL: "https://d.example/4"},
	}
	got := normalizeResults(in, q)
	want := []Result{
		{Rank: 1, Title: "One", URL: "https://a.example/1", Snippet: "from the duplicate", Published: "2025-01-01"},
		{Rank: 2, Title: "b.example", URL: "https://b.example/2"},
		{Rank: 3, Title: "Three", URL: "https://c.example/3"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("result %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestNewQueryValidation(t *testing.T) {
	tests := []struct {
		name    string
		req     Request
		wantErr string // substring; "" means valid
		wantMax int
	}{
		{"default max", Request{Query: "  go   generics "}, "", 10},
		{"max 20", Request{Query: "x", MaxResults: 20}, "", 20},
		{"max 21", Request{Query: "x", MaxResults: 21}, "between 1 and 20", 0},
		{"negative", Request{Query: "x", MaxResults: -1}, "between 1 and 20", 0},
		{"empty", Request{Query: "   "}, "query is empty", 0},
		{"too long", Request{Query: strings.Repeat("a", 401)}, "keep it under 400", 0},
		{"bad recency", Request{Query: "x", Recency: "hour"}, "day, week, month, year", 0},
		{"bad domain", Request{Query: "x", IncludeDomains: []string{"a b"}}, "not a domain", 0},
		{"conflict", Request{Query: "x", IncludeDomains: []string{"example.org"}, ExcludeDomains: []string{"https://www.example.org/"}}, "both included and excluded", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := newQuery(tt.req, region{})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.Is(err, ErrInvalidRequest) {
					t.Fatalf("err = %v, want ErrInvalidRequest containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if q.max != tt.wantMax {
				t.Errorf("max = %d, want %d", q.max, tt.wantMax)
			}
		})
	}
}

func TestWithSites(t *testing.T) {
	tests := []struct {
		include, exclude []string
		or               bool
		want             string
	}{
		{nil, nil, true, "go generics"},
		{[]string{"go.dev"}, nil, false, "go generics site:go.dev"},
		{[]string{"https://www.go.dev/doc", "pkg.go.dev"}, nil, true, "go generics (site:go.dev OR site:pkg.go.dev)"},
		{[]string{"go.dev", "pkg.go.dev"}, nil, false, "go generics"},
		{nil, []string{"pinterest.com", "*.quora.com"}, true, "go generics -site:pinterest.com -site:quora.com"},
	}
	for _, tt := range tests {
		q, err := newQuery(Request{Query: "go generics", IncludeDomains: tt.include, ExcludeDomains: tt.exclude}, region{})
		if err != nil {
			t.Fatal(err)
		}
		if got := q.withSites(tt.or); got != tt.want {
			t.Errorf("withSites(%v) = %q, want %q", tt.or, got, tt.want)
		}
	}
}

func TestAllowedSubdomains(t *testing.T) {
	q, _ := newQuery(Request{Query: "x", IncludeDomains: []string{"example.org"}, ExcludeDomains: []string{"ads.example.org"}}, region{})
	tests := map[string]bool{
		"example.org": true, "docs.example.org": true, "www.example.org": true,
		"ads.example.org": false, "x.ads.example.org": false, "notexample.org": false, "example.org.evil.com": false,
	}
	for host, want := range tests {
		if got := q.domains.AllowsHost(host); got != want {
			t.Errorf("allowed(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestPublishedDate(t *testing.T) {
	now := time.Date(2026, 4, 14, 12, 0, 0, 0, time.UTC)
	tests := map[string]string{
		"2025-01-10T12:00:00":  "2025-01-10",
		"2025-01-10T12:00:00Z": "2025-01-10",
		"Jan 10, 2025":         "2025-01-10",
		"January 10, 2025":     "2025-01-10",
		"3 days ago":           "2026-04-11",
		"1 week ago":           "2026-04-07",
		"5 hours ago":          "2026-04-14",
		"last Tuesday":         "last Tuesday",
		"":                     "",
	}
	for in, want := range tests {
		if got := publishedDate(in, now); got != want {
			t.Errorf("publishedDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseRegion(t *testing.T) {
	tests := []struct {
		in   string
		ok   bool
		want region
	}{
		{"", true, region{}},
		{"wt-wt", true, region{}},
		{"us-en", true, region{kl: "us-en", country: "us", language: "en"}},
		{"TW-TZH", true, region{kl: "tw-tzh", country: "tw", language: "tzh"}},
		{"english", false, region{}},
		{"u-en", false, region{}},
	}
	for _, tt := range tests {
		got, ok := parseRegion(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("parseRegion(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
