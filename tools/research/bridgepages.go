package research

import (
	"cmp"
	"slices"
	"strings"
)

// A chain's bridge is a name the question did not say: the evidence found
// it. A page read for that name (its hop search brought the page) that
// speaks of it is the next hop's page, yet it may share no word with the
// question ("He studied under Luigi Nono in his native Venice" for the city
// of the composer of an opera), so on the question's terms alone it scores
// nothing and is never quoted. It scores as a share of the page the bridge
// was found on instead. Only for a chain that stopped without an answer: a
// resolved chain's pages are its steps' (quoted already), while a stranded
// chain's next page is, if anywhere, among those read for its last bridge.
//
// With HopBridgeEveryStep the same holds for each earlier bridge of a
// stranded chain whose next hop the walk answered on a page that only
// mentions the bridge, not on the bridge's own page: the other pages read
// for the bridge that name it are that hop's evidence as much as the
// walk's one pick ("It stars A, Tom Pike, B ..." beside "a film
// starring Tom Pike", for "a character in which film"), and the pick
// may not be the one asked for. A bridge whose next hop was answered on
// its own page has that page for evidence.
//
// A page credited so is cited first with its sentence about the bridge
// (bridgeSentence), not with the passages the question's words pick: that
// sentence is why it is evidence.

// bridgeCredit is why a page was credited: the bridge it was read for and
// names, and the chain's words left after that bridge was found (the next
// hop's, which its sentence about the bridge may answer).
type bridgeCredit struct {
	bridge string
	rem    []relTerm
	// rival: the bridge is not the chain's last, whose next hop the walk
	// answered elsewhere; its pages must name it alone (namesAlone).
	rival bool
}

// creditBridgePages raises the scores of the pages read for a stranded
// chain's last bridge (every bridge, with HopBridgeEveryStep) that name it
// to HopBridgePage times the score of the page that named the bridge, when
// that is more than their own. It returns the pages it credited.
func (r *run) creditBridgePages(scores []float64) map[int]bridgeCredit {
	if r.p.HopBridgePage <= 0 {
		return nil
	}
	credited := map[int]bridgeCredit{}
	for _, c := range r.chains {
		n := len(c.steps)
		if c.resolved || n == 0 {
			continue
		}
		first := n - 1
		if r.p.HopBridgeEveryStep {
			first = 0
		}
		rem := c.rel
		for k, st := range c.steps {
			rem = without(rem, st.Consumed)
			if k == n-1 || (k >= first && !c.steps[k+1].OwnPage) {
				r.creditPagesOf(bridgeCredit{bridge: st.Bridge, rem: rem, rival: k < n-1}, st, scores, credited)
			}
		}
	}
	return credited
}

// creditPagesOf credits the pages read for st's bridge that name it. Each
// is the hop's evidence whatever its own score, so each is returned; only
// those scoring less than the credit are raised to it.
func (r *run) creditPagesOf(bc bridgeCredit, st hopStep, scores []float64, credited map[int]bridgeCredit) {
	if st.Bridge == "" || st.Page < 0 || st.Page >= len(scores) {
		return
	}
	credit := r.p.HopBridgePage * scores[st.Page]
	for i, p := range r.pages {
		if i == st.Page || p.status != statusOK || p.reading == nil {
			continue
		}
		if _, ok := credited[i]; ok {
			continue // an earlier bridge's page: cited with that sentence
		}
		if !p.offeredFor(st.Bridge, r.p.HopBridgeEverySearch) {
			continue
		}
		if _, named := bridgeSpan(p.reading.Content, bc, nil); named {
			scores[i] = max(scores[i], credit)
			credited[i] = bc
		}
	}
}

