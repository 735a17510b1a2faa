package extract

import (
	"strings"
	"testing"
)

func TestIsSignInPrompt(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"[Sign in](https://shop.example/login?next=/app/12) to add this item to your wishlist or follow it", true},
		{"[Log in to save to favorites](/login)", true},
		{"- [Log in](/login) to set a price alert on this product.", true},
		{"[Login](/account)", true},
		{"**[Create an account](/join)** to track your orders", true},
		{"Sign in to add this item to your wishlist", false},                     // no link: words the page may mean
		{"[Sign in](/login) or check out as a guest and pay with a card", false}, // not "to …"
		{"[Log in to save](/login) your basket and more", false},                 // more after a whole-sentence link
		{"[Signing in with a passkey](/help/passkeys)", false},                   // a help article's title
		{"[Sign in](/login) to " + strings.Repeat("see more ", 10), false},       // longer than a prompt
		{"Read the [care guide](/care) before you log in.", false},
	}
	for _, tc := range tests {
		if got := isSignInPrompt(tc.line, &defaultConfig); got != tc.want {
			t.Errorf("isSignInPrompt(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

// A game store's page for one game: the account widget's prompts go, the
// game's own text about signing in to play stays.
func TestFromHTMLShopSignInPromptsDrop(t *testing.T) {
	content := `<main><div class="app"><h1>Lantern Keepers</h1>
<p class="blurb">Guide a flock of lantern spirits through a drowned city, one night at a time, in a puzzle game of light and tides.</p>
<div class="wish"><a href="https://games.example/login?goto=app/77">Sign in</a> to add this item to your wishlist, follow it, or mark it as ignored</div>
<div class="price-box"><span class="price">€14.99</span><button class="cart">Add to Cart</button></div>
<div class="alert"><a href="/login">Log in to set a price alert</a></div>
<h2>About this game</h2><p>Each night the tide rises a little higher, and the spirits you guide light the streets for the people still living on the rooftops. Plan each route before the water reaches the lamps.</p>
<p>Online co-op needs an account: sign in to play with friends on any device.</p></div></main>`
	d, err := FromHTML(page(`<title>Lantern Keepers | Games Example</title><meta property="og:type" content="product">`, siteChrome(content)), mustURL(t, "https://games.example/app/77/lantern-keepers"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"lantern spirits", "rooftops", "sign in to play with friends"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("%q lost:\n%s", want, d.Markdown)
		}
	}
	for _, gone := range []string{"wishlist", "price alert"} {
		if strings.Contains(d.Markdown, gone) {
			t.Errorf("prompt %q kept:\n%s", gone, d.Markdown)
		}
	}
}
