package research

import "strings"

// namesPageOf reports that a follow-up search's result titled title is
// the page of name, the one searched for: its title shares most of the
// name's words (nameMatch) and, with NamedPageStrict, is no other thing
// the name's words are part of. A title "Other, Larger Place" is the page
// of the place before the comma ("Kessington, New Harlow" is a town, not
// the page of "New Harlow City", though it shares two of its three
// words), and a title that runs on past the whole name is another thing,
// for English puts a compound's head last ("New Harlow City Waterworks"
// are waterworks, "Ada Penrith Park" is a park). Words before the name
// keep it the same thing ("Old New Harlow", "Older Ada Penrith").
func namesPageOf(title, name string, p *Params) bool {
	if !nameMatch(title, name, p.TitleMatch) {
		return false
	}
	if !p.NamedPageStrict {
		return true
	}
	bt := bareTitle(title)
	if head, ok := qualifiedName(bt); ok {
		if !nameMatch(head, name, p.TitleMatch) {
			return false
		}
		bt = head
	}
	return !runsOnPast(bt, name)
}

// runsOnPast reports that title holds all of name's words in a row with
// more words after them. The first run is the one with the most after it.
func runsOnPast(title, name string) bool {
	n := spaced(nameWords(name))
	if n == " " {
		return false
	}
	t := spaced(nameWords(title))
	at := strings.Index(t, n)
	return at >= 0 && at+len(n) < len(t)
}

// spaced is words one space apart, with a space at each end, so that a
// run of whole words is found by strings.Index.
func spaced(words []string) string { return " " + strings.Join(words, " ") + " " }
