package research

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
// more words after them.
func runsOnPast(title, name string) bool {
	t, n := nameWords(title), nameWords(name)
	if len(n) == 0 || len(t) <= len(n) {
		return false
	}
	for i := 0; i+len(n) < len(t); i++ {
		match := true
		for k := range n {
			if t[i+k] != n[k] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}
