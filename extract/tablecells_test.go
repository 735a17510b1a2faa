package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// plansComparisonPage is a review whose plans table stands inside a list
// item ("Plans and pricing:" with the table under it), the way review
// templates nest their per-carrier sections, with site chrome around it.
func plansComparisonPage() string {
	return page(`<meta charset="utf-8"><title>Travel cover for a month abroad, compared | Roam Notes</title><meta property="og:type" content="article">`,
		siteChrome(`<main><article><h1>Travel cover for a month abroad, compared</h1>
<p>We compared the plans of the five largest carriers for a couple travelling to Portugal for a month, with trip costs of ten thousand dollars, and read the fine print of each so you do not have to.</p>
<h2>1. Northgate: best for single trips</h2>
<p>Northgate is a good choice whether you want cover for one trip or for a year of them. Getting a quote online takes a few minutes and asks only for your destination, dates, age and trip cost.</p>
<ul>
<li><strong>Plans and pricing:</strong>
<p>For one trip we found three plans. The cheapest covers the essentials and the dearest adds cover for cancelling for any reason.</p>
<table><thead><tr><th></th><th>Wayfarer Lite</th><th>Wayfarer Plus</th><th>Wayfarer Max</th></tr></thead>
<tbody><tr><td>Cost</td><td>$318</td><td>$467</td><td>$655</td></tr>
<tr><td>Trip cancellation</td><td>$10,000</td><td>$10,000</td><td>$10,000</td></tr>
<tr><td>Emergency medical</td><td><a href="/medical">$10,000</a></td><td>$50,000</td><td>$75,000</td></tr></tbody></table>
</li>
<li><strong>Customer service:</strong> <p>Claims can be filed online or by phone, and most of the claims we filed were settled within two weeks of sending the receipts.</p></li>
</ul>
<p>We think the Plus plan is the best value for most travellers: it doubles the medical cover of the basic plan for about two hundred dollars more, and medical bills abroad are where a trip goes wrong.</p>
<h2>2. Harbourline: best for cruises</h2>
<p>Harbourline covers missed connections at sea better than any other carrier we looked at, and its cruise plans pay for the ship to wait or for you to catch it at the next port.</p>
</article></main>`))
}

func TestFromHTMLTableInAListItemKeepsItsRows(t *testing.T) {
	d, err := FromHTML(plansComparisonPage(), mustURL(t, "https://roamnotes.example.com/insurance/travel/best"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| Wayfarer Lite | Wayfarer Plus | Wayfarer Max |", "| Cost | $318 | $467 | $655 |",
		"| Emergency medical | [$10,000](https://roamnotes.example.com/medical) | $50,000 | $75,000 |",
		"Claims can be filed online", "We think the Plus plan is the best value",
	} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("%q lost:\n%s", want, d.Markdown)
		}
	}
	if strings.Contains(d.Markdown, "$318$467") || strings.Contains(d.Markdown, "LiteWayfarer") {
		t.Errorf("cells glued together:\n%s", d.Markdown)
	}
}

// el builds an element by hand: the parser would move stray cells out of
// the list item, and these trees are the shape trafilatura leaves.
func el(tag string, kids ...*html.Node) *html.Node {
	n := &html.Node{Type: html.ElementNode, Data: tag}
	for _, k := range kids {
		n.AppendChild(k)
	}
	return n
}

func txt(s string) *html.Node { return &html.Node{Type: html.TextNode, Data: s} }

func TestRestoreTables(t *testing.T) {
	src := `<table><tr><th>Plan</th><th>Price</th></tr><tr><td>Basic</td><td>$5</td></tr></table>`
	cell := func(tag, s string) *html.Node { return el(tag, txt(s)) }
	tests := []struct {
		name    string
		content *html.Node
		rows    int // <tr> elements in the content afterwards
		cells   int // cells outside a row afterwards
	}{
		{"bare cells of the page's table",
			el("div", el("li", cell("p", "Prices:"), cell("th", "Plan"), cell("th", "Price"), txt(" "), cell("td", "Basic"), cell("td", "$5"))), 2, 0},
		{"cells of another text stay", el("div", el("li", cell("th", "Plan"), cell("td", "Other"))), 0, 2},
		{"a whole table is not touched",
			el("div", el("table", el("tr", cell("th", "Plan"), cell("th", "Price")), el("tr", cell("td", "Basic"), cell("td", "$5")))), 2, 0},
		{"two runs, one matching",
			el("div", cell("th", "Plan"), cell("th", "Price"), cell("td", "Basic"), cell("td", "$5"), cell("p", "and"), cell("td", "Lone")), 2, 1},
		{"a cell that held only a link comes out as the link",
			el("div", el("li", cell("th", "Plan"), cell("th", "Price"), cell("td", "Basic"), el("a", txt("$5")), txt(" "), cell("strong", "Next:"))), 2, 0},
		{"no cells", el("div", cell("p", "Plain text only.")), 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srcDoc, err := html.Parse(strings.NewReader(page("", "<main><p>Intro.</p>"+src+"</main>")))
			if err != nil {
				t.Fatal(err)
			}
			restoreTables(tt.content, &pageText{doc: srcDoc})
			rows, cells := 0, 0
			var walk func(n *html.Node)
			walk = func(n *html.Node) {
				if n.Type == html.ElementNode && n.Data == "tr" {
					rows++
				}
				if isCell(n) && n.Parent.Data != "tr" {
					cells++
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(tt.content)
			if rows != tt.rows || cells != tt.cells {
				t.Errorf("rows %d cells %d, want %d %d", rows, cells, tt.rows, tt.cells)
			}
		})
	}
}
