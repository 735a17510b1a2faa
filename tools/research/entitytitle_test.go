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
