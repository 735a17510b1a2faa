package research

import "testing"

// ordinal is the one reader of a figure's ordinal ending, for a rank
// before an office and for a title's number alike.
func TestOrdinal(t *testing.T) {
	for _, tt := range []struct {
		w    string
		want bool
	}{
		{"1st", true},
		{"2nd", true},
		{"3rd", true},
		{"4th", true},
		{"11th", true},
		{"12th", true},
		{"13th", true},
		{"21st", true},
		{"42nd", true},
		{"57th", true},
		{"101st", true},
		{"111th", true},
		{"1,000th", true},
		{"12,345th", true},
		{"57TH", true}, // a heading in capitals
		{"2ND", true},
		{"57Th", false},
		{"5'th", false},
		{"'th", false},
		{"-th", false},
		{"th", false},
		{"2th", false},
		{"11st", false},
		{"23th", false},
		{"1,00th", false},
		{"1000,000th", false},
		{",000th", false},
		{"1,,000th", false},
		{"fifth", false},
		{"57", false},
		{"x57th", false},
		{"٣rd", false}, // an Arabic-Indic digit: not a figure English writes so
	} {
		if got := ordinal(tt.w); got != tt.want {
			t.Errorf("ordinal(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}
