package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestDropEscapedBlankLines(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"[Skillet 20 cm  \n\\\nCast iron  \n\\\n€34.90](https://x.example/1)",
			"[Skillet 20 cm  \nCast iron  \n€34.90](https://x.example/1)"},
		// In a list item the lines are indented.
		{"- [Canvas tote  \n  \\\n  Sand beige](https://x.example/2)", "- [Canvas tote  \n  Sand beige](https://x.example/2)"},
		// A backslash line after a line with no hard break is text.
		{"one\n\\\ntwo", "one\n\\\ntwo"},
		// Fenced code is left alone.
		{"```\necho a  \n\\\n```", "```\necho a  \n\\\n```"},
		// A longer fence quoting a shorter one: the "```" line inside is
		// code, and so is the backslash line after it.
		{"````\n```\necho a  \n\\\n````", "````\n```\necho a  \n\\\n````"},
		{"~~~\necho a  \n\\\n~~~", "~~~\necho a  \n\\\n~~~"},
		// After the block closes, a card link's lines are text again.
		{"````\n```\n````\n[A  \n\\\nB](/p)", "````\n```\n````\n[A  \nB](/p)"},
		{"", ""},
		{"\\", "\\"},
	} {
		if got := dropEscapedBlankLines(tc.in); got != tc.want {
			t.Errorf("dropEscapedBlankLines(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestToMarkdownCardLinkHasNoEscapedLines: a card written as one link
// around block elements renders as one link of lines, with no line that
// is only a backslash.
func TestToMarkdownCardLinkHasNoEscapedLines(t *testing.T) {
	n, err := html.Parse(strings.NewReader(`<ul><li><a href="https://shop.example/p/1"><div class="name">Skillet 20 cm</div>
<div class="material"><div>Cast iron</div></div><div class="price"><span>€34.90</span></div></a></li></ul>`))
	if err != nil {
		t.Fatal(err)
	}
	md, err := toMarkdown(n)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(md, "\n") {
		if strings.TrimSpace(line) == `\` {
			t.Fatalf("a lone backslash line in:\n%s", md)
		}
	}
	for _, want := range []string{"Skillet 20 cm", "Cast iron", "€34.90](https://shop.example/p/1)"} {
		if !strings.Contains(md, want) {
			t.Errorf("%q lost:\n%s", want, md)
		}
	}
}

// TestToMarkdownCodeQuotingAFenceKeepsBackslashes: a code block whose
// text holds a "```" line is fenced with "````" by the converter; a
// backslash line in it is code and stays.
func TestToMarkdownCodeQuotingAFenceKeepsBackslashes(t *testing.T) {
	n, err := html.Parse(strings.NewReader("<h2>Shell continuation</h2><p>Write the fence, then the lines:</p>" +
		"<pre><code>cat &lt;&lt;EOF\n```\nEOF\nprintf 'a'  \n\\\nprintf 'b'</code></pre><p>Done.</p>"))
	if err != nil {
		t.Fatal(err)
	}
	md, err := toMarkdown(n)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md, "printf 'a'  \n\\\nprintf 'b'") {
		t.Errorf("the backslash line of the code block was lost:\n%s", md)
	}
}

func FuzzDropEscapedBlankLines(f *testing.F) {
	for _, s := range []string{"a  \n\\\nb", "```\n  \n\\\n```\n  \n\\", "  \n\\\n  \n\\\n", "\\\n\\\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := dropEscapedBlankLines(s)
		if len(got) > len(s) {
			t.Fatalf("grew: %q -> %q", s, got)
		}
		// Only lone-backslash lines go: the other lines stay, in order.
		var kept []string
		for _, l := range strings.Split(s, "\n") {
			if strings.TrimLeft(l, " \t") != `\` {
				kept = append(kept, l)
			}
		}
		var gotKept []string
		for _, l := range strings.Split(got, "\n") {
			if strings.TrimLeft(l, " \t") != `\` {
				gotKept = append(gotKept, l)
			}
		}
		if strings.Join(kept, "\n") != strings.Join(gotKept, "\n") {
			t.Fatalf("other lines changed: %q -> %q", s, got)
		}
	})
}
