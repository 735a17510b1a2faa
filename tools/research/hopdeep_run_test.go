package research

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures/miniweb"
)

// deepHopWeb is a small web, written for this test, where an inner hop's
// answer ranks deep in its hop search. The painter's page names the
// province she was born in (a name of one word, so no snippet is taken as
// being about it; the province's own page says nothing of its cities); the
// province's largest city is named only on the city's own long page,
// which the hop search "Tavaria largest city" ranks below seven short
// pages of towns in Tavaria; and forty pages of other painters answer the
// question's own words ("mayor", "largest", "city", "province", "born")
// well enough to fill the page budget.
func deepHopWeb() []miniweb.Page {
	pages := []miniweb.Page{
		{Title: "Ilse Marrin", Sentences: []string{
			"Ilse Marrin (1901–1977) was a painter born in Tavaria.",
			"She studied in the capital and painted harbours and lighthouses.",
			"Her best known work, Grey Morning, hangs in the national gallery."}},
		{Title: "Tavaria", Sentences: []string{
			"Tavaria is a province on the eastern coast, with mountains, lakes and a long coastline.",
			"Its parliament sits in the old customs house."}},
		{Title: "Kesselholm", Sentences: []string{
			"Kesselholm, a port of ninety thousand people, is the largest city of Tavaria.",
			"Its mayor since 2019 has been Halvard Moen, a former ship's engineer.",
			"The old town grew around a fortress built against raiders from the sea in the twelfth century.",
			"Ferries leave the harbour for the islands every hour in summer and twice a day in winter.",
			"The university, founded in 1872, teaches navigation, marine engineering and fisheries.",
			"A festival of folk music fills the market square each year in the first week of July."}},
	}
	towns := fillerPages(7, func(i int) string { return fmt.Sprintf("Brenn%c%c", 'a'+rune(i%26), 'a'+rune(i/26)) },
		func(title string) miniweb.Page {
			return miniweb.Page{Title: title, Sentences: []string{
				title + " is a harbour town in Tavaria.",
				"Its city hall is the largest building on the coast.",
			}}
		})
	crowd := fillerPages(40, func(i int) string { return fmt.Sprintf("Sorel %c%c", 'A'+rune(i%26), 'A'+rune(i/26)) },
		func(title string) miniweb.Page {
			return miniweb.Page{Title: title, Sentences: []string{
				title + " was a painter born in the province of Ostria, whose largest city gave her a studio.",
				"The mayor of the city bought her paintings when she was born again as an abstract painter.",
			}}
		})
	return append(append(pages, towns...), crowd...)
}

// The question's inner hop (the largest city of the province) is answered
// only by a page ranked eighth by its hop search. With the open hop read
// deeper, that page is read and the walk goes on to the city; without it,
// the hop search's first five results (towns) and the question search's
// crowd take the twenty pages and the city's page is never read.
func TestRunReadsAnOpenHopDeeper(t *testing.T) {
	srv, site := startPagesWeb(t, deepHopWeb())
	const q = "Who is the mayor of the largest city of the province where Ilse Marrin was born?"
	res, off := runOnAndOff(t, srv, Request{Question: q}, func(p *Params) { p.HopDeepResults = 0 })
	if read, quoted := readsPage(site, res, "Kesselholm"), quotesPage(site, res, "Kesselholm", "Halvard Moen"); !read || !quoted {
		t.Errorf("the city's page: read %v, quoted with its mayor %v; want both (queries %q)", read, quoted, res.Queries)
	}
	// The web tests the rule only if the city's page ranks past the
	// follow-up cut for the province's hop search.
	hop := ""
	for _, q := range res.Queries {
		if strings.HasPrefix(q, "Tavaria") {
			hop = q
			break
		}
	}
	if at := slices.Index(site.SearchTitles(hop, 10), "Kesselholm"); at < DefaultParams().FollowUpResults {
		t.Errorf("the city's page ranks %d for the hop search %q: the web does not test the rule", at, hop)
	}
	if readsPage(site, off, "Kesselholm") {
		t.Errorf("with HopDeepResults 0 the city's page is read too (queries %q): the web does not test the rule", off.Queries)
	}
}
