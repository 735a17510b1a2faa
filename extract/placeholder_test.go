package extract

import "testing"

func TestLoadingPlaceholder(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Loading…", true},
		{"  loading... ", true},
		{"*Loading…*", true},
		{"Loading, please wait…", true},
		{"Please wait", true},
		{"Loading comments…", true},
		{"Chargement…", true},
		{"Wird geladen …", true},
		{"読み込み中…", true},
		{"Laden…", true},
		{"Laden", false}, // a shop, in German
		{"Loading dock safety rules", false},
		{"Loading the kiln takes a day.", false},
		{"Comments loading", false}, // the marker must lead
		{"", false},
		{"Loading " + string(make([]byte, 70)), false},
	} {
		if got := LoadingPlaceholder(c.text); got != c.want {
			t.Errorf("LoadingPlaceholder(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
