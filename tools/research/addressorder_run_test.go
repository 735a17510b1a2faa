package research

import (
	"fmt"
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures/miniweb"
)

// addressWeb is a small web, written for this test, where the state a
// radio station is licensed in has no word of the question but its own
// name: the station's page gives "town, state, country", the town's page
// names no state, and forty other stations' pages answer the
// question's own words ("state", "governor", "licensed") better than the
// state's page does. The state's page is found by a hop search for the
// state only.
func addressWeb() []miniweb.Page {
	pages := []miniweb.Page{
		{Title: "KQZT", Sentences: []string{
			"KQZT (880 AM) is a radio station licensed to Dorran, Tavaria, Ostland.",
			"The station airs news and talk programming.",
			"It is owned by Ossel Broadcasting."}},
		{Title: "Dorran", Sentences: []string{
			"Dorran is a town on the Ossel river, founded in 1820 by fishermen.",
			"Its harbour holds the oldest lighthouse on the coast."}},
		{Title: "Tavaria (province)", Sentences: []string{
			"Tavaria is a province on the eastern coast, with mountains and lakes.",
			"The governor of Tavaria is Halvard Moen, elected in 2019."}},
		{Title: "Ostland", Sentences: []string{
			"Ostland is a federal republic of forty provinces on the northern sea.",
			"Its capital is Vellburg."}},
	}
	return append(pages, fillerPages(44, func(i int) string { return fmt.Sprintf("W%c%cR", 'A'+rune(i%26), 'A'+rune(i/26)) },
		func(title string) miniweb.Page {
			return miniweb.Page{Title: title, Sentences: []string{
				fmt.Sprintf("%s is a radio station licensed to Varn, Tavaria, Ostland, and to the state of Ostland.", title),
				"Its morning show on state politics interviews the governor of the state and the state's licensed broadcasters each week.",
			}}
		})...)
}

// The question asks for the state of an address. With the address's
// order read, the walk takes the state ("Tavaria") from "Dorran, Tavaria,
// Ostland" at once, searches it with the question's words and quotes its
// governor; without it the country, which has a page of its own, is the
// bridge ("Ostland governor" is searched) and the state's page is never
// read.
func TestRunTakesTheStateOfAnAddress(t *testing.T) {
	srv, site := startPagesWeb(t, addressWeb())
	const q = "Who is the governor of the state where KQZT is licensed?"
	on, off := runOnAndOff(t, srv, Request{Question: q}, func(p *Params) { p.HopAddressOrder = false })
	if !quotesPage(site, on, "Tavaria (province)", "Halvard Moen") {
		t.Errorf("the state's page is not quoted with its governor; queries %q", on.Queries)
	}
	if quotesPage(site, off, "Tavaria (province)", "Halvard Moen") {
		t.Errorf("with HopAddressOrder off the state's governor is quoted too (queries %q): the web does not test the rule", off.Queries)
	}
}
