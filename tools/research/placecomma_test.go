package research

import (
	"strings"
	"testing"
)

func TestPlaceComma(t *testing.T) {
	for _, c := range []struct {
		s, subject string
		want       bool
	}{
		{"He was a farmer from Marlow, Wexland who served in the assembly.", "Marlow", true},
		{"Marlow, Wexland, Ruritania is a town.", "Marlow", true},
		{"Born in Senta, Ruritania, she moved away.", "Senta", true},
		{"He spoke of Marlow, who was his friend.", "Marlow", false},          // a clause, not a larger place
		{"Ada Marlow, Wexland's mayor, spoke.", "Marlow", true},               // the address form is read as such
		{"The Marlowes, Wexland's farmers, spoke.", "Marlow", false},          // a longer word
		{"It ended after the war with Marlow. Wexland won.", "Marlow", false}, // a full stop ends the sentence's name
		{"He lived in Marlow.", "Marlow", false},                              // mentions' own case, not an address
		{"", "Marlow", false},
		{"Marlow, Wexland", "", false},
	} {
		if got := placeComma(c.s, c.subject); got != c.want {
			t.Errorf("placeComma(%q, %q) = %v, want %v", c.s, c.subject, got, c.want)
		}
	}
}

// A page that names the bridge only in the address form of a place
// ("from Marlow, Wexland") answers the bridge's next hop: the county.
func TestWalkReadsAPlaceWithItsLargerPlace(t *testing.T) {
	q := "Who governs the county sharing a border with the county where Ilse Brandt was born?"
	pages := [][2]string{
		{"Ilse Brandt", "Ilse Brandt (born March 8, 1953 in Marlow, Wexland) is a retired tennis player."},
		{"Jon Pell", "Jon Pell (1842 – 1887) was a butcher from Marlow, Wexland who served in the Wexland State Assembly from Orrin County."},
	}
	for _, on := range []bool{true, false} {
		p := DefaultParams()
		p.HopPlaceComma = on
		r := walkRun(q, pages)
		r.p = &p
		r.advanceChains(false)
		got := bridges(r.chains[0])
		reached := len(got) >= 2 && got[0] == "Marlow" && got[1] == "Orrin County"
		if reached != on {
			t.Errorf("rule %v: bridges %q (want Marlow then Orrin County only with the rule)", on, got)
		}
	}
}

func TestLifeSpanAfter(t *testing.T) {
	for _, c := range []struct {
		s, name string
		want    bool
	}{
		{"Jon Pell (April 19, 1839 – December 3, 1890) was a butcher.", "Jon Pell", true},
		{"Aldo Venn (1580–1644) was a painter.", "Aldo Venn", true},
		{"Ilse Brandt (born March 8, 1953 in Marlow) is a player.", "Ilse Brandt", true},
		{"Blue Harbor (1945 film) is a comedy.", "Blue Harbor", false},
		{"The season aired (2017 - 10 - 22) on Sundays.", "The season", false},
		{"Orrin County (Wexland) is a county.", "Orrin County", false},
		// A parenthesis that does not close within a life's span's length is none, however long the sentence.
		{"Jon Pell (1842 – 1887 was a farmer from Marlow" + strings.Repeat(" and a long tale of his farm", 10), "Jon Pell", false},
		{"Jon Pell (1842 – 1887 was a farmer from Marlow", "Jon Pell", false},
		{"Jon Pell was a butcher (1842 – 1887).", "Jon Pell", false},
		{"Jon Pell (1842 – 1887", "Jon Pell", false},
		{"", "Jon Pell", false},
	} {
		if got := lifeSpanAfter(c.s, c.name); got != c.want {
			t.Errorf("lifeSpanAfter(%q, %q) = %v, want %v", c.s, c.name, got, c.want)
		}
	}
}

// The life's span closes within Params.HopLifeSpanBytes, else it is none.
func TestLifeSpanWindowFromParams(t *testing.T) {
	s := "Jon Pell (born 12 March 1842 in Marlow, Wexland – died 1887) was a farmer."
	if !lifeSpanAt(s, 0, "Jon Pell", defaultParams.HopLifeSpanBytes) {
		t.Errorf("lifeSpanAt(%q) at the default window: want a life's span", s)
	}
	if lifeSpanAt(s, 0, "Jon Pell", 20) {
		t.Errorf("lifeSpanAt(%q) within 20 bytes: the parenthesis closes later, want none", s)
	}
}

// lifeSpanAfter is lifeSpanAt at the first place s names name, with the
// default window: the rule asked of a sentence and a name.
func lifeSpanAfter(s, name string) bool {
	return lifeSpanAt(s, strings.Index(s, name), name, defaultParams.HopLifeSpanBytes)
}
