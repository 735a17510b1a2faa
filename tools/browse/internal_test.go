package browse

import (
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
)

func TestCutWindowReassemblesMultibyte(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 300; i++ {
		switch i % 4 {
		case 0:
			b.WriteString("日本語の段落です。灯台の光は遠くまで届きます。")
		case 1:
			b.WriteString("Emoji 🚢⚓🌊 and accents: café naïve façade")
		case 2:
			b.WriteString(strings.Repeat("longwordwithoutspaces", 40))
		case 3:
			b.WriteString("line one\nline two")
		}
		if i%3 == 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	s := b.String()
	for _, maxChars := range []int{500, 777, 3000} {
		var out strings.Builder
		start := 0
		for start < len(s) {
			end := cutWindow(s, start, maxChars)
			w := s[start:end]
			if !utf8.ValidString(w) {
				t.Fatalf("window [%d,%d) cuts a rune", start, end)
			}
			if n := utf8.RuneCountInString(w); n > maxChars || n == 0 {
				t.Fatalf("window of %d runes (max %d)", n, maxChars)
			}
			out.WriteString(w)
			start = end
		}
		if out.String() != s {
			t.Fatalf("max %d: windows do not reassemble", maxChars)
		}
	}
}

func TestByteOffset(t *testing.T) {
	s := "aé日🚢b"
	for runes, want := range []int{0, 1, 3, 6, 10, 11, 11} {
		if got := byteOffset(s, runes); got != want {
			t.Errorf("byteOffset(%d) = %d; want %d", runes, got, want)
		}
	}
}

func page(t *testing.T, name string) string {
	b, err := fixtures.Files.ReadFile("testdata/pages/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestNeedsRender(t *testing.T) {
	tests := []struct {
		name string
		html string
		want bool
	}{
		{"spa fixture", page(t, "spa.html"), true},
		{"article fixture", page(t, "article.html"), false},
		{"hidden fixture", page(t, "hidden.html"), false},
		{"next.js shell", `<html><body><div id="__next"></div><script src="/_next/main.js"></script></body></html>`, true},
		{"vue shell with loading text", `<html><body><div id="app">Loading…</div><script src="/app.js"></script></body></html>`, true},
		{"no scripts, short", `<html><body><p>Short but complete.</p></body></html>`, false},
		{"noscript notice with article", `<html><body><noscript>Please enable JavaScript</noscript><article><p>` + strings.Repeat("Real words here. ", 100) + `</p></article></body></html>`, false},
	}
	for _, tt := range tests {
		if got := needsRender(tt.html, nil); got != tt.want {
			t.Errorf("%s: needsRender = %v; want %v (scan %+v)", tt.name, got, tt.want, scanHTML(tt.html))
		}
	}
}

func TestDetectChallenge(t *testing.T) {
	cf := http.Header{}
	cf.Set("Cf-Mitigated", "challenge")
	article := page(t, "article.html")
	tests := []struct {
		name   string
		status int
		h      http.Header
		body   string
		want   string
	}{
		{"cloudflare fixture", 403, nil, page(t, "challenge.html"), "Cloudflare"},
		{"cloudflare header", 403, cf, "<html></html>", "Cloudflare"},
		{"captcha fixture", 200, nil, page(t, "captcha.html"), "captcha"},
		{"ddg anomaly", 200, nil, `<form id="challenge-form" action="//duckduckgo.com/anomaly.js?sv=html"></form>`, "DuckDuckGo anomaly page"},
		{"hcaptcha 429", 429, nil, `<div class="h-captcha" data-sitekey="x"></div>`, "captcha"},
		{"article", 200, nil, article, ""},
		{"article with captcha comment form", 200, nil, strings.Replace(article, "</article>", `<form><div class="g-recaptcha"></div></form></article>`, 1) + strings.Repeat("<p>More real article text to read.</p>", 40), ""},
		{"plain 404", 404, nil, "<h1>Not found</h1>", ""},
	}
	for _, tt := range tests {
		if got := detectChallenge(tt.status, tt.h, tt.body); got != tt.want {
			t.Errorf("%s: %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestNewPageStripsInvisible(t *testing.T) {
	// Unicode tags (U+E0000 block) spell text no person sees ("ASCII smuggling").
	in := "a\u200bb\u200cc\u200dd\u202eevil\u202c \u2066iso\u2069 \ufeffend\u00ad\U000E0050\U000E0057\u2061\u061c"
	const want = "abcdevil iso end"
	doc := &extract.Document{Title: in, Byline: in, Markdown: in, Links: []extract.Link{{URL: "https://example.com/", Text: in}}}
	p := newPage("https://example.com/", "https://example.com/", 200, "text/plain", false, doc)
	for name, got := range map[string]string{"title": p.Doc.Title, "byline": p.Doc.Byline, "markdown": p.Doc.Markdown, "link": p.Doc.Links[0].Text} {
		if got != want {
			t.Errorf("%s = %q; want %q", name, got, want)
		}
	}
	if p.TotalChars != len(want) {
		t.Errorf("TotalChars = %d; want %d (counted after stripping)", p.TotalChars, len(want))
	}
}
