package extract

import "strings"

// A shop's grid, a storefront of picks or a gallery shows each entry as a
// photo beside its name, and labels the photo for a screen reader with
// that same name ("[![Oak desk, 120 cm](/d.jpg)](/p/desk) Oak desk,
// 120 cm"). The text then says every name twice, and the page reads as
// half repetition. An image's alternative text that only repeats a line
// next to it is dropped; the image stays, and so does an alternative
// text that says something its neighbours do not (a chart's summary, a
// photo's caption-less description).

// dropEchoedAlts empties the alternative text of each Markdown image of
// md whose words are, exactly, the words of the rest of its line, of one
// of the cfg.EchoedAltLines non-blank lines after it, or of the
// non-blank line before it.
func dropEchoedAlts(md string, cfg *config) string {
	if !strings.Contains(md, "![") {
		return md
	}
	lines := strings.Split(md, "\n")
	// The words of each non-blank line, images' labels left out (an image
	// does not echo itself, nor another image's label), made on demand:
	// most lines are never a neighbour of an image.
	words := make([]string, len(lines))
	made := make([]bool, len(lines))
	wordsOf := func(i int) string {
		if !made[i] {
			words[i], made[i] = lineWords(dropImageAlts(lines[i])), true
		}
		return words[i]
	}
	changed := false
	prev := -1 // the last non-blank line before i
	for i, line := range lines {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if strings.Contains(line, "![") {
			near := echoNeighbours(lines, i, prev, cfg.EchoedAltLines)
			out := replaceLinks(line, func(b *strings.Builder, l mdLink) int {
				if !l.image {
					b.WriteString(line[l.start:l.text])
					return l.text // a link's text may hold an image
				}
				if alt := lineWords(stripLinks(line[l.text:l.textEnd])); alt != "" && echoes(alt, wordsOf, i, near) {
					b.WriteString(line[l.start:l.text])
					b.WriteString(line[l.textEnd:l.end])
					return l.end
				}
				b.WriteString(line[l.start:l.end])
				return l.end
			})
			if out != line {
				lines[i], changed = out, true
			}
		}
		prev = i
	}
	if !changed {
		return md
	}
	return strings.Join(lines, "\n")
}

// echoNeighbours are the lines an image's label on line i may repeat:
// the non-blank line before it (prev, -1 for none) and the next n
// non-blank lines.
func echoNeighbours(lines []string, i, prev, n int) []int {
	near := make([]int, 0, n+1)
	if prev >= 0 {
		near = append(near, prev)
	}
	for j := i + 1; j < len(lines) && n > 0; j++ {
		if strings.TrimSpace(lines[j]) != "" {
			near = append(near, j)
			n--
		}
	}
	return near
}

// echoes: alt (words joined by one space) is the text of line i without
// its images' labels, or of one of the near lines, letter case aside (a
// card's name is often set in capitals by its markup, not its style).
func echoes(alt string, wordsOf func(int) string, i int, near []int) bool {
	if strings.EqualFold(wordsOf(i), alt) {
		return true
	}
	for _, j := range near {
		if strings.EqualFold(wordsOf(j), alt) {
			return true
		}
	}
	return false
}

// lineWords is the words of a line of Markdown, links reduced to their
// text, joined by one space: two lines that say the same thing in
// different markup ("**Oak desk**", "[Oak desk](/p)") are equal.
func lineWords(line string) string {
	return strings.Join(wordTokens(stripLinks(line), nil), " ")
}
