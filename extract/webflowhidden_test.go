package extract

import (
	"strings"
	"testing"
)

// webflowServicePage is a service page built with Webflow: a CMS badge
// whose visibility condition is off, and a quote form with the success
// and error messages Webflow's stylesheet hides until the form is sent,
// under the site's chrome.
func webflowServicePage() string {
	return page(`<meta charset="utf-8"><title>Gutter cleaning in Ashford | Clearflow</title><meta content="Webflow" name="generator">`,
		siteChrome(`<main class="main-wrapper"><section class="section_hero"><div class="padding-global"><div class="container-large">
<h1 class="heading-style-h1">Gutter cleaning in Ashford</h1>
<div class="hero_badge w-condition-invisible"><div>Spring offer: twenty percent off</div></div>
<p class="text-size-medium">We clear gutters, downpipes and valleys on houses up to three storeys, from the ground with vacuum poles where we can and by ladder where we must, and send you photos of every run before and after.</p>
</div></div></section>
<section class="section_services"><div class="container-large">
<h2>What a visit includes</h2>
<p>Every visit includes a check of the joints and brackets, a flush of each downpipe, and a short written report of anything that needs a roofer rather than a cleaner.</p>
<p>Most terraced houses take under an hour; detached houses with conservatories take about two.</p>
</div></section>
<section class="section_quote"><div class="container-large"><h2>Ask for a quote</h2>
<div class="quote_form-block w-form"><form id="wf-form-Quote" name="wf-form-Quote" method="get"><label for="name">Name</label><input class="w-input" name="name" id="name" type="text"><input type="submit" value="Send" class="w-button"></form>
<div class="w-form-done" tabindex="-1" role="region" aria-label="Quote success"><div>Thanks, we have your request and will call you back within a working day.</div></div>
<div class="w-form-fail" tabindex="-1" role="region" aria-label="Quote failure"><div>Your request did not go through. Please try again or call the office.</div></div>
</div></div></section></main>`))
}

func TestFromHTMLWebflowHiddenBlocksStayHidden(t *testing.T) {
	d, err := FromHTML(webflowServicePage(), mustURL(t, "https://www.clearflow.example.co.uk/gutter-cleaning/ashford"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"We clear gutters, downpipes and valleys", "Every visit includes a check of the joints"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("%q lost:\n%s", want, d.Markdown)
		}
	}
	for _, hidden := range []string{"we have your request", "did not go through", "Spring offer"} {
		if strings.Contains(d.Markdown, hidden) {
			t.Errorf("hidden block %q kept:\n%s", hidden, d.Markdown)
		}
	}
}

func TestClassHidesWebflow(t *testing.T) {
	for _, tc := range []struct {
		class string
		want  bool
	}{
		{"hero_badge w-condition-invisible", true}, {"w-form-done", true}, {"w-form-fail", true},
		{"quote_form-block w-form", false}, {"w-button", false}, {"w-form-done-wrapper", false},
	} {
		if got := classHides(tc.class); got != tc.want {
			t.Errorf("classHides(%q) = %v, want %v", tc.class, got, tc.want)
		}
	}
}
