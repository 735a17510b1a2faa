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
func subjectTitle(title, subject string) bool {
	t, s := nameTokens(bareTitle(title)), nameTokens(subject)
	if len(t) == 0 || len(s) == 0 {
		return false
	}
	return allIn(t, s) || allIn(s, t)
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
