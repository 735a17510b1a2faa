package research

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// The order of an address gives its places' kinds: town, (county,)
// state, country. Sentences written for this test.
func TestAddressKind(t *testing.T) {
	for _, tt := range []struct {
		s, name, want string
	}{
		{"KQZT is a radio station licensed to Dorran, Tavaria, Ostland.", "Dorran", "city"},
		{"KQZT is a radio station licensed to Dorran, Tavaria, Ostland.", "Tavaria", "state"},
		{"KQZT is a radio station licensed to Dorran, Tavaria, Ostland.", "Ostland", "country"},
		// a place of several words, a hyphen and an apostrophe inside
		{"She was born in Port Varn, New Tavaria, United Ostland in 1950.", "New Tavaria", "state"},
		{"The mill stands in Varn-on-Ora, Tavaria, Ostland.", "Tavaria", "state"},
		{"It lies near Halden's Point, Tavaria, Ostland.", "Halden's Point", "city"},
		// four places: the one between town and state is not fixed by order
		{"He died in Dorran, Ossel Vale, Tavaria, Ostland.", "Tavaria", "state"},
		{"He died in Dorran, Ossel Vale, Tavaria, Ostland.", "Ossel Vale", ""},
		// two places say less: the larger may be a state or a country
		{"KQZT is licensed to Dorran, Tavaria.", "Tavaria", ""},
		// a list after another word is no address
		{"The film stars Ada Lind, Bo Dahl, Cy Varn.", "Bo Dahl", ""},
		// a longer series is a list, even after "in"
		{"It played in Dorran, Varn, Ossel, Halden, Tavaria, Ostland.", "Ossel", ""},
		// a year ends the places
		{"She was born in Dorran, Tavaria, 1921.", "Tavaria", ""},
		// the name inside a longer word is not in the series
		{"The mill stands in Upper-Tavaria, Ostmark, Ostland.", "Tavaria", ""},
		{"", "Tavaria", ""},
	} {
		if got := addressKindAt(tt.s, tt.name, occurrences(tt.s, tt.name)); got != tt.want {
			t.Errorf("addressKindAt(%q, %q) = %q, want %q", tt.s, tt.name, got, tt.want)
		}
	}
}

// A long run of commas and capitals is read in time proportional to it:
// each place is read in a window, and a series stops at
// maxAddressPlaces.
func TestAddressKindBounded(t *testing.T) {
	run := func(n int) time.Duration {
		s := "born in " + strings.Repeat("Dorran, ", n) + "Tavaria, Ostland."
		start := time.Now()
		for _, at := range occurrences(s, "Dorran")[:200] {
			if k := addressKind(s, at, "Dorran"); k != "" {
				t.Fatalf("addressKind in a list of %d places = %q, want none", n, k)
			}
		}
		return time.Since(start)
	}
	const n = 50000
	wantLinear(t, "places", n, time.Second, run)
}

// The walk takes the state of "town, state, country" for a hop asking for
// a state when no page says what the state is, and the town for a hop
// asking for a town; with the rule off the country, which has a page of
// its own, answers the state hop.
func TestWalkReadsTheAddressOrder(t *testing.T) {
	pages := [][2]string{
		{"KQZT", "KQZT (880 AM) is a radio station licensed to Dorran, Tavaria, Ostland."},
		{"Ostland", "Ostland is a federal republic of forty provinces on the northern sea."},
	}
	for _, tc := range []struct {
		q       string
		on, off string
	}{
		{"What is the largest lake of the state where KQZT is licensed?", "Tavaria", "Dorran"},
		{"Who founded the town where KQZT is licensed?", "Dorran", "Dorran"},
	} {
		r := walkRun(tc.q, pages)
		r.advanceChains(false)
		if len(r.chains) == 0 {
			t.Fatalf("no chain for %q", tc.q)
		}
		if got := bridges(r.chains[0]); len(got) == 0 || got[0] != tc.on {
			t.Errorf("%q: bridges %q, want %q first", tc.q, got, tc.on)
		}
		p := defaultParams
		p.HopAddressOrder = false
		r = walkRun(tc.q, pages)
		r.p = &p
		r.advanceChains(false)
		if got := bridges(r.chains[0]); !slices.Contains(got, tc.off) {
			t.Errorf("%q, rule off: bridges %q, want %q (else the case does not test the rule)", tc.q, got, tc.off)
		}
	}
}

// addressPlaces never panics, returns places that stand in the sentence in
// order around the name, three to maxAddressPlaces of them, and a kind
// only of the order's.
func FuzzAddressPlaces(f *testing.F) {
	f.Add("KQZT is licensed to Dorran, Tavaria, Ostland.", 20, "Dorran")
	f.Add("born in Varn-on-Ora, Tavaria, Ostland", 8, "Varn-on-Ora")
	f.Add("in é, é, é, é", 3, "é")
	f.Add("to , , , ", 3, ",")
	f.Add("born in Dorran, Tavaria, "+strings.Repeat("\x80", 120), 16, "Tavaria") // not UTF-8 after the name
	f.Fuzz(func(t *testing.T, s string, at int, name string) {
		places, idx := addressPlaces(s, at, name)
		switch k := addressKind(s, at, name); k {
		case "", "city", "state", "country":
		default:
			t.Fatalf("addressKind = %q", k)
		}
		if places == nil {
			return
		}
		if len(places) < 3 || len(places) > maxAddressPlaces || idx < 0 || idx >= len(places) || places[idx] != name {
			t.Fatalf("addressPlaces(%q, %d, %q) = %q, %d", s, at, name, places, idx)
		}
		if !strings.Contains(s, strings.Join(places, ", ")) {
			t.Fatalf("places %q are not the sentence's series in %q", places, s)
		}
	})
}
