package research

import (
	"strings"
	"testing"
)

func TestRuneFloorAndCeil(t *testing.T) {
	cont := strings.Repeat("\x80", 8) // continuation bytes only: not UTF-8
	tests := []struct {
		s           string
		i           int
		floor, ceil int
	}{
		{"abc", 1, 1, 1},
		{"aé", 2, 1, 3}, // byte 2 is inside é
		{"é", 0, 0, 0},
		{"abc", 3, 3, 3},
		{cont, 4, 0, 8},
		{"a" + cont, 5, 0, 9},
	}
	for _, tc := range tests {
		if got := runeFloor(tc.s, tc.i); got != tc.floor {
			t.Errorf("runeFloor(%q, %d) = %d, want %d", tc.s, tc.i, got, tc.floor)
		}
		if got := runeCeil(tc.s, tc.i); got != tc.ceil {
			t.Errorf("runeCeil(%q, %d) = %d, want %d", tc.s, tc.i, got, tc.ceil)
		}
	}
}

// The readers that cut a window of a sentence in bytes stop at the
// text's ends on bytes that are not UTF-8: each of these panicked
// (index -1, or one past the end) before the windows' edges were
// runeFloor's and runeCeil's.
func TestWindowsOnBrokenUTF8(t *testing.T) {
	cont := strings.Repeat("\x80", 120)
	for _, s := range []string{
		"born in Dorran, Tavaria, " + cont,   // after the name
		cont + ", Tavaria, Ostland, Varn",    // before it
		"in x" + cont + ", Tavaria, Ostland", // the word before
	} {
		at := strings.Index(s, "Tavaria")
		if places, _ := addressPlaces(s, at, "Tavaria"); places != nil {
			t.Errorf("addressPlaces(%q) = %q: no address of three places", s, places)
		}
	}
	if names := bridgeNames("Ann Lee (" + cont + ") was a painter."); len(names) != 1 || names[0] != "Ann Lee" {
		t.Errorf("bridgeNames = %q, want [Ann Lee]", names)
	}
}
