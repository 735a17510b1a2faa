package research

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures/miniweb"
)

// answerDeepWeb: the page of the question's subject opens with a long
// history rich in the question's words and says what is asked only deep
// down, in a passage of its own; other pages about the subject contest the
// evidence budget.
func answerDeepWeb() []miniweb.Page {
	hound := []string{
		"The Tarvish hound was an extinct breed of hunting dog from the Tarvish uplands, a modern study's subject for decades.",
		"Breeders of the modern era described the Tarvish hound as closely tied to the old upland packs, and kennel clubs related its lines in studbooks.",
		"The Tarvish hound was most valued by upland estates, where packs of the breed hunted hare and fox in the autumn.",
		"Modern accounts of the Tarvish hound rely on estate records, paintings and the memoirs of huntsmen.",
	}
	for i := 0; i < 14; i++ {
		hound = append(hound, fmt.Sprintf("In the year of the %s fair the estates showed their packs, and the judges wrote of coats, ears and voices at length in the fair's book.", ordinalWord(i)))
	}
	hound = append(hound,
		"A 2011 survey of kennel records found that the breed most closely related to the hound is the Carrow terrier.",
		"The last packs were dispersed after the estates were sold.")
	pages := []miniweb.Page{{Title: "Tarvish hound", Sentences: hound}}
	for i, topic := range []string{"Upland hunting", "Kennel clubs of the north", "Hound paintings", "Estate records", "Hare coursing", "Fox hunting in the uplands", "Dog breeds of the north", "Huntsmen's memoirs"} {
		pages = append(pages, miniweb.Page{Title: topic, Sentences: []string{
			fmt.Sprintf("%s is a subject in which the extinct Tarvish hound, a modern symbol of the uplands, is often named.", topic),
			fmt.Sprintf("Writers on %s describe the Tarvish hound's breed standard, its packs and its place among the hounds of the region, at length and with many examples from estate books of the %d0s.", strings.ToLower(topic), 180+i),
			"The breed is remembered in songs, inn signs and the names of lanes across the uplands.",
		}})
	}
	return pages
}

func ordinalWord(i int) string {
	return []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth"}[i]
}

// TestRunQuotesTheAnswerSentence: the sentence that restates the question's
// predicate with its answer is in the evidence, though the subject's page
// quotes its lead; without the rule the answer is missed.
func TestRunQuotesTheAnswerSentence(t *testing.T) {
	srv, site := startPagesWeb(t, answerDeepWeb())
	const question = "What modern breed is most closely related to the extinct Tarvish hound?"
	on, off := runOnAndOff(t, srv, Request{Question: question, TimeBudget: 30 * time.Second}, func(p *Params) { p.AnswerSentences = 0 })
	for _, tt := range []struct {
		name string
		res  *Result
		want bool
	}{
		{"the answer sentence added", on, true},
		{"the rule off", off, false},
	} {
		if seen := quotesPage(site, tt.res, "Tarvish hound", "Carrow terrier"); seen != tt.want {
			t.Errorf("%s: answer quoted = %v, want %v; evidence:\n%s", tt.name, seen, tt.want, evidenceText(tt.res.Evidence))
		}
		checkEvidenceBudget(t, tt.res)
	}
}

func evidenceText(ev []Evidence) string {
	var b strings.Builder
	for _, e := range ev {
		fmt.Fprintf(&b, "  [%s] %s\n", e.Title, e.Quote)
	}
	return b.String()
}
