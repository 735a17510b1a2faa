package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestMainRegionWithoutSignupBoxesOrStatusMessages(t *testing.T) {
	// A shop's category page with a newsletter box whose offer and consent
	// text stand beside the form, a log-in box and a live "added" message
	// after its tiles; the classes name none of them. Its region (what the
	// page is read from when the article path kept a menu or an intro)
	// keeps the tiles and none of the boxes.
	boxes := `<div class="b7x"><h4>Save 10% on your first order</h4><p>Join our mailing list for new lights and riding tips.</p>
<form action="/subscribe"><input type="email" name="e" placeholder="Your email"><button>Sign up</button></form>
<p>By signing up you agree to receive marketing emails. You can unsubscribe at any time.</p></div>
<div class="q2"><form action="/login"><p>Already a customer? Log in to see your orders.</p><input type="text" name="u"><input type="password" name="p"><button>Log in</button></form></div>
<div role="status">USB Light Set was added to your basket.</div>`
	root, err := parseClean(prepareInput(strings.Replace(lightsPage(), "</main>", boxes+"</main>", 1)))
	if err != nil {
		t.Fatal(err)
	}
	text := textOf(mainRegion(root, &defaultConfig))
	for _, want := range []string{"Lights", "Trailglow Five Light", "$31.50", "Spoke Reflector Pack"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q lost:\n%s", want, text)
		}
	}
	for _, never := range []string{"Save 10%", "mailing list", "By signing up", "Already a customer", "added to your basket"} {
		if strings.Contains(text, never) {
			t.Errorf("%q kept:\n%s", never, text)
		}
	}
}

func TestIsSiteForm(t *testing.T) {
	long := strings.Repeat("Every field of this long application form is explained here in words. ", 12)
	for _, tc := range []struct {
		form string
		want bool
	}{
		{`<form><input type="email"><button>Join</button></form>`, true},
		{`<form><input type="search" name="q"></form>`, true},
		{`<form><input type="text"><input type="password"></form>`, true},
		{`<form action="/cart"><select><option>M</option></select><input type="number" value="1"><button>Add to cart</button></form>`, false},
		{`<form id="aspnetForm"><input type="search"><p>` + long + `</p></form>`, false},
		{`<div><input type="email"></div>`, false},
	} {
		root, err := html.Parse(strings.NewReader(tc.form))
		if err != nil {
			t.Fatal(err)
		}
		body := findElement(root, atom.Body)
		if got := isSiteForm(body.FirstChild, &defaultConfig); got != tc.want {
			t.Errorf("isSiteForm(%s) = %v, want %v", tc.form, got, tc.want)
		}
	}
}
