package research

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures/miniweb"
)

// rivalFilmWeb: the cartoon's cast names the actor who voices the part
// asked; two films he stars in are read for his search, and the walk takes
// one of them for the film hop. The other says so only in its second
// sentence ("It stars ..., Dario Lusk, ..."), after its title sentence;
// its passages on the question's words ("character", "actor") are about
// other people. A crowd of pages about
// cartoons and voice actors outscores both films on the question's words.
func rivalFilmWeb() []miniweb.Page {
	pages := []miniweb.Page{
		{Title: "Otterbay Tales", Sentences: []string{
			"Otterbay Tales is a 1979 animated drama produced by Pellmark Studios about two animals of a river who grow up as friends.",
			"Voice cast: Ivo Rand as Tamsin, Dario Lusk as Bramble, Mira Holt as Big Ma, Sten Aubel as the Hunter.",
		}},
		{Title: "Quiet Harbour", Sentences: []string{
			"Quiet Harbour is a 1974 Pellmark Studios film starring Dario Lusk as a lighthouse keeper's son who finds a shipwreck.",
			"It was shot on the coast of Varnmouth in the spring of 1973.",
		}},
		{Title: "The Gray Nine", Sentences: []string{
			"The Gray Nine is a 2012 western thriller written and directed by Ola Brenn.",
			"It stars Tomas Weir, Dario Lusk, Ines Varga and Piet Holm as nine strangers who shelter from a blizzard in a mountain inn.",
			"It was shot in the Kelder valley over the winter of 2011.",
			"The script went through nine drafts before the studio approved it, and the writer cut two of the strangers.",
			"The score was recorded in Varnmouth by a small string orchestra.",
			"Critics of the time wrote at length about each character, the actor who played the cook, and the film's long snowbound middle act.",
			"A character of the film, the stage driver, was played by an actor cast a week before shooting, which the film's press notes made much of.",
			"The film opened in the autumn of 2012 and ran for eleven weeks in the capital.",
			"A longer cut with an overture and an interval toured the provinces the following spring.",
		}},
		{Title: "Dario Lusk", Sentences: []string{
			"Dario Lusk (born 1951) is a Ruritanian stage performer and singer.",
			"He toured with the Varnmouth theatre company in the 1960s.",
		}},
	}
	topics := []string{"Animated drama", "Voice acting", "Fox hunting in cartoons", "Cartoon heroes", "Hound characters", "River animals in film",
		"Pellmark studio history", "Otter characters", "Heron characters", "Animated friendships", "Bramble (plant)", "Character actors"}
	for i, topic := range topics {
		pages = append(pages, miniweb.Page{Title: topic, Sentences: []string{
			fmt.Sprintf("%s is a subject in which the actor who plays a character in an animated film is often discussed.", topic),
			fmt.Sprintf("Writers on %s describe how an actor plays a cartoon character, the hound and the fox of a film, and which character each actor played, with examples from the %d0s.", strings.ToLower(topic), 190+i),
			"Many such films were made for children and shown at matinees.",
		}})
	}
	return pages
}

// TestRunCitesTheRivalBridgePage: a page read for a chain's bridge that
// names it is evidence for the hop after it, though the walk answered that
// hop on another page and the chain is stranded: it is cited, with its
// sentence about the bridge and the sentence before it (what "it" is).
// Without the rule only the walk's own pick is evidence.
func TestRunCitesTheRivalBridgePage(t *testing.T) {
	srv, site := startPagesWeb(t, rivalFilmWeb())
	const question = "The actor who plays Bramble in Otterbay Tales is a character in which film?"
	on, off := runOnAndOff(t, srv, Request{Question: question, TimeBudget: 30 * time.Second}, func(p *Params) {
		p.HopBridgeEveryStep, p.BridgePageQuoteChars = false, 0
	})
	for _, tt := range []struct {
		name string
		res  *Result
		want bool
	}{
		{"every bridge's pages credited", on, true},
		{"the rule off", off, false},
	} {
		if !readsPage(site, tt.res, "The Gray Nine") {
			t.Fatalf("%s: the rival film's page was not read; sources %+v", tt.name, tt.res.Sources)
		}
		if cited := quotesPage(site, tt.res, "The Gray Nine", "It stars Tomas Weir, Dario Lusk", "The Gray Nine is a 2012 western"); cited != tt.want {
			t.Errorf("%s: rival page cited with its bridge sentence = %v, want %v; evidence:\n%s", tt.name, cited, tt.want, evidenceText(tt.res.Evidence))
		}
		checkEvidenceBudget(t, tt.res)
	}
}
