package extract

import (
	"strings"
)

// A shop theme often writes a card's name and price twice: a heading
// over the photo for one layout and another under it for the other, a
// "regular" and a "sale" price of which its stylesheet shows one. With
// the stylesheet gone, the card reads "Dark Roast / Dark Roast / $19.99 /
// $19.99". A list item is one card (one entry): a line of it that says
// again, word for word, the line just before it in the same item is the
// markup's copy. Across items the same line is each entry's own (two
// products at one price), and outside lists it may be a refrain.

// dropCardRepeats removes each line of a list item in md whose words
// (links reduced to their text, list marks and emphasis aside, case
// aside) are those of the item's previous non-blank line, with the blank
// line that set it apart.
func dropCardRepeats(md string) string {
	if !strings.Contains(md, "\n") || !strings.Contains(md, "- ") && !strings.Contains(md, "* ") && !strings.Contains(md, ". ") {
		return md
	}
	lines := strings.Split(md, "\n")
	out := lines[:0:0]
	var fence codeFence
	inItem := false
	prev := "" // the item's last non-blank line, links reduced to their text
	dropped := false
	for _, line := range lines {
		if fence.line(line) {
			inItem, prev = false, ""
			out = append(out, line)
			continue
		}
		blank := strings.TrimSpace(line) == ""
		switch {
		case blank:
		case isListItem(line):
			inItem = true
			body, _ := listItemBody(line)
			prev = linkTexts(body)
			out = append(out, line)
			continue
		case !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "\t"):
			inItem, prev = false, "" // a line at the margin ends the list
		}
		if blank {
			out = append(out, line)
			continue
		}
		w := linkTexts(line)
		if inItem && sameWords(w, prev) {
			if n := len(out); n > 0 && strings.TrimSpace(out[n-1]) == "" {
				out = out[:n-1] // the blank line before the copy goes with it
			}
			dropped = true
			continue
		}
		if inItem {
			prev = w
		}
		out = append(out, line)
	}
	if !dropped {
		return md
	}
	return strings.Join(out, "\n")
}

// linkTexts is line with its links reduced to their text (stripLinks),
// copied only when it holds one.
func linkTexts(line string) string {
	if !strings.Contains(line, "](") {
		return line
	}
	return stripLinks(line)
}

// sameWords: a and b hold the same words (wordTokens), at least one,
// letter case aside, read in step without building them: this compares
// every line of a page's lists with the line before it.
func sameWords(a, b string) bool {
	i, j := 0, 0
	words := 0
	for {
		var wa, wb string
		wa, i = nextWord(a, i)
		wb, j = nextWord(b, j)
		if wa == "" || wb == "" {
			return wa == wb && words > 0
		}
		if !strings.EqualFold(wa, wb) {
			return false
		}
		words++
	}
}
