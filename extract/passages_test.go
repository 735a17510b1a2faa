package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

const passageDoc = `# Guide

Intro paragraph one.

Intro paragraph two.

## Install

Run the installer and follow the steps.

- first item
- second item
- third item

## Use

| a | b |
|---|---|
| 1 | 2 |

` + "```\ncode line one\n\ncode line two after a blank\n```" + `

Final words.`

func checkOffsets(t *testing.T, md string, ps []Passage) {
	t.Helper()
	last := 0
	for i, p := range ps {
		if p.Start < last || p.End < p.Start || p.End > len(md) {
			t.Fatalf("passage %d has bad range [%d,%d) after %d", i, p.Start, p.End, last)
		}
		if md[p.Start:p.End] != p.Text {
			t.Fatalf("passage %d: md[%d:%d] = %q, Text = %q", i, p.Start, p.End, md[p.Start:p.End], p.Text)
		}
		if strings.TrimSpace(p.Text) == "" || !utf8.ValidString(p.Text) {
			t.Fatalf("passage %d is empty or cut inside a character: %q", i, p.Text)
		}
		last = p.End
	}
}

func TestSplitPassages(t *testing.T) {
	tests := []struct {
		name     string
		md       string
		maxChars int
		check    func(t *testing.T, ps []Passage)
	}{
		{
			name: "headings attach, small blocks merge, list/table/code whole", md: passageDoc, maxChars: 60,
			check: func(t *testing.T, ps []Passage) {
				var texts []string
				for _, p := range ps {
					texts = append(texts, p.Text)
				}
				all := strings.Join(texts, "\n§\n")
				for _, whole := range []string{"- first item\n- second item\n- third item", "| a | b |\n|---|---|\n| 1 | 2 |",
					"```\ncode line one\n\ncode line two after a blank\n```"} {
					if !strings.Contains(all, whole) {
						t.Errorf("block split apart: %q\npassages:\n%s", whole, all)
					}
				}
				if !strings.HasPrefix(ps[0].Text, "# Guide\n\nIntro paragraph one.") || ps[0].Heading != "Guide" {
					t.Errorf("first passage %+v", ps[0])
				}
				for _, p := range ps {
					if strings.Contains(p.Text, "first item") && p.Heading != "Install" {
						t.Errorf("list passage heading %q, want Install", p.Heading)
					}
					if strings.Contains(p.Text, "Final words") && p.Heading != "Use" {
						t.Errorf("last passage heading %q, want Use", p.Heading)
					}
					if strings.HasPrefix(p.Text, "## ") && strings.TrimSpace(strings.SplitN(p.Text, "\n", 2)[0]) == p.Text {
						t.Errorf("heading alone in a passage: %q", p.Text)
					}
				}
			},
		},
		{
			name: "long paragraph cut at sentences within maxChars", md: strings.Repeat("This is a sentence of moderate length. ", 40), maxChars: 200,
			check: func(t *testing.T, ps []Passage) {
				if len(ps) < 7 {
					t.Fatalf("got %d passages", len(ps))
				}
				for _, p := range ps {
					if len(p.Text) > 200 {
						t.Errorf("passage of %d bytes > 200", len(p.Text))
					}
					if !strings.HasSuffix(p.Text, ".") {
						t.Errorf("not cut at a sentence end: %q", p.Text)
					}
				}
			},
		},
		{
			name: "long list cut at line boundaries", md: strings.Repeat("- list item with some words\n", 50), maxChars: 100,
			check: func(t *testing.T, ps []Passage) {
				for _, p := range ps {
					if len(p.Text) > 100 || !strings.HasPrefix(p.Text, "- ") {
						t.Errorf("bad list piece %q", p.Text)
					}
				}
			},
		},
		{
			name: "multibyte text never cut inside a rune", md: strings.Repeat("日本語のテキスト", 100), maxChars: 50,
			check: func(t *testing.T, ps []Passage) {
				if len(ps) < 10 {
					t.Errorf("got %d passages", len(ps))
				}
			},
		},
		{
			name: "default size when maxChars is 0", md: strings.Repeat("word ", 1000), maxChars: 0,
			check: func(t *testing.T, ps []Passage) {
				for _, p := range ps {
					if len(p.Text) > defaultPassageChars {
						t.Errorf("passage of %d bytes", len(p.Text))
					}
				}
			},
		},
		{name: "empty", md: "", maxChars: 100, check: func(t *testing.T, ps []Passage) {
			if len(ps) != 0 {
				t.Errorf("got %d passages", len(ps))
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ps := SplitPassages(tc.md, tc.maxChars)
			checkOffsets(t, tc.md, ps)
			tc.check(t, ps)
		})
	}
}
