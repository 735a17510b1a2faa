package research

import (
	"slices"
	"testing"
)

// In an address each place lies in the next: the first place is a place
// whatever its ending, and a name followed by a larger place is no country.
func TestAddressSeriesNames(t *testing.T) {
	p := defaultParams
	for _, tt := range []struct {
		s, name string
		origin  bool // originShaped: read as an adjective of origin
		inside  bool // inLargerPlace, for a name the pages make a country
	}{
		{"KQZT is a radio station licensed to Dorran, Tavaria, United States.", "Dorran", false, true},
		{"The mill stands in Vellican, Ostmark.", "Vellican", false, true},
		{"Ida Brandt was an Austrian physicist.", "Austrian", true, false},
		{"Ida Brandt was born in Austrian territory, near Linz.", "Austrian", true, false},
		{"The treaty was signed by Tavaria, Ostmark and Pell.", "Tavaria", false, true},
		{"She moved to Tavaria. Ostmark followed.", "Tavaria", false, false},
		{"She moved to Tavaria, where she died.", "Tavaria", false, false},
		{"He was Mexican, by birth.", "Mexican", true, false},
		// The name inside a longer word is not the address's first place.
		{"The mill stands in Upper-Tavaria, Ostmark.", "Tavaria", false, false},
	} {
		if got := originShaped(tt.s, tt.name, occurrences(tt.s, tt.name), &p); got != tt.origin {
			t.Errorf("originShaped(%q, %q) = %v, want %v", tt.s, tt.name, got, tt.origin)
		}
		if got := inLargerPlace("country", tt.name, tt.s, occurrences(tt.s, tt.name)); got != tt.inside {
			t.Errorf("inLargerPlace(country, %q, %q) = %v, want %v", tt.name, tt.s, got, tt.inside)
		}
		if inLargerPlace("state", tt.name, tt.s, occurrences(tt.s, tt.name)) {
			t.Errorf("inLargerPlace(state, %q): only a country is too large to lie in a place", tt.name)
		}
	}
	off := p
	off.HopAddressSeries = false
	if !originShaped("licensed to Dorran, Tavaria.", "Dorran", []int{12}, &off) {
		t.Error("with the rule off, a place ending like an adjective of origin is read as one")
	}
}

// The walk takes the first place of an address for a hop asking for a
// place, as far as the pages say its kind, and a name the pages make a
// country is the state of the address it opens.
func TestWalkReadsAnAddressSeries(t *testing.T) {
	cases := []struct {
		name  string
		q     string
		pages [][2]string
		on    []string // bridges with HopAddressSeries
		off   []string // without it
	}{
		{
			// "Dorran" ends like "Moravian": read as an adjective of
			// origin, it gave way to the address's country. (Asked of the
			// state, the walk now takes the address's middle place,
			// Tavaria: HopAddressOrder, addressorder_test.go.)
			name: "a town ending like an adjective",
			q:    "What is the largest lake of the town where KQZT is licensed?",
			pages: [][2]string{
				{"KQZT", "KQZT (880 AM) is a radio station licensed to Dorran, Tavaria, United States."},
				{"Tavaria (country)", "Tavaria is a country on the Black Sea."},
				{"Dorran", "Dorran is a city in Tavaria. It lies on Lake Ossel, the largest lake of the state."},
			},
			on:  []string{"Dorran", "Lake Ossel"},
			off: []string{"United States"},
		},
		{
			// A name shared by a country and a state: where a larger
			// place follows it, it is the state.
			name: "a state sharing a country's name",
			q:    "What is the capital of the state where KQZT is licensed?",
			pages: [][2]string{
				{"KQZT", "KQZT (880 AM) is a radio station licensed in Tavaria, United States."},
				{"Tavaria (country)", "Tavaria is a country on the Black Sea, with coasts and mountains."},
				{"Tavaria (U.S. state)", "Tavaria is a state of the United States. Its capital is Halden."},
			},
			on:  []string{"Tavaria", "Halden"},
			off: []string{"United States"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := walkRun(tc.q, tc.pages)
			r.advanceChains(false)
			if len(r.chains) == 0 {
				t.Fatalf("no chain for %q", tc.q)
			}
			if got := bridges(r.chains[0]); !slices.Equal(got, tc.on) {
				t.Errorf("bridges %q, want %q", got, tc.on)
			}
			p := defaultParams
			// The address's order (HopAddressOrder) also keeps the
			// country from answering a hop asking for a smaller place,
			// so both readings of the address are off here.
			p.HopAddressSeries, p.HopAddressOrder = false, false
			r = walkRun(tc.q, tc.pages)
			r.p = &p
			r.advanceChains(false)
			if got := bridges(r.chains[0]); !slices.Equal(got, tc.off) {
				t.Errorf("rule off: bridges %q, want %q (else the case does not test the rule)", got, tc.off)
			}
		})
	}
}
