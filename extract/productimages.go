package extract

import "strings"

// A shop's product page shows the product in a gallery of photos, and
// labels each photo with the product's name again ("Trail shoe - side
// view", "Trail shoe - image 3 of 8"), or with what a marketing shot
// shows ("A person working on a laptop in a plane seat"). The labels are
// for a screen reader standing in for the photos; a reader of the page's
// text reads the name once in its title. On a shop page the images stay,
// their alternative text goes.

// dropImageAlts empties the alternative text of the Markdown images in md
// ("![Trail shoe, side](/s.jpg)" becomes "![](/s.jpg)"), images inside
// links included. Anything that is not a well-formed image is copied as
// it is.
func dropImageAlts(md string) string {
	if !strings.Contains(md, "![") {
		return md
	}
	var b strings.Builder
	b.Grow(len(md))
	for i := 0; i < len(md); {
		j := strings.Index(md[i:], "![")
		if j < 0 {
			b.WriteString(md[i:])
			break
		}
		j += i
		if escaped(md, j) {
			b.WriteString(md[i : j+2])
			i = j + 2
			continue
		}
		end := matchBracket(md, j+1, '[', ']')
		if end < 0 || end+1 >= len(md) || md[end+1] != '(' || matchBracket(md, end+1, '(', ')') < 0 {
			b.WriteString(md[i : j+2])
			i = j + 2
			continue
		}
		b.WriteString(md[i : j+2])
		i = end // the "](" and the address are copied with what follows
	}
	return b.String()
}

// escaped: the byte at i is preceded by an odd run of backslashes.
func escaped(s string, i int) bool {
	n := 0
	for k := i - 1; k >= 0 && s[k] == '\\'; k-- {
		n++
	}
	return n%2 == 1
}
