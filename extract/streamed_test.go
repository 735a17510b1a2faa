package extract

import (
	"strings"
	"testing"
)

func TestFromHTMLReactStreamedSegmentsArePlaced(t *testing.T) {
	// React's streaming shape: a placeholder and a skeleton where the
	// content goes, the content in a hidden div at the end of the body and
	// a script that swaps them.
	body := `<header class="site-header"><a href="/">Acme</a></header>
<main id="main"><!--$?--><template id="B:0"></template><div role="status" class="animate-pulse"><p>Loading product…</p></div><!--/$--></main>
<footer class="site-footer"><p>Acme Inc., 12 Harbour Road.</p></footer>
<script>$RC=function(b,c){/* move c into b */};</script>
<div hidden id="S:0"><article><h1>Harbour Steel Kettle 1.7 L</h1>
<p>A brushed steel kettle that boils a full litre in under three minutes and switches itself off when the water boils or the base runs dry.</p>
<p>The lid opens with one press and the limescale filter lifts out for rinsing under the tap, so the water never tastes of scale.</p>
<!--$?--><template id="B:1"></template><p>Loading specifications…</p><!--/$--></article></div>
<script>$RC("B:0","S:0")</script>
<div hidden id="S:1"><table><tr><th>Capacity</th><td>1.7 litres</td></tr><tr><th>Power</th><td>2200 W</td></tr></table></div>
<div hidden id="S:7"><p>SECRETS a segment no placeholder asks for stays hidden</p></div>`
	d, err := FromHTML(page(`<title>Harbour Steel Kettle 1.7 L | Acme</title>`, body), mustURL(t, "https://shop.example.com/kettle"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"boils a full litre", "limescale filter", "2200 W"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("streamed text %q lost:\n%s", want, d.Markdown)
		}
	}
	for _, bad := range []string{"Loading", "SECRETS"} {
		if strings.Contains(d.Markdown, bad) {
			t.Errorf("%q kept:\n%s", bad, d.Markdown)
		}
	}
}
