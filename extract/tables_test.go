package extract

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// medalYears are the rows of an encyclopedia's list page: a year and the
// linked names of that year's winners in three fields.
var medalYears = [][4]string{
	{"1921", "Ada Lindqvist", "Tomas Berglund", "Hilde Sørensen"},
	{"1922", "Piotr Zawadzki", "Marguerite Aubert", "Jonas Ekholm"},
	{"1923", "Karl Anders Holm", "Irene Vasquez", "Otto Brenner"},
	{"1924", "Sigrid Nyqvist", "Henri Dufresne", "Lucia Marchetti"},
	{"1925", "Erik Sandell", "Agnes Whitmore", "Pavel Novák"},
	{"1926", "Ingrid Falk", "Mateo Ferrer", "Clara Hofmann"},
	{"1927", "Viktor Lund", "Eleanor Price", "Jan de Vries"},
	{"1928", "Maja Lindgren", "Arthur Pennington", "Rosa Almeida"},
}

// listPage is an encyclopedia's list page: declared an Article, a few
// paragraphs of prose, then the table it is named for.
func listPage() string {
	var b strings.Builder
	b.WriteString(`<main><h1>List of Harbour Medal laureates</h1>
<p>The Harbour Medal has been awarded every year since 1921 by the Maritime Academy to people whose work in navigation, shipbuilding or sea rescue advanced the safety of those who work at sea. The academy chooses the laureates in each of the three fields from nominations sent in by its members and by the harbour authorities of the member states.</p>
<p>Each laureate is given a silver medal and a framed certificate, with prize money whose amount the academy fixes each year. The medal was not awarded during the war years, when the academy did not meet, and the money of those years was returned to the fund that pays for the prize.</p>
<p>A laureate may receive the medal more than once, in the same field or another; four people have done so. The list below gives the laureates of the first years, by year and by field, as the academy published them.</p>
<h2>Laureates</h2><table class="wikitable"><tr><th>Year</th><th>Navigation</th><th>Shipbuilding</th><th>Sea rescue</th></tr>`)
	for _, y := range medalYears {
		fmt.Fprintf(&b, `<tr><td>%s</td>`, y[0])
		for _, name := range y[1:] {
			fmt.Fprintf(&b, `<td><a href="/wiki/%s">%s</a></td>`, strings.ReplaceAll(name, " ", "_"), name)
		}
		b.WriteString(`</tr>`)
	}
	b.WriteString(`</table><h2>See also</h2><ul><li><a href="/wiki/Maritime_Academy">Maritime Academy</a></li><li><a href="/wiki/List_of_sea_rescues">List of sea rescues</a></li></ul></main>`)
	return b.String()
}

func TestFromHTMLDeclaredArticleKeepsItsDataTable(t *testing.T) {
	head := `<title>List of Harbour Medal laureates</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","name":"List of Harbour Medal laureates"}</script>`
	d, err := FromHTML(page(head, siteChrome(listPage())), mustURL(t, "https://wiki.example.org/wiki/List_of_Harbour_Medal_laureates"))
	if err != nil {
		t.Fatal(err)
	}
	text := StripMarkdownLinks(d.Markdown)
	for _, y := range medalYears {
		for _, want := range y {
			if !strings.Contains(text, want) {
				t.Errorf("table cell %q lost:\n%s", want, d.Markdown)
			}
		}
	}
	for _, want := range []string{"awarded every year since 1921", "four people have done so"} {
		if !strings.Contains(text, want) {
			t.Errorf("prose %q lost:\n%s", want, d.Markdown)
		}
	}
	if strings.Contains(text, "We use cookies") {
		t.Errorf("chrome kept:\n%s", d.Markdown)
	}
}

func TestDroppedTables(t *testing.T) {
	root, err := html.Parse(strings.NewReader(listPage()))
	if err != nil {
		t.Fatal(err)
	}
	body := findElement(root, atom.Body)
	prose := "The Harbour Medal has been awarded every year since 1921 by the Maritime Academy to people whose work in navigation, shipbuilding or sea rescue advanced the safety of those who work at sea."
	var cells []string
	for _, y := range medalYears {
		cells = append(cells, strings.Join(y[:], " | "))
	}
	for _, c := range []struct {
		name, article string
		want          bool
	}{
		{"the prose alone", prose, true},
		{"the prose and the table", prose + "\n\n" + strings.Join(cells, "\n"), false},
		{"a long story beside a small table", strings.Repeat(prose+"\n\n", 12), false},
	} {
		if got := droppedTables(body, true, widgetLimit(body, true, &defaultConfig), c.article, &defaultConfig); got != c.want {
			t.Errorf("%s: droppedTables = %v, want %v", c.name, got, c.want)
		}
	}
	// A table laid out of tables is a page's layout, not data.
	layout, err := html.Parse(strings.NewReader(`<table><tr><td><table><tr><td>a</td><td>b</td></tr></table></td><td>side</td></tr></table>`))
	if err != nil {
		t.Fatal(err)
	}
	if dataTable(findElement(layout, atom.Table), &defaultConfig) {
		t.Error("a layout table read as data")
	}
}
