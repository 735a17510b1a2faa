package research

import "testing"

// A follow-up result is the page of the name searched for only when its
// title is that name (with a qualifier or a larger place after a comma),
// not another thing its words are part of (NamedPageStrict).
func TestNamesPageOf(t *testing.T) {
	for _, tt := range []struct {
		title, name string
		strict, off bool // namesPageOf with NamedPageStrict on and off
	}{
		{"New Harlow", "New Harlow", true, true},
		{"New Harlow (Tavaria) - Miniweb", "New Harlow", true, true},
		{"New Harlow, Tavaria", "New Harlow", true, true},
		{"Old New Harlow", "New Harlow", true, true},
		// A town in the place, and a thing named after it.
		{"Kessington, New Harlow", "New Harlow", false, true},
		{"New Harlow Waterworks", "New Harlow", false, true},
		{"Kessington, New Harlow", "New Harlow City", false, true},
		// Sharing fewer than half the words was never the page.
		{"Harlow Mills", "New Harlow", false, false},
	} {
		for _, strict := range []bool{true, false} {
			p := defaultParams
			p.NamedPageStrict = strict
			want := tt.off
			if strict {
				want = tt.strict
			}
			if got := namesPageOf(tt.title, tt.name, &p); got != want {
				t.Errorf("namesPageOf(%q, %q) strict=%v = %v, want %v", tt.title, tt.name, strict, got, want)
			}
		}
	}
}
