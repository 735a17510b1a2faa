package extract

import (
	"strings"
	"testing"
)

func TestFromHTMLOutOfOrderPartsArePlaced(t *testing.T) {
	// Marko's out-of-order flush: empty placeholders where the parts go,
	// the parts in display:none divs near the end of the body, each moved
	// by a call of the page's script. A div named the same way that no
	// call moves stays hidden.
	body := `<header class="site-header"><a href="/">Acme Market</a><nav><a href="/b/art">Art</a><a href="/b/coins">Coins</a></nav></header>
<main><span id="afshopph1"></span><noscript id="afshopph2"></noscript></main>
<footer class="site-footer"><p>Acme Market Inc.</p></footer>
<script>function $afshop(d){var l=document.getElementById("afshop"+d),g=document.getElementById("afshopph"+d);g.parentNode.replaceChild(l,g)}</script>
<div id="afshop1" style="display:none"><h1>Collectibles and art</h1><p>Prints, coins, stamps and signed memorabilia from sellers around the world, checked by our authenticity team.</p></div>
<script>$afshop(1);</script>
<div id="afshop2" style="display:none"><ul class="cards">
<li><a href="/i/1">Signed first edition comic, 1963</a><p>$420.00, 12 bids</p></li>
<li><a href="/i/2">Silver dollar, uncirculated</a><p>$89.00, buy it now</p></li>
<li><a href="/i/3">Framed botanical print set</a><p>$35.00, free delivery</p></li>
</ul></div>
<script>$afshop(2,1);</script>
<span id="afshopph3"></span><div id="afshop3" style="display:none"><p>SECRET text no call moves stays hidden</p></div>`
	d, err := FromHTML(page(`<title>Collectibles and art | Acme Market</title>`, body), mustURL(t, "https://market.example.com/b/collectibles"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"checked by our authenticity team", "Silver dollar, uncirculated", "free delivery"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("part %q lost:\n%s", want, d.Markdown)
		}
	}
	if strings.Contains(d.Markdown, "SECRET") {
		t.Errorf("a part no script moves was shown:\n%s", d.Markdown)
	}
}

func TestSplitOutOfOrderID(t *testing.T) {
	for _, tc := range []struct{ id, app, n string }{
		{"afbrwweb14", "brwweb", "14"},
		{"afbrwwebph14", "brwwebph", "14"},
		{"af0", "", "0"},
		{"afterword", "terword", ""},
	} {
		if app, n := splitOutOfOrderID(tc.id); app != tc.app || n != tc.n {
			t.Errorf("splitOutOfOrderID(%q) = %q, %q; want %q, %q", tc.id, app, n, tc.app, tc.n)
		}
	}
}