// bridgeSentence is the quote a credited page is cited with: its sentence
// naming the bridge that holds the most weight of the words left (the
// next hop's relation: "married", "film"), the first one naming it when
// none does, with its neighbours (the one before first: "It stars ..."
// needs the sentence that says what "it" is) within maxChars; a sentence
// wider than that is cut around the bridge. It is what makes the page
// evidence for the hop, whatever words it shares with the question. ""
// when no sentence outside the site's chrome names it (names it alone,
// for a rival's page).
func bridgeSentence(content string, bc bridgeCredit, boiler map[string]bool, maxChars int) string {
	best, ok := bridgeSpan(content, bc, boiler)
	if !ok {
		return ""
	}
	if best[1]-best[0] > maxChars {
		// A flattened table row or a run-on list: the part around the
		// bridge, as a hop's own quote is cut.
		return aroundName(content, best[0], best[1], bc.bridge, maxChars)
	}
	return trimBoiler(hopWindow(content, best[0], best[1], maxChars), boiler)
}

// bridgeSpan is where bridgeSentence's sentence is in content. For a
// rival's page (an earlier bridge, whose hop the walk answered already),
// the bridge must stand alone, and a page that first names it inside a
// longer name ("Charles Appleton") speaks of that longer name when it later
// says the bridge alone ("Appleton established a store"), as English
// shortens a name once written in full: it has no sentence about the
// bridge. The last bridge's pages are the chain's only lead to its next
// hop, and a longer name there is as often the bridge's own full name
// ("Jennifer Saunders" for "voiced by Saunders", "SAP Vojvodina"): any
// page naming it counts, as before.
func bridgeSpan(content string, bc bridgeCredit, boiler map[string]bool) ([2]int, bool) {
	best, bestScore := [2]int{}, -1.0
	first := true
	for _, sp := range sentenceSpans(content) {
		sent := content[sp[0]:sp[1]]
		if strings.HasPrefix(sent, "#") || boiler[strings.TrimSpace(sent)] || !namesBridge(sent, bc.bridge) {
			continue
		}
		alone := !bc.rival || namesAlone(sent, bc.bridge)
		if first && !alone {
			return [2]int{}, false
		}
		first = false
		if !alone {
			continue
		}
		have := termSet(blankNames(sent))
		sc := 0.0
		for _, rt := range bc.rem {
			if have[rt.term] {
				sc += rt.w
			}
		}
		if sc > bestScore {
			best, bestScore = sp, sc
		}
	}
	return best, bestScore >= 0
}

// namesAlone reports that sentence s names bridge (or a styled bridge's
// personal name) at least once outside a longer name: a name inside
// another is another thing ("Charles Appleton" and "the Appleton Paper
// Company" are not the town of Appleton; "Kurt Russell Park" is not the
// actor). The names and the occurrences are read in one pass, in order,
// each occurrence against the furthest end of the longer names begun by
// it: a sentence of thousands of "Charles Appleton"s is not searched
// again at each.
func namesAlone(s, bridge string) bool {
	names := bridgeNamesAt(s)
	slices.SortStableFunc(names, func(a, b nameAt) int { return cmp.Compare(a.at, b.at) })
	for _, form := range []string{bridge, personalName(bridge)} {
		if form == "" {
			continue
		}
		next, reach := 0, 0
		for _, at := range occurrences(s, form) {
			for ; next < len(names) && names[next].at <= at; next++ {
				if n := names[next]; len(n.name) > len(form) {
					reach = max(reach, n.at+len(n.name))
				}
			}
			if end := at + len(form); wholeWordsAt(s, at, end) && end > reach {
				return true
			}
		}
	}
	return false
}

// styles are the words of rank English puts before a personal name ("King
// Arvo of Tessaly", "Sir Walter Raleigh"); other pages say the name
// alone ("the war with Arvo"). Not "Saint", "General" or "President":
// they begin as many names of places and firms ("St. Louis", "General
// Motors") as of people.
var styles = map[string]bool{
	"King": true, "Queen": true, "Emperor": true, "Empress": true, "Pope": true, "Tsar": true, "Sultan": true,
	"Sir": true, "Dame": true, "Lord": true, "Lady": true, "Prince": true, "Princess": true, "Duke": true,
	"Duchess": true, "Count": true, "Countess": true,
}

// personalName is a styled name without its style and its "of" place
// ("King Arvo of Tessaly" is "Arvo"), "" for a name without a style
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
