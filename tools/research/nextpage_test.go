package research

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures/miniweb"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/search"
)

// secondPageWeb is a web where the bridge ("Aldo Venn") has no page of
// its own and the one page that says when he died is long: the search
// engine (BM25, as real engines weigh length) ranks it below a dozen short
// pages that share one word of his name, so it is on no search's first
// results page. Short pages about the river towns share the long page's
// common words. Pages the mini-web serves as script-only shells are left
// out (no browser here).
func secondPageWeb() []miniweb.Page {
	var pages []miniweb.Page
	shells := miniweb.New(nil)
	add := func(title string, sentences ...string) {
		if !shells.JSOnly(title) {
			pages = append(pages, miniweb.Page{Title: title, Sentences: sentences})
		}
	}
	add("The Silver Lantern Manifesto",
		"The Silver Lantern Manifesto is a pamphlet by the Ostrian reformer Aldo Venn, published in 1621.",
		"It called for the guilds of the river towns to elect their own wardens.")
	long := []string{"The Venndrift Movement was a reform movement of the river towns of Ostria."}
	for i := range 40 {
		long = append(long, fmt.Sprintf("In its %d%s decade the movement ran schools, mills and ferries along the lower river, and its wardens kept records of every toll.", i+1, ordinalSuffix(i+1)))
		if i == 20 {
			long = append(long, "Its founder Aldo Venn died in 1644 at Kesselburg, where the movement's first school still stands.")
		}
	}
	add(longPage, long...)
	for i := range 12 {
		add(fmt.Sprintf("Aldo Marek %d", i), fmt.Sprintf("Aldo Marek %d was a painter who died in the year 17%02d.", i, i*7))
	}
	for i := range 5 {
		add(fmt.Sprintf("Venn diagram %d", i), fmt.Sprintf("A Venn diagram of %d sets shows every overlap of them.", i+2))
	}
	for i := range 30 {
		add(fmt.Sprintf("Ostrian river town %d", i), fmt.Sprintf("The river town %d of Ostria holds the market of the valley and the ferry of the lower river.", i))
	}
	return pages
}

// longPage is the page of the bridge's death, long and named once.
const longPage = "Venndrift movement"

func ordinalSuffix(n int) string {
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return "th"
	case n%10 == 1:
		return "st"
	case n%10 == 2:
		return "nd"
	case n%10 == 3:
		return "rd"
	}
	return "th"
}

