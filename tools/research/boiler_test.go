package research

import "testing"

func TestTrimBoiler(t *testing.T) {
	boiler := map[string]bool{"From Miniweb, the offline encyclopedia": true, "Share this page": true}
	tests := []struct {
		name, in, want string
	}{
		{"leading byline", "From Miniweb, the offline encyclopedia\n\nKirton End is a hamlet.", "Kirton End is a hamlet."},
		{"both ends", "From Miniweb, the offline encyclopedia\n\nA hamlet.\n\nShare this page", "A hamlet."},
		{"only chrome", "From Miniweb, the offline encyclopedia", ""},
		{"middle kept verbatim", "A hamlet.\n\nShare this page\n\nIt lies on a road.", "A hamlet.\n\nShare this page\n\nIt lies on a road."},
		{"no chrome", "A hamlet in Lincolnshire.", "A hamlet in Lincolnshire."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := trimBoiler(tt.in, boiler); got != tt.want {
				t.Errorf("trimBoiler(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestAnswerKindOf(t *testing.T) {
	tests := []struct {
		q    string
		want answerKind
		cue  string
	}{
		{"In what year was the director of Alien born?", kindYear, "He was born in 1937."},
		{"When did the band release its debut album?", kindYear, "It was released in the 1990s."},
		{"In what month was the officer born?", kindMonth, "He was born on 3 February 1950."},
		{"How many members does the band have?", kindNumber, "The band has four members."},
		{"What was the population of the town in 2001?", kindNumber, "It had 35,124 inhabitants."},
		{"Who directed Alien?", kindPerson, "The film was directed by Ridley Scott."},
		{"Where did the painter die?", kindPlace, "He died in Mantua two years later."},
		{"In which country is the lake?", kindPlace, "The lake lies in Norway."},
		{"What is the name of the album?", kindAny, ""},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			got := answerKindOf(tt.q)
			if got != tt.want {
				t.Fatalf("answerKindOf(%q) = %v, want %v", tt.q, got, tt.want)
			}
			if tt.cue != "" && !answerCue(got, tt.cue) {
				t.Errorf("answerCue(%v, %q) = false, want true", got, tt.cue)
			}
			if got != kindAny && answerCue(got, "A page with nothing of the kind.") {
				t.Errorf("answerCue(%v) matched a sentence without one", got)
			}
		})
	}
}
