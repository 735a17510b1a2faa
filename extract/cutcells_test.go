package extract

import (
	"strings"
	"testing"
)

// insuranceCompareFactorsPage is an insurer's guide with a table of
// factors to weigh: each row a factor, why it matters and a tip, the tips
// holding links to the insurer's own tools (unquoted href values, as
// hand-written templates leave them), one tip opening with its link.
func insuranceCompareFactorsPage() string {
	return page(`<meta charset="utf-8"><title>How to compare home cover quotes | Larkfield Mutual</title>`,
		siteChrome(`<main><h1>How to compare home cover quotes</h1>
<p>Comparing quotes is worth the twenty minutes it takes: two policies at the same price can pay out very differently after a burst pipe or a break-in, and the cheapest quote is often the one that leaves out what you need most.</p>
<h2>What to compare beyond price</h2>
<p>Keep these factors in mind when you put two quotes side by side, and ask each insurer the same questions so the answers line up.</p>
<div class="tables content wrap"><table>
<thead><tr><th scope="col"></th><th scope="col"><p class="h5-style">Why it matters</p></th><th scope="col"><p class="h5-style">What to check</p></th></tr></thead>
<tbody>
<tr><th scope="row"><p>Rebuild value</p></th>
<td><span class="mobile-heading">Why it matters</span><p class="td-text">A policy pays to rebuild up to the sum you insure, so a low figure makes a cheap quote look better than it is.</p></td>
<td><span class="mobile-heading">What to check</span><p class="td-text">Work out the cost of rebuilding with our <a href=https://larkfield.example.com/tools/rebuild/>rebuild estimator</a> and ask each insurer for the same figure before you compare.</p></td></tr>
<tr><th scope="row"><p>Excess</p></th>
<td><span class="mobile-heading">Why it matters</span><p class="td-text">The excess is what you pay towards each claim; a higher one lowers the premium and raises every bill you send in.</p></td>
<td><span class="mobile-heading">What to check</span><p class="td-text"><a href=/guides/excess/>Our excess guide</a> explains voluntary and compulsory excess, and why the two are added together on most claims.</p></td></tr>
<tr><th scope="row"><p>Claims service</p></th>
<td><span class="mobile-heading">Why it matters</span><p class="td-text">A claim handled in a week and one handled in three months cost the same premium but not the same summer.</p></td>
<td><span class="mobile-heading">What to check</span><p class="td-text">Look for a line open every day, and read how claims are settled in the <a href=/claims/>claims charter</a> each insurer publishes.</p></td></tr>
</tbody></table></div>
<p>Once the quotes line up, the price difference that is left is the one worth paying attention to. Call us if a figure on your quote is not clear.</p>
</main>`))
}

func TestFromHTMLTableCellsKeepTheirTextAfterALink(t *testing.T) {
	d, err := FromHTML(insuranceCompareFactorsPage(), mustURL(t, "https://larkfield.example.com/home/compare-quotes/"))
	if err != nil {
		t.Fatal(err)
	}
	md := StripMarkdownLinks(d.Markdown)
	for _, want := range []string{
		"rebuild estimator and ask each insurer for the same figure before you compare",
		"Our excess guide explains voluntary and compulsory excess",
		"claims charter each insurer publishes",
		"A policy pays to rebuild up to the sum you insure",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("%q lost:\n%s", want, d.Markdown)
		}
	}
}

func TestCutCopyOf(t *testing.T) {
	source := []string{"", "Whyitmatters", "Tip", "Rebuild", "Apolicypays", "Workoutthecostwithourestimatorandask", "Excess", "Theexcessis", "Ourguideexplains"}
	tests := []struct {
		name string
		kept []string
		want bool
	}{
		{"cells cut at their link", []string{"Whyitmatters", "Tip", "Rebuild", "Apolicypays", "Workoutthecostwithour", "Excess", "Theexcessis"}, true},
		{"a cell that opens with a link dropped", []string{"Whyitmatters", "Tip", "Rebuild", "Apolicypays", "Workoutthecostwithourestimatorandask", "Excess", "Theexcessis"}, true},
		{"the whole table kept", []string{"Whyitmatters", "Tip", "Rebuild", "Apolicypays", "Workoutthecostwithourestimatorandask", "Excess", "Theexcessis", "Ourguideexplains"}, false},
		{"a small table that begins like it", []string{"Whyitmatters", "Tip"}, false},
		{"another table", []string{"Plan", "Price", "Basic", "5", "Plus", "9"}, false},
		{"cells out of order", []string{"Tip", "Whyitmatters", "Rebuild", "Apolicypays", "Workoutthecostwithour", "Excess", "Theexcessis"}, false},
	}
	for _, tt := range tests {
		if got := cutCopyOf(tt.kept, newCellTable(nil, source), &defaultConfig); got != tt.want {
			t.Errorf("%s: cutCopyOf = %v, want %v", tt.name, got, tt.want)
		}
	}
}
