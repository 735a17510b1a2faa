package extract

import (
	"strings"
	"testing"
)

func TestDropLeadingCrumbs(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"an ordered trail, printed twice",
			"1. [Women](/w)\n2. Rain Jackets\n\n1. [Women](/w)\n2. Rain Jackets\n\n## Rain Jackets\n\nShells for wet days.",
			"## Rain Jackets\n\nShells for wet days."},
		{"a bulleted trail of three steps",
			"- [Home](/)\n- [Garden](/garden)\n- Hoses & Reels\n\nHoses that do not kink.",
			"Hoses that do not kink."},
		{"a list whose last item is linked is a menu",
			"- [Home](/)\n- [Garden](/garden)\n\nText.", "- [Home](/)\n- [Garden](/garden)\n\nText."},
		{"a list of entries with long names stays",
			"- [The complete guide to pruning fruit trees in winter](/a)\n- Read on\n\nText.",
			"- [The complete guide to pruning fruit trees in winter](/a)\n- Read on\n\nText."},
		{"a list further down is the content's",
			"Intro.\n\nMore.\n\nEven more.\n\nStill more.\n\n- [Home](/)\n- Garden",
			"Intro.\n\nMore.\n\nEven more.\n\nStill more.\n\n- [Home](/)\n- Garden"},
		{"a list of plain items stays",
			"- Flour\n- Water\n\nMix them.", "- Flour\n- Water\n\nMix them."},
		{"never everything",
			"- [Home](/)\n- Garden", "- [Home](/)\n- Garden"},
	} {
		if got := dropLeadingCrumbs(tc.in, &defaultConfig); got != tc.want {
			t.Errorf("%s: dropLeadingCrumbs(%q) =\n%q, want\n%q", tc.name, tc.in, got, tc.want)
		}
	}
}

// TestFromHTMLUnnamedCrumbTrailDropped: a clothing shop's category page
// opens with its trail as an ordered list, in no element named for a
// breadcrumb, once for wide screens and once for narrow ones; the page
// comes back from its own heading on.
func TestFromHTMLUnnamedCrumbTrailDropped(t *testing.T) {
	trail := `<ol class="trail-list"><li class="trail-item"><a href="/us/women">Women</a></li><li class="trail-item" aria-current="page">Rain Jackets</li></ol>`
	body := `<main><div class="pc-only">` + trail + `</div><div class="sp-only">` + trail + `</div>
<section class="lp-hero"><h2>Women's Rain Jackets</h2><p>Light shells that pack into their own pocket and keep a downpour out on the walk to work, with taped seams and a hood that stays put in the wind.</p>
<p>Every jacket here is machine washable and comes in sizes from XXS to 3XL.</p></section>
<ul class="lp-tabs"><li><a href="/us/men/rain">MEN</a></li><li>WOMEN</li></ul></main>`
	d, err := FromHTML(page(`<title>Women's Rain Jackets | Acme Wear</title>`, siteChrome(body)), mustURL(t, "https://wear.example.com/us/women/rain-jackets"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(d.Markdown, "[Women](") {
		t.Errorf("the breadcrumb trail kept:\n%s", d.Markdown)
	}
	for _, want := range []string{"Light shells that pack", "machine washable"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("lost %q:\n%s", want, d.Markdown)
		}
	}
}
