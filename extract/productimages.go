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
	return replaceLinks(md, func(b *strings.Builder, l mdLink) int {
		b.WriteString(md[l.start:l.text]) // up to the text's opening bracket
		if !l.image {
			return l.text // a link's text is read on: it may hold an image
		}
		b.WriteString(md[l.textEnd:l.end])
		return l.end
	})
}
