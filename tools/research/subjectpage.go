package research

import "strings"

// Which read page is the page of a hop's subject: how surely its title
// names it.

// titleLevel is how surely a page title names subject: 3 the same words
// with the same qualifier, 2 the same words once qualifiers are dropped
// (and no two different qualifiers), 1 the words of one all among the
// other's (subjectTitle), 0 not its page.
func titleLevel(title, subject string) int {
	strip := func(s string) string {
		s = strings.ToLower(strings.Join(nameWords(s), " "))
		for _, a := range []string{"the ", "a ", "an "} {
			s = strings.TrimPrefix(s, a)
		}
		return s
	}
	site := withoutSite(title)
	tq, sq := qualifier(site), qualifier(subject)
	switch {
	case tq != "" && sq != "" && !strings.EqualFold(tq, sq):
		return 0 // "Empress Wang (Jingtai)" is not "Empress Wang (Gaozong)"
	case strip(site) == strip(subject):
		return 3
	case strip(bareTitle(title)) == strip(bareTitle(subject)):
		return 2
	case subjectTitle(title, bareTitle(subject)):
		return 1
	}
	return 0
}

// qualifier is the parenthesised end of a name ("film" in "Egg (film)").
func qualifier(name string) string {
	name = strings.TrimSpace(name)
	if !strings.HasSuffix(name, ")") {
		return ""
	}
	if i := strings.LastIndex(name, " ("); i > 0 {
		return strings.TrimSpace(name[i+2 : len(name)-1])
	}
	return ""
}

// subjectTitle reports a page title that names subject: the words of one
// (without a qualifier) are all words of the other ("Ted Mosby" for "Older
// Ted Mosby", "The Lego Batman Movie" for "Lego Batman Movie"). Sharing
// most words is not enough: "Battle of Alhandic" is not the page of
// "Battle of Peleliu", nor "Fenton High School" that of "Redan High School".
//
// A name that is the other's after "of" is another thing: "Battle of
// Kell's Point" is not the page of "Kell's Point", nor the other
// way round ("the Battle of X" happened at X; "the Duke of X" is not X).
// A place's page is not the page of the place it is in ("Rochester, New
// York" for "New York"). A list page ("List of X characters") is about X: its rows answer hops
// about X's parts.
func subjectTitle(title, subject string) bool {
	bt := bareTitle(title)
	t, s := nameTokens(bt), nameTokens(subject)
	if len(t) == 0 || len(s) == 0 {
		return false
	}
	if headOf(bt, subject) || headOf(subject, bt) || placedIn(bt, subject) || placedIn(subject, bt) {
		return false
	}
	return allIn(t, s) || allIn(s, t)
}

// placedIn reports that long is a thing placed in short: "Rochester, New
// York" is Rochester's page, not New York's; the qualifier after the comma
// is where it is.
func placedIn(long, short string) bool {
	i := strings.Index(long, ", ")
	if i <= 0 {
		return false
	}
	head, rest := strings.ToLower(long[:i]), strings.ToLower(long[i+2:])
	sh := strings.ToLower(strings.TrimSpace(short))
	return sh != "" && containsWords(rest, sh) && !containsWords(head, sh)
}

// headOf reports that long names another thing of short: "N of short" with
// a head noun N that does not make a list page ("Battle of Peleliu" of
// "Peleliu"; not "List of Peleliu battles").
func headOf(long, short string) bool {
	l := strings.ToLower(strings.Join(nameWords(long), " "))
	sh := strings.ToLower(strings.Join(nameWords(short), " "))
	i := strings.LastIndex(l, " of ")
	if i <= 0 || sh == "" {
		return false
	}
	// The whole of short is what follows "of" ("Battle of X", not "For
	// Love of Water and X").
	if rest := strings.TrimPrefix(l[i+4:], "the "); rest != sh {
		return false
	}
	head := strings.Fields(l[:i])
	return len(head) > 0 && head[0] != "list" && head[0] != "lists"
}

func allIn(a, b []string) bool {
	in := map[string]bool{}
	for _, x := range b {
		in[x] = true
	}
	for _, x := range a {
		if !in[x] && x != "the" && x != "a" && x != "an" {
			return false
		}
	}
	return true
}