// The long page is on the second results page of the bridge's searches;
// the first pages bring nothing about the bridge but the page it was found
// on. The second page is asked, the long page is read, and its sentence
// answers the last hop. Without the second page it is never read.
func TestHopSearchAsksTheSecondResultsPage(t *testing.T) {
	web := secondPageWeb()
	if web[1].Title != longPage {
		t.Fatalf("the long page %q is a script shell in the mini-web; pick another title", longPage)
	}
	site := miniweb.New(web)
	srv := httptest.NewServer(site.Handler())
	t.Cleanup(srv.Close)
	for _, q := range []string{"Aldo Venn year die", "Aldo Venn"} {
		first := site.SearchTitles(q, miniweb.ResultsPerPage)
		all := site.SearchTitles(q, 2*miniweb.ResultsPerPage)
		if contains(first, longPage) || !contains(all, longPage) {
			t.Fatalf("search %q: the long page must be on results page 2, not 1; page 1 %q, pages 1-2 %q", q, first, all)
		}
	}
	question := "What year did the author of The Silver Lantern Manifesto die?"
	on, off := runOnAndOff(t, srv, Request{Question: question, MaxPages: 30}, func(p *Params) { p.HopNextPage = false })
	for _, tt := range []struct {
		nextPage bool
		res      *Result
	}{{true, on}, {false, off}} {
		if read := readsPage(site, tt.res, longPage); read != tt.nextPage {
			t.Fatalf("next page %v: long page read = %v, want %v; sources %+v", tt.nextPage, read, tt.nextPage, tt.res.Sources)
		}
		quoted := false
		for _, ev := range tt.res.Evidence {
			if strings.Contains(ev.Quote, "died in 1644") {
				quoted = true
			}
		}
		if quoted != tt.nextPage {
			t.Errorf("next page %v: answer quoted = %v, want %v; evidence %+v", tt.nextPage, quoted, tt.nextPage, tt.res.Evidence)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The second page is asked only when the first brought nothing new about
// the bridge, once per search; a name check refutes the bridge only after
// its second page found no page of the name either.
func TestHopSecondPageRules(t *testing.T) {
	// The proposing page, already read, as the engine lists it.
	manifesto := result("The Silver Lantern Manifesto", "The Silver Lantern Manifesto is a pamphlet by the Ostrian reformer Aldo Venn.")
	manifesto.URL = "http://web.test/wiki/The_Silver_Lantern_Manifesto"
	answer := func(r *run, query string, page int, results []search.Result) {
		r.searchFinished(searchDone{
			prop:  proposal{QueryProposal: QueryProposal{Query: query, Entity: "Aldo Venn", Score: 1}, from: 0, strength: 1, hop: true, page: page},
			depth: 1,
			resp:  &search.Response{Query: query, Results: results},
		})
	}
	t.Run("hop search", func(t *testing.T) {
		// Page 1 names the bridge only on the page already read (the
		// manifesto, the proposing page): its second page is asked, and
		// the name check too.
		r := hopSearchRun(t, DefaultParams(), "Aldo Venn", append(namesakes(9), manifesto))
		if len(r.nextPages) != 1 || r.nextPages[0].page != 2 || r.nextPages[0].Query != "Aldo Venn year die" {
			t.Fatalf("next pages %+v, want page 2 of the hop search", r.nextPages)
		}
		if len(r.nameChecks) != 1 {
			t.Errorf("name checks %+v, want the bridge's name alone", r.nameChecks)
		}
		// Its second page sends no second name check and asks no page 3.
		r.takeNextPages()
		answer(r, "Aldo Venn year die", 2, namesakes(3))
		if len(r.nextPages) != 0 || len(r.nameChecks) != 1 {
			t.Errorf("after page 2: next pages %+v, name checks %+v", r.nextPages, r.nameChecks)
		}
	})
	t.Run("a new page naming the bridge", func(t *testing.T) {
		r := hopSearchRun(t, DefaultParams(), "Aldo Venn", append(namesakes(9), result("Venndrift movement", "Its founder Aldo Venn died in 1644.")))
		if len(r.nextPages) != 0 {
			t.Errorf("next pages %+v: the first page named the bridge on a page not read", r.nextPages)
		}
	})
	t.Run("name check", func(t *testing.T) {
		r := hopSearchRun(t, DefaultParams(), "Aldo Venn", append(namesakes(9), manifesto))
		r.takeNextPages()
		answer(r, "Aldo Venn", 1, append(namesakes(9), manifesto))
		if len(r.noPageFor) != 0 {
			t.Errorf("refuted %q after the first page only", r.noPageFor)
		}
		if len(r.nextPages) != 1 || r.nextPages[0].Query != "Aldo Venn" {
			t.Fatalf("next pages %+v, want page 2 of the name check", r.nextPages)
		}
		r.takeNextPages()
		answer(r, "Aldo Venn", 2, namesakes(4))
		if len(r.noPageFor) != 1 || r.noPageFor[0] != "Aldo Venn" {
			t.Errorf("refuted %q after both pages, want Aldo Venn", r.noPageFor)
		}
	})
	t.Run("off", func(t *testing.T) {
		p := DefaultParams()
		p.HopNextPage = false
		r := hopSearchRun(t, p, "Aldo Venn", append(namesakes(9), manifesto))
		if len(r.nextPages) != 0 {
			t.Errorf("next pages %+v with HopNextPage off", r.nextPages)
		}
	})
}
