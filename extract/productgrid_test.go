package extract

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// earringCards are a category page's products: each card is one link
// around its picture, name, material and price (no word outside the
// link), as many shop templates write them.
var earringCards = [][3]string{
	{"Reflect earrings", "Sterling silver", "$490.00"},
	{"Offspring medium earrings", "Sterling silver", "$520.00"},
	{"Offspring large earrings", "Sterling silver", "$670.00"},
	{"Heritage ear clips", "Oxidised sterling silver, sodalite", "$370.00"},
	{"Moonlight grapes ear stud", "Sterling silver", "$150.00"},
	{"Mercy earrings", "Sterling silver", "$480.00"},
	{"Daisy earrings", "Rhodium plated silver, blue enamel", "$290.00"},
	{"Infinity earhoops, large", "Sterling silver", "$550.00"},
}

// gridCards renders cards as a category grid's tiles; with priced false
// they carry no price (a menu of collections drawn as tiles).
func gridCards(cards [][3]string, priced bool) string {
	var b strings.Builder
	b.WriteString(`<ul id="search-result-items" class="tiles-container">`)
	for i, c := range cards {
		price := c[2]
		if !priced {
			price = ""
		}
		fmt.Fprintf(&b, `<li class="grid-tile"><a class="product-tile" href="/jewelry/earrings/%d.html">
<div class="image-wrapper"><picture><img src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==" alt="" aria-hidden="true"></picture></div>
<div class="product-details"><div class="product-name">%s</div><span class="wishlist" tabindex="0" aria-label="Add %s to wishlist"></span>
<div class="product-material"><div>%s</div></div><div class="product-pricing"><span class="price-sales">%s</span></div></div></a></li>`, i, c[0], c[0], c[1], price)
	}
	b.WriteString(`</ul>`)
	return b.String()
}

// categoryIntro is the shop's prose about the category, below the grid:
// the densest text of the page, which the article extractors keep.
const categoryIntro = `<div class="category-seo"><h2>A world of silver earrings</h2>
<p>Many people feel undressed without their earrings. They are the small detail that adds a hint of character to a work outfit, or the last finishing touch of glamour to an evening look, and sterling silver suits both.</p>
<p>Traditional rules say that simple hoops or understated studs are best for daytime, but they need not be plain: many of our designs have organic forms or unusual details that are discreet enough for the office.</p>
<p>For the evening, long drops and chandeliers are the most glamorous, and there is no need to wear a matching pair. If you have more than one piercing, try mixing studs and drops for a style of your own.</p>
<p><a href="/jewelry/gold-earrings">Gold earrings</a> <a href="/jewelry/earrings">All earrings</a></p></div>`

// categoryPage is a shop's category page: chrome, a sort form, the grid
// (grid), the intro, a script that takes the grid over.
func categoryPage(grid string) string {
	body := siteChrome(`<div class="page clearfix"><div class="breadcrumb"><a href="/">Home</a> / <a href="/jewelry">Jewelry</a></div>
<h1>Silver earrings</h1><p class="results-count">Showing 8 of 84</p>
<form class="sort-by" action="/jewelry/silver-earrings"><label for="sort">Sort by:</label><select id="sort"><option>Newest</option><option>Price low to high</option></select><button>Go</button></form>
<div class="search-result-content">` + grid + `</div>` + categoryIntro + `
<div class="pagination"><a href="?page=2">Next page</a></div></div>
<script>window.dataLayer=window.dataLayer||[];dataLayer.push({"event":"view_item_list","items":[{"id":"20001951","price":490}]});</script>`)
	return page(`<title>Silver earrings | Acme Jewellers</title><meta property="og:type" content="website">`, body)
}

func TestFromHTMLProductGridKeptBesideCategoryIntro(t *testing.T) {
	d, err := FromHTML(categoryPage(gridCards(earringCards, true)), mustURL(t, "https://jewels.example.com/jewelry/silver-earrings"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range earringCards {
		for _, want := range []string{c[0], c[2]} {
			if !strings.Contains(d.Markdown, want) {
				t.Errorf("grid card part %q lost:\n%s", want, d.Markdown)
			}
		}
	}
	for _, want := range []string{"Traditional rules say", "long drops and chandeliers"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("category intro %q lost:\n%s", want, d.Markdown)
		}
	}
	for _, gone := range []string{"We use cookies", "Privacy policy", "dataLayer"} {
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
	railed := strings.Replace(categoryPage(gridCards(earringCards, true)), `</title>`,
		`</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Reflect earrings"}</script>`, 1)
	for _, tc := range []struct {
		name, page, article string
		want                bool
	}{
		{"priced cards the article left out", categoryPage(gridCards(earringCards, true)), categoryIntro, true},
		{"tiles without prices (a menu of collections)", categoryPage(gridCards(earringCards, false)), categoryIntro, false},
		{"three pricing plans", categoryPage(pricingPlans), categoryIntro, false},
		{"cards the article kept", categoryPage(gridCards(earringCards, true)), gridCards(earringCards, true), false},
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
			if got := productGrid(root, meta.mainRegion(root, &defaultConfig), meta, articleMD, &defaultConfig); got != tc.want {
				t.Errorf("productGrid = %v, want %v", got, tc.want)
			}
		})
	}
}
