package research

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures/miniweb"
)

// kingWeb is a small web written for this test: a city founded by a king,
// the king's page naming his kingdom before his father, the kingdom's
// page, and forty pages of other cities whose founders' fathers answer
// the question's words ("father", "king", "founded") as well as the
// city's page does.
func kingWeb() []miniweb.Page {
	pages := []miniweb.Page{
		{Title: "Varnholm", Sentences: []string{
			"Varnholm is a port city on the Ossel coast.",
			"The first mayor of Varnholm was Ivo Brandt, whose father Jon Brandt built its harbour.",
			"Varnholm was founded in 1120 by King Aldric."}},
		{Title: "King Aldric", Sentences: []string{
			"King Aldric was a king of Ostria from 1101 to 1139.",
			"His father was Harald Varn, who ruled before him."}},
		{Title: "Ostria", Sentences: []string{
			"Ostria is a kingdom on the northern sea.",
			"Its kings were crowned at Lund Abbey."}},
	}
	return append(pages, fillerPages(40, func(i int) string { return fmt.Sprintf("Orrhaven %c%c", 'A'+rune(i%26), 'a'+rune(i/26)) },
		func(title string) miniweb.Page {
			return miniweb.Page{Title: title, Sentences: []string{
				fmt.Sprintf("%s is a town founded by a king of the eastern coast.", title),
				"The king's father founded its first church, and the town's father of letters founded its school.",
			}}
		})...)
}

// The question's king is "the Ostrian king who founded Varnholm": the
// adjective qualifies the noun, the clause says which king. Read so, the
// walk goes from the city to its founder and from him to his father, and
// searches the father's name. Read from the adjective (main before
// 4a9f503: "father of Ostrian", the clause one hop with no order), the
// walk answers the father hop with the founder's kingdom and searches
// "Ostria father" instead.
func TestRunWalksTheClauseOfAQualifiedNoun(t *testing.T) {
	srv, site := startPagesWeb(t, kingWeb())
	const q = "Who was the father of the Ostrian king who founded Varnholm?"
	res, err := newTestEngine(t, srv.URL).Run(context.Background(), Request{Question: q}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !quotesPage(site, res, "King Aldric", "Harald Varn") {
		t.Error("the founder's page is not quoted with his father's name")
	}
	reached, strayed := false, false
	for _, qq := range res.Queries {
		reached = reached || strings.Contains(qq, "Harald Varn")
		strayed = strayed || (strings.Contains(qq, "Ostria ") && strings.Contains(qq, "father"))
	}
	if !reached || strayed {
		t.Errorf("the walk did not reach the father (searched him: %v; took the kingdom for him: %v); queries %q", reached, strayed, res.Queries)
	}
}
