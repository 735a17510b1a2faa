package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// firstElementOf is the first element of an HTML fragment, parsed as a
// page's body.
func firstElementOf(t *testing.T, fragment string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<html><body>" + fragment + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	for c := findElement(doc, atom.Body).FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	t.Fatalf("no element in %q", fragment)
	return nil
}

// subjectedRepliesThreadPage is a forum topic whose posts each carry a
// subject heading, the replies' "Re: " and the topic's title, above the
// author line and the post, under the site's chrome.
func subjectedRepliesThreadPage() string {
	post := func(id, subject, who, when, text string) string {
		return `<div id="p` + id + `" class="post has-profile"><div class="inner">
<dl class="postprofile"><dt><a href="./memberlist.php?mode=viewprofile&amp;u=` + id + `" class="username">` + who + `</a></dt></dl>
<div class="postbody"><h3><a href="#p` + id + `">` + subject + `</a></h3>
<p class="author">by <strong>` + who + `</strong> &raquo; <time datetime="` + when + `">` + when + `</time></p>
<div class="content">` + text + `</div></div></div></div>`
	}
	const title = "Wiring a second consumer unit in a garden office"
	return page(`<meta charset="utf-8"><title>`+title+` — Sparkway Forum</title>`,
		siteChrome(`<main id="page-body"><h2 class="topic-title"><a href="./viewtopic.php?t=310">`+title+`</a></h2>
`+post("901", title, "oakbeam", "2024-09-03T18:10:00", "The office is twenty metres from the house. Do I run armoured cable to a second consumer unit out there, or a radial from the main board?")+`
`+post("902", "Re: "+title, "ringmain", "2024-09-03T19:44:00", "A submain in armoured cable to a small consumer unit in the office is the usual answer: it gives you your own protection out there and room for a heater circuit later.")+`
`+post("903", "Re: "+title, "oakbeam", "2024-09-04T08:02:00", "Would a six square millimetre cable do for twenty metres, or is that too small once the heater is on?")+`
`+post("904", "RE: "+title, "earthrod", "2024-09-04T09:30:00", "Work it out from the load and the voltage drop, not from a rule of thumb; and have the installation signed off, since a new circuit outdoors is notifiable work.")+`
</main>`))
}

func TestFromHTMLThreadDropsReplySubjects(t *testing.T) {
	d, err := FromHTML(subjectedRepliesThreadPage(), mustURL(t, "https://forum.sparkway.example.net/viewtopic.php?t=310"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Do I run armoured cable to a second consumer unit",
		"A submain in armoured cable",
		"Would a six square millimetre cable do",
		"Work it out from the load and the voltage drop",
	} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("%q lost:\n%s", want, d.Markdown)
		}
	}
	if md := strings.ToLower(d.Markdown); strings.Contains(md, "re: wiring") {
		t.Errorf("a reply's subject heading kept:\n%s", d.Markdown)
	}
}

func TestIsReplySubject(t *testing.T) {
	tests := []struct {
		html string
		want bool
	}{
		{`<h3><a href="#p2">Re: Wiring a garden office</a></h3>`, true},
		{`<h2>RE:  Wiring a garden office</h2>`, true},
		{`<h3>Aw: Gartenhaus verkabeln</h3>`, true},
		{`<h3>Wiring a garden office</h3>`, false},
		{`<h3>Re:</h3>`, false},
		{`<h3>Regulations for garden offices</h3>`, false},
		{`<p>Re: Wiring a garden office</p>`, false},
	}
	for _, tt := range tests {
		if got := isReplySubject(firstElementOf(t, tt.html)); got != tt.want {
			t.Errorf("isReplySubject(%s) = %v, want %v", tt.html, got, tt.want)
		}
	}
}
