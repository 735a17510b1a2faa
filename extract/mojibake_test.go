package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// latin1Twice and cp1252Twice are s as a page shows it after its UTF-8
// bytes were read as Latin-1 (or Windows-1252) and written out as UTF-8
// again.
func latin1Twice(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}

func cp1252Twice(s string) string {
	// The library's table, not the package's, so that a wrong byte in
	// either shows.
	dec := charmap.Windows1252.NewDecoder()
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if out, err := dec.Bytes([]byte{s[i]}); err == nil && !strings.ContainsRune(string(out), utf8.RuneError) {
			b.Write(out)
		} else {
			b.WriteRune(rune(s[i]))
		}
	}
	return b.String()
}

func TestRepairMojibake(t *testing.T) {
	prose := "We’ve tested it — twice… “It’s fine,” said the café’s owner. 🎉"
	for _, tc := range []struct {
		name, in, want string
	}{
		{"read as Latin-1", latin1Twice(prose), prose},
		{"read as Windows-1252", cp1252Twice(prose), prose},
		{"already right", prose, prose},
		{"a few marks only: written on purpose", "Ã© is how é looks when it goes wrong, and â€™ is how ’ does.", "Ã© is how é looks when it goes wrong, and â€™ is how ’ does."},
		{"cut short at the end", latin1Twice(prose) + "\u00e2\u0080", prose + "\u00e2\u0080"},
		{"lead without its continuations stays", latin1Twice(prose) + " Ã and Â, then plain.", prose + " Ã and Â, then plain."},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := repairMojibake(tc.in, 3); got != tc.want {
				t.Errorf("repairMojibake(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestRepairMojibakeMinRunsFromConfig: the evidence a page needs is the
// config's: two marks repair at 2, not at 3.
func TestRepairMojibakeMinRunsFromConfig(t *testing.T) {
	in := cp1252Twice("It’s here — now.")
	if got := repairMojibake(in, 3); got != in {
		t.Errorf("repaired on two marks with 3 required: %q", got)
	}
	if got, want := repairMojibake(in, 2), "It’s here — now."; got != want {
		t.Errorf("repairMojibake(%q, 2) = %q, want %q", in, got, want)
	}
}

// TestFromHTMLDoubleEncodedPage: a blog post saved double-encoded (its
// charset meta says UTF-8, its text went through Latin-1 once) reads as
// written, title included.
func TestFromHTMLDoubleEncodedPage(t *testing.T) {
	paras := []string{
		"We’ve spent a month with the new release, and it’s the calmest upgrade we’ve made in years — nothing broke.",
		"The café down the street runs it on a laptop; the owner says “it just works”, which is the best review there is…",
		"Next week we’ll look at the build times, which are where the release promises the most.",
	}
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>What we’ve learned | Example Blog</title>
<meta property="og:type" content="article"><script>window.dataLayer=[];</script></head><body>
<header><nav><a href="/">Example Blog</a> <a href="/about">About</a></nav></header>
<main><article><h1>What we’ve learned</h1><p class="byline">By Ana Müller · 3 min read</p>`
	for _, p := range paras {
		page += "<p>" + p + "</p>"
	}
	page += `</article></main><footer><p>© 2025 Example Blog</p></footer></body></html>`
	d, err := FromHTML(latin1Twice(page), mustURL(t, "https://blog.example/2025/learned"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paras {
		if !strings.Contains(d.Markdown, p) {
			t.Errorf("lacks %q:\n%s", p, d.Markdown)
		}
	}
	if !strings.Contains(d.Title, "What we’ve learned") {
		t.Errorf("title %q, want it repaired", d.Title)
	}
	if strings.ContainsAny(d.Markdown, "\u00e2\u00c3\u0080") {
		t.Errorf("mojibake left:\n%s", d.Markdown)
	}
}

// FuzzRepairMojibake: any text gives valid UTF-8 no longer than itself,
// and text without the marks comes back as it is.
func FuzzRepairMojibake(f *testing.F) {
	for _, s := range []string{"", latin1Twice("We’ve — “ok” 🎉 é"), cp1252Twice("It’s — …"), "Ã\u0080\u0080Ã", "\u00f4\u0080\u0080\u0080\u00e2\u0080\u00e2\u0080\u00e2\u0080"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ToValidUTF8(s, "\uFFFD") // as prepareInput gives it
		got := repairMojibake(s, 1)
		if !utf8.ValidString(got) || len(got) > len(s) {
			t.Fatalf("repairMojibake(%q) = %q", s, got)
		}
		if !strings.Contains(s, "\u00e2\u0080") && !strings.Contains(s, "\u00e2\u20ac") && got != s {
			t.Fatalf("changed text without marks: %q -> %q", s, got)
		}
	})
}
