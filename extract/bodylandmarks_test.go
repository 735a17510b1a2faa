package extract

import (
	"strings"
	"testing"
)

// shelterHomePage is a charity's home page whose content is headings and
// text in divs, no paragraph trafilatura reads as main text (it falls
// back to the whole body), under a banner holding a drop-down menu.
const shelterHomePage = `<!doctype html><html><head><meta charset="utf-8"><title>Riverbend Animal Shelter</title></head><body>
<a href="#slides" id="skip-nav" class="screenreader-text"><span>Skip Navigation or Skip to Content</span></a>
<div class="wrapper">
<header role="banner" aria-label="header">
<div class="logo"><a href="/"><img src="/logo.png" alt="Riverbend Animal Shelter Logo"></a></div>
<div class="mainnav" role="navigation" aria-label="main navigation">
<ul id="menu" role="menubar">
<li class="level1nav"><a href="javascript:void(0)" role="menuitem">Adopt</a><div class="reveal"><a href="/adopt/dogs" role="menuitem">Dogs for adoption</a> <a href="/adopt/cats" role="menuitem">Cats for adoption</a> <a href="/adopt/fees" role="menuitem">Adoption process and fees</a></div></li>
<li class="level1nav"><a href="javascript:void(0)" role="menuitem">Clinic</a><div class="reveal"><a href="/clinic" role="menuitem">About our clinic</a> <a href="/clinic/spay" role="menuitem">Spay and neuter services</a></div></li>
<li class="level1nav"><a href="javascript:void(0)" role="menuitem">Give</a><div class="reveal"><a href="/give" role="menuitem">Ways to donate</a> <a href="/give/wish-list" role="menuitem">Wish list</a> <a href="/give/tribute" role="menuitem">Tribute gifts</a></div></li>
</ul></div>
<div class="headerbtns"><a href="/donate">Donate</a> <a href="/report">Report Cruelty</a></div>
</header>
<main role="main" aria-label="main content">
<h1 class="force-hide">Riverbend Animal Shelter</h1>
<h2 class="force-hide">Riverbend Animal Shelter cares for the lost, abandoned and surrendered animals of the valley.</h2>
<div class="baserow missionlevel"><div class="missiontitle"><h3>Our Mission</h3></div><div class="missiontext"><h4>To find every animal in our care a safe and loving home, and to keep the pets of the valley healthy where they already have one.</h4></div></div>
<div class="baserow servicelevel"><div class="servicegrid">
<div class="service"><h3>Adopt a Pet</h3></div>
<div class="servicecontent"><strong>MEET YOUR NEW BEST FRIEND</strong> Every week dozens of dogs, cats and rabbits arrive at the shelter. Each adopted animal goes home vaccinated, microchipped and spayed or neutered.</div>
<div class="servicelinks"><ul><li><a href="/adopt/dogs">dogs</a></li><li><a href="/adopt/cats">cats</a></li></ul></div>
<div class="service"><h3>Clinic Services</h3></div>
<div class="servicecontent">Our wellness clinic offers low-cost vaccinations, dental cleaning and surgery to the pets of families who could not otherwise afford a vet.</div>
<div class="servicelinks"><ul><li><a href="/clinic/book">book an appointment</a></li></ul></div>
</div></div>
</main>
</div>
<footer><div class="copyright">© Riverbend Animal Shelter. A registered charity.</div></footer>
</body></html>`

func TestFromHTMLBodyFallbackDropsTheBannerAndMenus(t *testing.T) {
	d, err := FromHTML(shelterHomePage, mustURL(t, "https://riverbend.example.org/"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Our Mission", "Every week dozens of dogs, cats and rabbits arrive", "Our wellness clinic offers low-cost vaccinations"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("%q lost:\n%s", want, d.Markdown)
		}
	}
	for _, chrome := range []string{"Adoption process and fees", "Spay and neuter services", "Tribute gifts", "Report Cruelty"} {
		if strings.Contains(d.Markdown, chrome) {
			t.Errorf("menu %q kept:\n%s", chrome, d.Markdown)
		}
	}
}

// TestFromHTMLFlagsWholeBody: the shelter's page has no main text, so its
// content is the body's (Document.WholeBody, which browse_page's auto mode
// reads); an article's is not.
func TestFromHTMLFlagsWholeBody(t *testing.T) {
	d, err := FromHTML(shelterHomePage, mustURL(t, "https://riverbend.example.org/"))
	if err != nil {
		t.Fatal(err)
	}
	if !d.WholeBody {
		t.Errorf("whole-body fallback not flagged:\n%s", d.Markdown)
	}
	article := `<html><head><title>Winter feeding</title></head><body><header><a href="/">Home</a></header><main><article><h1>Winter feeding</h1>` +
		strings.Repeat(`<p>Hives that go into winter light on stores need a block of fondant on the crown board before the first frost, and a check every fortnight after.</p>`, 4) +
		`</article></main><footer>© The Apiary</footer></body></html>`
	if d, err = FromHTML(article, mustURL(t, "https://apiary.example.org/winter")); err != nil {
		t.Fatal(err)
	}
	if d.WholeBody {
		t.Errorf("an article flagged as the whole body:\n%s", d.Markdown)
	}
}

func TestIsBodyLandmark(t *testing.T) {
	tests := []struct {
		name      string
		html      string
		inContent bool
		want      bool
	}{
		{"the page header", `<header><a href="/">Home</a></header>`, false, true},
		{"an article's header", `<header><h1>Title</h1></header>`, true, false},
		{"a banner by role", `<div role="banner">Site</div>`, true, true},
		{"a menu by role", `<div role="navigation"><a href="/">Home</a></div>`, false, true},
		{"a search box", `<div role="search"><input></div>`, false, true},
		{"the footer by role", `<div role="contentinfo">© 2026</div>`, false, true},
		{"a content block", `<div class="servicecontent">Every week dozens of dogs arrive.</div>`, false, false},
		{"a tab list stays to its own rule", `<div role="tablist"><a>One</a></div>`, false, false},
	}
	for _, tt := range tests {
		n := firstElementOf(t, tt.html)
		if got := isBodyLandmark(n, tt.inContent); got != tt.want {
			t.Errorf("%s: isBodyLandmark = %v, want %v", tt.name, got, tt.want)
		}
	}
}
