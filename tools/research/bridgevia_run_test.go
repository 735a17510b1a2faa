package research

import (
	"fmt"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures/miniweb"
)

// assistantWeb: the scale is named after a chemist who has no page of his
// own; the one page that says where he worked is his assistant's, which
// names the scale too, so the question's search for the scale queues it
// first, low, and the chemist's hop search ranks it first later. A crowd
// of pages on scales named after chemists and on employers outscores it
// on the question's words.
func assistantWeb() []miniweb.Page {
	pages := []miniweb.Page{
		{Title: "Varnel scale", Sentences: []string{
			"The Varnel scale is named after the chemist Osric Varnel, who proposed it in 1911 for the hardness of glazes.",
			"It runs from one to twelve.",
		}},
		{Title: "Tomas Brede", Sentences: []string{
			"Tomas Brede (1880–1941) was a glassmaker from Kessel.",
			"As a young man he was the assistant of Osric Varnel at the Royal Mining Academy of Kessel.",
			"His vases are kept in the town museum.",
		}},
		{Title: "Varnel test", Sentences: []string{
			"The Varnel test for lead in a glaze is named after the chemist Osric Varnel, as is the scale he proposed.",
			"It needs only vinegar and a candle.",
		}},
	}
	places := []string{"Alder", "Birk", "Cress", "Dunmere", "Elst", "Fenwold", "Garth", "Holm", "Ivel", "Jarrow"}
	trades := []string{"dye works", "brewery", "mint", "soap factory", "paper mill", "tannery", "foundry"}
	glazes := []string{"copper", "ash", "tin", "salt", "iron", "celadon", "lead", "cobalt", "slip", "honey", "oil-spot"}
	painters := []string{"Ode Lamm", "Per Sund", "Ilka Toft", "Jon Vesk", "Mara Quist", "Rune Hale", "Siv Norr", "Tor Brun", "Ulla Fenn"}
	n := 0
	crowd := fillerPages(40, func(i int) string { return fmt.Sprintf("Dorn scale %c%c", 'a'+rune(i%26), 'a'+rune(i/26)) },
		func(title string) miniweb.Page {
			i := n
			n++
			place, work := places[i%len(places)], places[(i+3)%len(places)]+" "+trades[i%len(trades)]
			g := func(k int) string { return glazes[(i*k+k)%len(glazes)] }
			painter := painters[i%len(painters)]
			return miniweb.Page{Title: title, Sentences: []string{
				fmt.Sprintf("The %s is named after a chemist from %s whose employer, the %s, printed it in %d with %d tables, plates by %s and notes on %s, %s and %s glazes.", title, place, work, 1850+i, 3+i%7, painter, g(1), g(2), g(3)),
				fmt.Sprintf("As employer of the chemist, the %s kept %d volumes of %s records and paid %s for the %s tables until %d.", work, 3+i, g(4), painter, g(5), 1901+i),
				fmt.Sprintf("Chemists in %s named %d later scales after the %s, the employer of the first, for %s and %s.", place, 2+i, work, g(6), g(7)),
			}}
		})
	return append(pages, crowd...)
}

// TestRunCreditsAPageEverySearchOffered: the assistant's page is read for
// the bridge's hop search though the question's search offered it first;
// with every search that offered a page counted, it is credited for the
// stranded chain's bridge and cited with its sentence about him. Counting
// only the first search (the question's), it is read for the question's
// words, and the crowd takes the budget.
func TestRunCreditsAPageEverySearchOffered(t *testing.T) {
	srv, site := startPagesWeb(t, assistantWeb())
	req := Request{Question: "Who is the employer of the chemist who the Varnel scale is named after?", TimeBudget: 30 * time.Second}
	on, off := runOnAndOff(t, srv, req, func(p *Params) { p.HopBridgeEverySearch = false })
	for _, tt := range []struct {
		name string
		res  *Result
		want bool
	}{
		{"every search counted", on, true},
		{"the first search only", off, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := tt.res
			if !readsPage(site, res, "Tomas Brede") {
				t.Fatalf("the assistant's page was not read; queries %q", res.Queries)
			}
			if cited := quotesPage(site, res, "Tomas Brede", "the assistant of Osric Varnel at the Royal Mining Academy"); cited != tt.want {
				t.Errorf("assistant's page cited with its sentence on the chemist = %v, want %v; queries %q, evidence:\n%s", cited, tt.want, res.Queries, evidenceText(res.Evidence))
			}
			checkEvidenceBudget(t, res)
		})
	}
}
