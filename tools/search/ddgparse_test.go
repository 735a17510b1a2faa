package search

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
)

// sharedPages returns ../shared/datasets/search-pages, skipping the test on
// a user's clone without it and failing in CI, where it must be present.
func sharedPages(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
	pages := filepath.Join(dir, "..", "shared", "datasets", "search-pages")
	if _, err := os.Stat(pages); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("datasets missing in CI: %v", err)
		}
		t.Skipf("skipping: %s not present (real saved search pages live beside the project in ../shared)", pages)
	}
	return pages
}

func readShared(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(sharedPages(t), name))
	if err != nil {
		t.Fatal(err)
	}
	// The saved HTML page has the HTTP response headers above <!DOCTYPE.
	if bytes.HasPrefix(b, []byte("HTTP/")) {
		if i := bytes.Index(b, []byte("\n\n")); i >= 0 {
			b = b[i+2:]
		} else if i := bytes.Index(b, []byte("\r\n\r\n")); i >= 0 {
			b = b[i+4:]
		}
	}
	return b
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := fixtures.Files.ReadFile("testdata/search/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseDuckDuckGoRealPages(t *testing.T) {
	tests := []struct {
		file       string
		wantN      int
		wantFirst  Result
		wantSecond string // URL of the second result
	}{
		{
			file:       "ddg_html_pagina_1.html",
			wantN:      10,
			wantFirst:  Result{Title: "Rust Programming Language", URL: "https://rust-lang.org/"},
			wantSecond: "https://en.wikipedia.org/wiki/Rust_(programming_language)",
		},
		{
			file:       "ddg_lite_pagina_1.html",
			wantN:      10,
			wantFirst:  Result{Title: "Rust Programming Language", URL: "https://rust-lang.org/"},
			wantSecond: "https://en.wikipedia.org/wiki/Rust_(programming_language)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := parseDuckDuckGo(readShared(t, tt.file))
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			if len(got) != tt.wantN {
				t.Fatalf("got %d results, want %d", len(got), tt.wantN)
			}
			if cleanText(got[0].Title) != tt.wantFirst.Title || got[0].URL != tt.wantFirst.URL {
				t.Errorf("first = %q %q, want %q %q", cleanText(got[0].Title), got[0].URL, tt.wantFirst.Title, tt.wantFirst.URL)
			}
			if got[1].URL != tt.wantSecond {
				t.Errorf("second URL = %q, want %q", got[1].URL, tt.wantSecond)
			}
			for i, r := range got {
				if strings.Contains(r.URL, "duckduckgo.com") || !strings.HasPrefix(r.URL, "http") {
					t.Errorf("result %d URL not decoded: %q", i+1, r.URL)
				}
				if cleanText(r.Snippet) == "" {
					t.Errorf("result %d has no snippet", i+1)
				}
			}
			snip := cleanText(got[0].Snippet)
			if !strings.HasPrefix(snip, "Rust is a fast, reliable, and productive programming language") {
				t.Errorf("first snippet = %q", snip)
			}
		})
	}
}

func TestParseDuckDuckGoRealInterstitials(t *testing.T) {
	for _, file := range []string{"interstitial_cloudflare_anomaly_2026.html", "interstitial_ddg_anomaly.html"} {
		t.Run(file, func(t *testing.T) {
			got, err := parseDuckDuckGo(readShared(t, file))
			if !errors.Is(err, ErrBlocked) {
				t.Fatalf("got %d results, err %v; want ErrBlocked", len(got), err)
			}
		})
	}
}

func TestParseDuckDuckGoFixtures(t *testing.T) {
	tests := []struct {
		file     string
		wantErr  error
		wantURLs []string
	}{
		{
			file: "ddg_html.html",
			wantURLs: []string{
				"http://fixture.invalid/pages/article?utm_source=ddg&utm_medium=organic",
				"https://docs.example.org/guide/intro#install",
				"https://blog.example.com/2025/01/post?id=7&fbclid=IwAR0abc",
				"http://fixture.invalid/pages/spa",
				"https://www.docs.example.org/guide/intro/?utm_campaign=spring",
				"https://www.example.net/research/paper.pdf",
				"http://fixture.invalid/pages/long",
				"https://news.example.com/world/story",
			},
		},
		{
			file: "ddg_lite.html",
			wantURLs: []string{
				"http://fixture.invalid/pages/article",
				"https://docs.example.org/guide/intro",
				"http://fixture.invalid/pages/long",
			},
		},
		{file: "ddg_html_noresults.html", wantURLs: []string{}},
		{file: "ddg_anomaly.html", wantErr: ErrBlocked},
		{file: "cloudflare_challenge.html", wantErr: ErrBlocked},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := parseDuckDuckGo(readFixture(t, tt.file))
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got == nil {
				t.Fatal("nil results; want an empty, non-nil list for a no-results page")
			}
			var urls []string
			for _, r := range got {
				urls = append(urls, r.URL)
			}
			if strings.Join(urls, "\n") != strings.Join(tt.wantURLs, "\n") {
				t.Errorf("URLs:\n%s\nwant:\n%s", strings.Join(urls, "\n"), strings.Join(tt.wantURLs, "\n"))
			}
		})
	}
}

func TestParseDuckDuckGoUnknownLayout(t *testing.T) {
	_, err := parseDuckDuckGo([]byte("<html><head><title>Maintenance</title></head><body><p>Back soon</p></body></html>"))
	if !errors.Is(err, ErrMalformed) {
		t.Fatalf("err = %v, want ErrMalformed (an unreadable page must not look like zero results)", err)
	}
}

func TestDecodeDDGLink(t *testing.T) {
	tests := []struct{ in, want string }{
		{"//duckduckgo.com/l/?uddg=https%3A%2F%2Frust%2Dlang.org%2F&rut=abc", "https://rust-lang.org/"},
		{"https://duckduckgo.com/l/?uddg=https%3A%2F%2Fexample.org%2Fa%3Fb%3D1%26c%3D2&rut=x", "https://example.org/a?b=1&c=2"},
		{"/l/?uddg=http%3A%2F%2Fexample.com%2F", "http://example.com/"},
		{"https://example.org/direct", "https://example.org/direct"},
		{"https://duckduckgo.com/y.js?ad_domain=x", ""},
		{"//duckduckgo.com/feedback.html", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := decodeDDGLink(tt.in); got != tt.want {
			t.Errorf("decodeDDGLink(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseDuckDuckGoSkipsAdsWithOrdinaryLinks(t *testing.T) {
	page := `<div id="links">
<div class="result results_links result--ad"><h2><a class="result__a" href="https://shop.example.com/buy">Ad by class</a></h2></div>
<div class="result web-result"><h2><a class="result__a" href="https://shop.example.com/x">Ad by badge</a><span class="badge--ad">Ad</span></h2></div>
<div class="result web-result"><h2><a class="result__a" href="https://real.example.org/">Real</a></h2><a class="result__snippet">s</a></div>
</div>`
	got, err := parseDuckDuckGo([]byte(page))
	if err != nil || len(got) != 1 || got[0].URL != "https://real.example.org/" {
		t.Fatalf("got %+v, %v; want only the organic result", got, err)
	}
}
