package extract

import (
	"strings"
	"testing"
)

// TestUndefinedElementShown: a slider drawn by its script (a custom
// element, hidden by its own style attribute until the script defines it)
// shows its text to a person once the page has loaded; a custom element a
// stylesheet hides (a cart drawer) and a plain element hidden inline stay
// hidden.
func TestUndefinedElementShown(t *testing.T) {
	const css = `<style>cart-drawer{visibility:hidden}.rs-p-wp-fix{display:none}</style>`
	const page = css + `<body><header><a href="/">Sole Studio</a><a href="/cart">Cart (0)</a></header>
<main><h1>Zero Sandal</h1><p class="price">€89.00</p>
<p>The Zero is our thinnest sandal: a flat sole cut by hand from one sheet of rubber, a single cord between the toes and an adjustable strap at the heel. It weighs less than a phone and folds into a jacket pocket, so it comes along on every trip and is there when the boots come off.</p>
<p>Each pair is made to order in our workshop within five working days. Measure your foot on paper before you choose a size: the sole follows the outline of the foot and should leave a finger's width at the toes.</p>
<p class="rs-p-wp-fix"></p>
<rs-module-wrap id="slider_3_wrapper" data-source="gallery" style="visibility:hidden;background:transparent;padding:0;">
<rs-module id="slider_3" data-version="6.7"><rs-slides style="overflow:hidden;position:absolute;"><rs-slide data-key="rs-1" data-anim="ms:2000;">
<rs-layer data-type="text" style="z-index:8;font-family:'Lovelo';">A SOLE YOU CAN FEEL THE GROUND THROUGH</rs-layer>
<rs-layer data-type="text" style="z-index:7;">Five millimetres of rubber and nothing else between your foot and the trail.</rs-layer>
</rs-slide></rs-slides></rs-module></rs-module-wrap>
<div class="quick-note" style="visibility:hidden">Added to your bag</div>
<cart-drawer class="drawer"><p>Your bag is empty. Keep shopping.</p></cart-drawer>
</main><script>window.RS_MODULES = {};</script></body>`
	root, err := parseClean(prepareInput(page))
	if err != nil {
		t.Fatal(err)
	}
	text := textOf(root)
	for _, want := range []string{"A SOLE YOU CAN FEEL THE GROUND THROUGH", "Five millimetres of rubber"} {
		if !strings.Contains(text, want) {
			t.Errorf("slider text %q hidden", want)
		}
	}
	for _, gone := range []string{"Added to your bag", "Your bag is empty"} {
		if strings.Contains(text, gone) {
			t.Errorf("hidden text %q shown", gone)
		}
	}
}
