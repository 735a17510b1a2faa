package research

import "testing"

func TestHasProse(t *testing.T) {
	for _, tt := range []struct {
		md   string
		want bool
	}{
		{"# Miniweb\n\nYou need to enable JavaScript to run this app.", false},
		{"# Home\n\n- [About](/about)\n- [Contact us](/contact)", false},
		{"", false},
		{"# Wyke Hollow\n\nWyke Hollow is a hamlet in Wexland.", true},
		{"Menu\n\nThe bridge was opened to traffic in 1932 after six years of work.", true},
	} {
		if got := hasProse(tt.md, nil); got != tt.want {
			t.Errorf("hasProse(%q) = %v, want %v", tt.md, got, tt.want)
		}
	}
	boiler := map[string]bool{"From Miniweb, the offline encyclopedia": true}
	if hasProse("# X\n\nFrom Miniweb, the offline encyclopedia", boiler) {
		t.Error("a paragraph known as site chrome counted as prose")
	}
}
