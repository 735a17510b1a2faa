package extract

import (
	"strings"
	"unicode"
)

// A maker's product page marks its claims with footnote signs ("up to 18
// hours of battery life*", "IP68-rated**") and sets the fine print under
// the section that makes them: a legend of lines that each open with the
// sign they explain ("* Typical value tested under laboratory
// conditions.", "** Sold separately.", "† Rates between 0% and 36%
// APR."). The legend is the shop's legal small print, not the product's
// description or specifications; a reader of the product skips it. One
// such line on its own is often a note the page means to be read (a
// sizing remark, "*natural wear and tear will occur"), so only a legend
// of several lines in a row goes.

// footnoteSigns are the signs footnotes open with, after Markdown's
// escaping: the asterisk comes as "\*" (a literal one, not emphasis),
// the others as they are.
var footnoteSigns = []string{`\*`, "†", "‡", "§", "¶", "‖", "Δ", "◊"}

// opensWithFootnoteSign: line (a Markdown line, or a list item's first
// line) opens with a footnote sign and goes on with words ("\*\*" alone
// is a rule of asterisks, not a note). An indented line is inside a list
// or a code block, not a legend.
func opensWithFootnoteSign(line string) bool {
	t := strings.TrimPrefix(line, "- ")
	for _, s := range footnoteSigns {
		if strings.HasPrefix(t, s) {
			// The sign doubled or tripled marks the second and third
			// notes ("\*\*", "††").
			rest := strings.TrimLeft(t[len(s):], `\*†‡§¶‖Δ◊ `)
			return strings.IndexFunc(rest, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
		}
	}
	return false
}

// dropFootnoteLegends removes from md (a shop page's text) the runs of at
// least cfg.FootnoteLegendMinLines lines in a row, blank lines between
// them aside, that each open with a footnote sign. Lines in fenced code
// stay as they are.
func dropFootnoteLegends(md string, cfg *config) string {
	if !strings.Contains(md, `\*`) && !strings.ContainsAny(md, "†‡§¶‖Δ◊") {
		return md // most pages: no sign at all
	}
	lines := strings.Split(md, "\n")
	legend := make([]bool, len(lines))
	var fence codeFence
	var run []int // the lines of the run being read
	found := false
	end := func() {
		if len(run) >= cfg.FootnoteLegendMinLines {
			for _, i := range run {
				legend[i] = true
			}
			found = true
		}
		run = run[:0]
	}
	for i, line := range lines {
		switch {
		case fence.line(line):
			end()
		case strings.TrimSpace(line) == "":
		case opensWithFootnoteSign(line):
			run = append(run, i)
		default:
			end()
		}
	}
	end()
	if !found {
		return md
	}
	return dropMarkdownLines(md, lines, func(i int, _ string) bool { return legend[i] })
}
