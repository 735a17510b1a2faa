package extract

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// panCards are a category page's products, written for this test: each
// card is one link around its picture, name, material and price (no word
// outside the link), as many shop templates write them.
var panCards = [][3]string{
	{"Skillet 20 cm", "Cast iron, pre-seasoned", "€34.90"},
	{"Skillet 26 cm", "Cast iron, pre-seasoned", "€44.90"},
	{"Skillet 30 cm", "Cast iron, enamelled", "€59.00"},
	{"Crêpe pan 24 cm", "Carbon steel", "€27.50"},
	{"Wok 32 cm", "Carbon steel, wooden handle", "€49.00"},
	{"Grill pan 28 cm", "Cast iron, ridged", "€52.00"},
	{"Sauté pan 24 cm", "Tri-ply stainless steel, lid", "€89.00"},
	{"Paella pan 38 cm", "Polished steel", "€31.00"},
}

// gridCards renders cards as a category grid's tiles; with priced false
// they carry no price (a menu of collections drawn as tiles).
func gridCards(cards [][3]string, priced bool) string {
	var b strings.Builder
	b.WriteString(`<ol class="catalog__grid" data-view="grid">`)
	for i, c := range cards {
		price := c[2]
		if !priced {
			price = ""
		}
		fmt.Fprintf(&b, `<li class="catalog__item"><a class="card" href="/cookware/pans/%d">
<span class="card__media"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==" alt="" loading="lazy"></span>
<span class="card__body"><h3 class="card__title">%s</h3><button class="card__fav" type="button" aria-label="Save %s"></button>
<p class="card__spec"><span>%s</span></p><p class="card__price"><data value="%d">%s</data></p></span></a></li>`, i, c[0], c[0], c[1], i, price)
	}
	b.WriteString(`</ol>`)
	return b.String()
}

// categoryIntro is the shop's prose about the category, below the grid:
// the densest text of the page, which the article extractors keep.
const categoryIntro = `<section class="catalog__guide"><h2>Choosing a frying pan</h2>
<p>Cast iron holds heat for a long time, so a steak browns evenly and the pan does not cool when cold food goes in. It is heavy, it needs a little oil after washing, and it lasts for generations.</p>
<p>Carbon steel heats up faster and weighs about half as much. It darkens with use and becomes almost non-stick after a few weeks of cooking, which is why restaurant kitchens rely on it for eggs and stir-fries.</p>
<p>Stainless steel with an aluminium core is the choice for sauces: it does not react with wine or tomatoes, and it goes into the dishwasher without complaint.</p>
<p><a href="/cookware/pots">Pots</a> <a href="/cookware">All cookware</a></p></section>`

// categoryPage is a shop's category page: chrome, a sort form, the grid
// (grid), the intro, a script that takes the grid over.
func categoryPage(grid string) string {
	body := siteChrome(`<div class="catalog"><nav class="crumbs"><a href="/">Home</a> › <a href="/cookware">Cookware</a></nav>
<h1>Frying pans</h1><p class="catalog__count">8 products</p>
<form class="catalog__sort" action="/cookware/pans"><label for="order">Order by</label><select id="order"><option>Popular</option><option>Cheapest first</option></select><button>Apply</button></form>
<div class="catalog__results">` + grid + `</div>` + categoryIntro + `
<nav class="catalog__pages"><a href="?p=2">Next</a></nav></div>
<script>window.analytics=window.analytics||[];analytics.push(["list",{"sku":"SK20","value":34.9}]);</script>`)
	return page(`<title>Frying pans | Hearth &amp; Pan</title><meta property="og:type" content="website">`, body)
}

func TestFromHTMLProductGridKeptBesideCategoryIntro(t *testing.T) {
	d, err := FromHTML(categoryPage(gridCards(panCards, true)), mustURL(t, "https://pans.example.com/cookware/pans"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range panCards {
		for _, want := range []string{c[0], c[2]} {
			if !strings.Contains(d.Markdown, want) {
				t.Errorf("grid card part %q lost:\n%s", want, d.Markdown)
			}
		}
	}
	for _, want := range []string{"Cast iron holds heat", "almost non-stick after a few weeks"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("category intro %q lost:\n%s", want, d.Markdown)
		}
	}
	for _, gone := range []string{"We use cookies", "Privacy policy", "analytics.push"} {
		if strings.Contains(d.Markdown, gone) {
			t.Errorf("chrome %q kept:\n%s", gone, d.Markdown)
		}
	}
}

func TestProductGrid(t *testing.T) {
	pricingPlans := `<div class="plans">` + strings.Repeat("", 0)
	for _, p := range [][2]string{{"Free", "$0 forever"}, {"Pro", "$20 a month"}, {"Business", "$200 a month"}} {
		pricingPlans += fmt.Sprintf(`<div class="plan"><a href="/plans/%s"><h3>%s</h3><p>%s</p><p>For teams that need more</p></a></div>`, strings.ToLower(p[0]), p[0], p[1])
	}
	pricingPlans += `</div>`
	railed := strings.Replace(categoryPage(gridCards(panCards, true)), `</title>`,
		`</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Skillet 20 cm"}</script>`, 1)
	for _, tc := range []struct {
		name, page, article string
		want                bool
	}{
		{"priced cards the article left out", categoryPage(gridCards(panCards, true)), categoryIntro, true},
		{"tiles without prices (a menu of collections)", categoryPage(gridCards(panCards, false)), categoryIntro, false},
		{"three pricing plans", categoryPage(pricingPlans), categoryIntro, false},
		{"cards the article kept", categoryPage(gridCards(panCards, true)), gridCards(panCards, true), false},
		{"one product's page with a rail of cards", railed, categoryIntro, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := parseClean(prepareInput(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			meta := collectMeta(root)
			art, err := html.Parse(strings.NewReader(tc.article))
			if err != nil {
				t.Fatal(err)
			}
			articleMD, err := toMarkdown(art)
			if err != nil {
				t.Fatal(err)
			}
			if _, got := productGrid(root, meta.mainRegion(root, &defaultConfig), meta, articleMD, &defaultConfig); got != tc.want {
				t.Errorf("productGrid = %v, want %v", got, tc.want)
			}
		})
	}
}
