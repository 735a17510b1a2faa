package research

import "testing"

// TestNamesEntityPlaceTitle: a search result titled "Name, Larger Place"
// is the page of the question's entity Name, and "Other, Name" is a place
// in Name, not Name's page; with the rule off the first is missed and
// the second taken.
func TestNamesEntityPlaceTitle(t *testing.T) {
	for _, c := range []struct {
		title, entity string
		on, off       bool
	}{
		{"Dorran, Tavaria - Miniweb", "Dorran", true, false},                // a namesake told apart by its state
		{"Dorran, Tavaria", "Dorran", true, false},                          // no site name
		{"Orrin Vale, West Tavaria", "Orrin Vale", true, true},              // two words matched already
		{"Hugo IV, Count of Varnmouth", "Hugo IV", true, false},             // a title after the comma, joined by "of"
		{"Ramapo, Tavaria", "Tavaria", false, false},                        // a town in the state: never the state's
		{"Ramapo, West Tavaria", "West Tavaria", false, true},               // shares most words, still a town in it
		{"Dorran, a history", "Dorran", false, false},                       // a lower-case phrase after the comma
		{"Dorran (community), Dodge County, Tavaria", "Dorran", true, true}, // a qualifier before the comma: bareTitle's own cut
		{"Dorran", "Dorran", true, true},
		{"Dorran Mills, Tavaria", "Dorran", false, false}, // one word is a whole name, not a part of one
		{"Battle of Dorran, Tavaria", "Dorran", false, false},
		{"Hugo, Count of Varnmouth", "Hugo Lind", false, false}, // the name before the comma is the whole entity's
	} {
		for _, on := range []bool{true, false} {
			p := DefaultParams()
			p.EntityPlaceTitle = on
			r := &run{p: &p, plan: &Plan{Entities: []string{c.entity}}}
			want := c.off
			if on {
				want = c.on
			}
			if got := r.namesEntity(c.title); got != want {
				t.Errorf("rule %v: namesEntity(%q) for entity %q = %v, want %v", on, c.title, c.entity, got, want)
			}
		}
	}
}

// TestNarrowerEntityPage: a result high in an entity's own search whose
// title holds the entity's words and more (a list of its parts, an
// instance, a chapter of its history) is read in the first wave, as the
// entity's page is; not past NarrowerPageRank, not for another search,
// not for a common noun the question writes after "the", and not with
// the rule off.
func TestNarrowerEntityPage(t *testing.T) {
	const question = "Which actor gives a voice to the puppet in Marlow Heist that shares its name with the bird the Cathedral of a reunited Ostrany takes its name from?"
	ents := []string{"Marlow Heist", "Cathedral", "Ostrany"}
	for _, c := range []struct {
		title string
		query string
		rank  int
		want  bool
	}{
		{"List of Marlow Heist cast members", "Marlow Heist", 2, true},  // a list of its parts
		{"Ostran reunification", "Ostrany", 2, true},                    // the adjective: the name's last letter changed
		{"Ostranian folk music", "Ostrany", 2, true},                    // the adjective: letters added
		{"Ostrich farming", "Ostrany", 2, false},                        // a word sharing only its first letters
		{"History of Ostrany (1945-1990)", "Ostrany", 1, true},          // a chapter of its history
		{"List of Marlow Heist cast members", "Marlow Heist", 4, false}, // past the rank
		{"List of Marlow Heist cast members", "Heist films", 1, false},  // another search's result
		{"St. Olaf's Cathedral", "Cathedral", 1, false},                 // "the Cathedral": a common noun
		{"Marlow Heist", "Marlow Heist", 1, false},                      // its own page: EntityPagePriority's
		{"Marlow Stadium", "Marlow Heist", 1, false},                    // not every word of the name
	} {
		for _, on := range []bool{true, false} {
			p := DefaultParams()
			if !on {
				p.NarrowerPageRank = 0
			}
			r := &run{p: &p, plan: &Plan{Question: question, Entities: ents}}
			cand := candidate{Title: c.title + " - Miniweb", Queries: []string{question, c.query}, Ranks: []int{30, c.rank}}
			want := c.want && on
			if got := r.narrowerEntityPage(cand); got != want {
				t.Errorf("rule %v: narrowerEntityPage(%q at rank %d of %q) = %v, want %v", on, c.title, c.rank, c.query, got, want)
			}
		}
	}
}
