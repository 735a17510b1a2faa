package research

import "strings"

// A chain's bridge is a name the question did not say: the evidence found
// it. A page read for that name (its hop search brought the page) that
// speaks of it is the next hop's page, yet it may share no word with the
// question ("He studied under Luigi Nono in his native Venice" for the city
// of the composer of an opera), so on the question's terms alone it scores
// nothing and is never quoted. It scores as a share of the page the bridge
// was found on instead. Only for a chain that stopped at its bridge without
// an answer: a resolved chain's pages are its steps' (quoted already), while
// a stranded chain's next page is, if anywhere, among those read for its
// last bridge.

// creditBridgePages raises the scores of the pages read for a stranded
// chain's last bridge that name it to HopBridgePage times the score of the
// page that named the bridge, when that is more than their own.
func (r *run) creditBridgePages(scores []float64) {
	if r.p.HopBridgePage <= 0 {
		return
	}
	for _, c := range r.chains {
		n := len(c.steps)
		if c.resolved || n == 0 {
			continue
		}
		st := c.steps[n-1]
		if st.Bridge == "" || st.Page < 0 || st.Page >= len(scores) {
			continue
		}
		credit := r.p.HopBridgePage * scores[st.Page]
		for i, p := range r.pages {
			if i == st.Page || p.status != statusOK || p.reading == nil || scores[i] >= credit {
				continue
			}
			if namedIn(p.via, st.Bridge) && namesBridge(p.reading.Content, st.Bridge) {
				scores[i] = credit
			}
		}
	}
}

// styles are the words of rank English puts before a personal name ("King
// Pyrrhus of Epirus", "Sir Walter Raleigh"); other pages say the name
// alone ("the war with Pyrrhus"). Not "Saint", "General" or "President":
// they begin as many names of places and firms ("St. Louis", "General
// Motors") as of people.
var styles = map[string]bool{
	"King": true, "Queen": true, "Emperor": true, "Empress": true, "Pope": true, "Tsar": true, "Sultan": true,
	"Sir": true, "Dame": true, "Lord": true, "Lady": true, "Prince": true, "Princess": true, "Duke": true,
	"Duchess": true, "Count": true, "Countess": true,
}

// personalName is a styled name without its style and its "of" place
// ("King Pyrrhus of Epirus" is "Pyrrhus"), "" for a name without a style
// and for one whose rest has a word of a kind ("Duke University", "King
// County": an institution or a place named after a person, whose rest is
// not a name).
func personalName(name string) string {
	ws := strings.Fields(name)
	if len(ws) < 2 || !styles[ws[0]] {
		return ""
	}
	ws = ws[1:]
	for i, w := range ws {
		if w == "of" {
			ws = ws[:i]
			break
		}
	}
	if len(ws) == 0 {
		return ""
	}
	for _, w := range ws {
		if kindOfWord(w) != "" {
			return ""
		}
	}
	return strings.Join(ws, " ")
}

// namesBridge reports whether s names bridge, punctuation allowed around
// it, or, for a styled name, the personal name alone.
func namesBridge(s, bridge string) bool {
	if namedIn(s, bridge) {
		return true
	}
	core := personalName(bridge)
	return core != "" && namedIn(s, core)
}
