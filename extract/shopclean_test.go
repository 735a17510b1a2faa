package extract

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// micReviews are buyers' reviews as a shop shows them and declares them.
var micReviews = []struct{ author, title, body string }{
	{"Robert D.", "Great for audiobooks", "Functionally it is one of the best microphones I use for recording audiobooks, warm and clear without any hiss from the preamp."},
	{"Lena", "Worth the price", "I hesitated about spending this much on a microphone, but the built-in preamp means I could sell my old inline booster."},
	{"Sam P.", "Podcast upgrade", "Our podcast sounds like a radio show now; the presence boost switch helps my co-host who speaks very softly."},
}

// micPage is a music shop's product page: chrome, a JSON-LD Product with
// its reviews (review, reviewBody), a buy box, a description with a list
// of features, and the same reviews shown in boxes whose class names say
// nothing ("c-7f2a"), under no heading.
func micPage(declare bool) string {
	type review struct {
		Type   string         `json:"@type"`
		Author map[string]any `json:"author"`
		Name   string         `json:"name"`
		Body   string         `json:"reviewBody"`
	}
	var ld []review
	var shown strings.Builder
	for _, r := range micReviews {
		ld = append(ld, review{"Review", map[string]any{"@type": "Person", "name": r.author}, r.title, r.body})
		fmt.Fprintf(&shown, `<div class="c-7f2a"><div class="c-91b"><span>%s</span> <span>★★★★★</span></div><p class="c-3d">%s</p><div class="c-11e">%s</div></div>`, r.author, r.title, r.body)
	}
	product := map[string]any{
		"@context": "https://schema.org", "@type": "Product", "name": "Studio dynamic microphone SD-7",
		"offers":          map[string]any{"@type": "Offer", "price": 349, "priceCurrency": "USD"},
		"aggregateRating": map[string]any{"@type": "AggregateRating", "ratingValue": 5, "reviewCount": len(micReviews)},
	}
	if declare {
		product["review"] = ld
	}
	js, _ := json.Marshal(product)
	head := `<title>Studio dynamic microphone SD-7 | Tonewood Music</title><meta property="og:type" content="product">
<script type="application/ld+json">` + string(js) + `</script><script>window.dataLayer=window.dataLayer||[];dataLayer.push({page:"pdp"});</script>`
	body := siteChrome(`<main><div class="pdp-wrap">
<div class="buy"><h1>Studio dynamic microphone SD-7</h1><p class="amt">$349.00</p><p>In stock, ships today</p><button type="button">Add to cart</button></div>
<div class="desc"><h2>The broadcast classic, now with its own preamp</h2>
<p>The SD-7 pairs a studio dynamic capsule with a built-in active preamp that adds up to 28 dB of clean gain, so it works straight into an audio interface without an inline booster. Its internal air suspension keeps handling noise out of the recording.</p>
<p>The bass roll-off and presence boost switches on the back shape the sound for speech or singing, and the close-talk windscreen tames breath sounds without a separate pop filter.</p>
<ul><li>Cardioid pickup pattern</li><li>50 Hz to 20 kHz frequency response</li><li>XLR output, phantom powered</li><li>Weight 0.85 kg</li></ul></div>
<div class="c-rev-wrap">` + shown.String() + `</div>
</div></main>`)
	return page(head, body)
}

func TestFromHTMLDeclaredReviewsLeaveTheProduct(t *testing.T) {
	d, err := FromHTML(micPage(true), mustURL(t, "https://tonewood.example.com/p/sd-7"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Studio dynamic microphone SD-7", "built-in active preamp that adds up to 28 dB", "presence boost switches", "Cardioid pickup pattern"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("product part %q lost:\n%s", want, d.Markdown)
		}
	}
	for _, r := range micReviews {
		if strings.Contains(d.Markdown, r.body[:40]) {
			t.Errorf("declared review %q kept:\n%s", r.body[:40], d.Markdown)
		}
	}
	// Without the declaration nothing says those boxes are reviews: the
	// rule does not guess.
	d, err = FromHTML(micPage(false), mustURL(t, "https://tonewood.example.com/p/sd-7"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Markdown, micReviews[0].body[:40]) {
		t.Errorf("undeclared review text dropped:\n%s", d.Markdown)
	}
}

func TestCleanShopDropsDeclaredReviewsOnly(t *testing.T) {
	reviews := shingleSet(wordTokens("Great product! The lid no longer drips onto the counter like my old kettle did every morning.", nil))
	tests := []struct{ name, md, want string }{
		{"review block goes", "# Kettle\n\nThe lid no longer drips onto the counter like my old kettle did every morning.\n\nCapacity 1.7 l",
			"# Kettle\n\nCapacity 1.7 l"},
		{"short line matching a review stays", "# Kettle\n\nGreat product!\n\nCapacity 1.7 l", "# Kettle\n\nGreat product!\n\nCapacity 1.7 l"},
		{"description sharing a few words stays", "The lid no longer drips, thanks to a new seal that closes tightly around the spout of the kettle when you pour.",
			"The lid no longer drips, thanks to a new seal that closes tightly around the spout of the kettle when you pour."},
		{"never everything", "The lid no longer drips onto the counter like my old kettle did every morning.",
			"The lid no longer drips onto the counter like my old kettle did every morning."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cleanShop(tc.md, reviews, &defaultConfig); got != tc.want {
				t.Errorf("cleanShop = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDeclaredReviews(t *testing.T) {
	tests := []struct {
		name string
		ld   string
		want bool // a review text is found
	}{
		{"nested in product", `{"@type":"Product","name":"X","review":[{"@type":"Review","reviewBody":"Sturdy and quiet, would buy again."}]}`, true},
		{"on its own", `{"@type":"Review","reviewBody":"Sturdy and quiet, would buy again."}`, true},
		{"rating only", `{"@type":"Product","aggregateRating":{"@type":"AggregateRating","ratingValue":4}}`, false},
		{"body not a string", `{"@type":"Review","reviewBody":{"text":"x"}}`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := &pageMeta{jsonLD: appendJSONLD(nil, tc.ld)}
			if got := declaredReviews(m) != nil; got != tc.want {
				t.Errorf("declaredReviews found = %v, want %v", got, tc.want)
			}
		})
	}
}
