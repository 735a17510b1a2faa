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

func TestErrorPlaceholder(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"Sorry, there was a problem.", true},
		{"### Sorry, there was a problem.", true},
		{"There was an error retrieving your Wish Lists. Please try again.", true},
		{"Oops! Something went wrong while submitting the form.", true},
		{"Something went wrong. Please try your request again later.", true},
		{"There was a problem calculating your shipping. Please try again.", true},
		{"Something went wrong with the launch, and the rocket never left the pad.", false},
		{"There was a problem with the old bridge: it swayed in the wind.", false},
		{"Sorry we missed you! Leave a message after the tone.", false},
		{"Oops! Something went wrong, and the engineers spent the next three weeks tracing the fault to a single loose cable in the rack.", false},
		// A reader's short reply, in the first person.
		{"Sorry, there was a problem with my upload: here is the file again.", false},
		{"Oops, something went wrong when I pasted the link, try again with this one", false},
		{"", false},
	}
	for _, tc := range tests {
		if got := ErrorPlaceholder(tc.s); got != tc.want {
			t.Errorf("ErrorPlaceholder(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
