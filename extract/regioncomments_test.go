package extract

import (
	"fmt"
	"strings"
	"testing"
)

// guideSections are the parts of an undeclared guide page ("open source
// alternatives to a chat tool"): short sections, each a tool's name and a
// few lines, which the article extractors read as one thin block.
var guideSections = []string{
	"Rocket Chat is a self-hosted team chat with channels, threads and video calls, and it imports history from the hosted tool.",
	"Mattermost keeps the layout people know from the hosted tool and adds playbooks for incident response.",
	"Zulip sorts every conversation into topics, so a channel reads like a set of short threads instead of one stream.",
	"Element speaks the Matrix protocol, which lets one server talk to others and bridges to the other networks a team uses.",
	"IRC is the oldest of them all and still the lightest; a bouncer keeps you in the channel while you are away.",
	"Jitsi is not a chat but pairs with all of the above for calls that need no account at all.",
}

// guideWithComments is such a guide in the shape CMS sites serve: no
// og:type, no structured data, the guide in <main>, its readers'
// comments in a section with id "comments" inside <main>, each comment
// longer than a section of the guide, then the reply form and a licence
// line.
func guideWithComments(comments int) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><title>Open source alternatives to a chat tool | Example Open</title></head>
<body><header><nav><a href="/">Example Open</a> <a href="/topics">Topics</a> <a href="/login">Log in</a></nav></header>
<main><h1>Open source alternatives to a chat tool</h1><p>Six tools your team can run itself.</p>`)
	for i, s := range guideSections {
		fmt.Fprintf(&b, `<h2>Tool %d</h2><p>%s It runs on a small server or a laptop, and the project publishes packages for the common systems.</p><ul><li>Licence: free</li><li><a href="https://tool%d.example/">Website</a></li></ul>`, i+1, s, i+1)
	}
	b.WriteString(`<section id="comments" class="field comment-wrapper"><h2>Comments</h2>`)
	for i := range comments {
		c, d := readerComments[i%len(readerComments)], readerComments[(i+1)%len(readerComments)]
		fmt.Fprintf(&b, `<article class="comment"><footer class="comment__meta"><span>Reader %d</span> | June %d, 2019</footer><div class="comment-body"><p>%s</p><p>%s</p></div><a href="/comment/reply/%d">Reply</a></article>`, i, 1+i, c, d, i)
	}
	b.WriteString(`<form class="comment-form"><textarea name="comment"></textarea><button>Post</button></form></section>
<p><a href="https://creativecommons.org/licenses/by-sa/4.0/">This work is licensed under a Creative Commons licence.</a></p></main>
<footer><p>© Example Open</p></footer></body></html>`)
	return b.String()
}

// TestRegionWithoutCommentSection: the main region of an undeclared page
// is read without its readers' comment section: the guide's sections
// stay, the comments go, however much longer they are than the guide;
// also when the guide sits in a wrapper whose classes name the post's
// comments ("comments-open": a state of the post, not its comment
// section, which never holds the headline).
func TestRegionWithoutCommentSection(t *testing.T) {
	for _, wrapper := range []string{"", "entry has-comments", "post comments-open"} {
		t.Run(wrapper, func(t *testing.T) {
			page := guideWithComments(4)
			if wrapper != "" {
				page = strings.Replace(page, `<main><h1>`, `<main><div class="`+wrapper+`"><h1>`, 1)
				page = strings.Replace(page, `<section id="comments"`, `</div><section id="comments"`, 1)
			}
			d, err := FromHTML(page, mustURL(t, "https://open.example/alternatives/chat"))
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range guideSections {
				if !strings.Contains(d.Markdown, s) {
					t.Errorf("lacks the guide's section %q:\n%s", s, d.Markdown)
				}
			}
			for _, c := range append(readerComments, "Reader 3", "June 4, 2019") {
				if strings.Contains(d.Markdown, c) {
					t.Errorf("kept comment text %q:\n%s", c, d.Markdown)
				}
			}
		})
	}
}
