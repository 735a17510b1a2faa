package extract

import (
	"strings"
	"testing"
)

// shadedPostsThreadPage is a forum topic whose posts alternate a shading
// class ("post has-profile bg2", "post has-profile bg1"), the way forum
// packages stripe a topic's posts, each with its author, date and a quote
// button, under the site's chrome.
func shadedPostsThreadPage() string {
	post := func(shade, id, who, when, text string) string {
		return `<div id="p` + id + `" class="post has-profile ` + shade + `"><div class="inner">
<dl class="postprofile" id="profile` + id + `"><dt><a href="./memberlist.php?mode=viewprofile&amp;u=` + id + `" class="username">` + who + `</a></dt></dl>
<div class="postbody"><div id="post_content` + id + `"><ul class="post-buttons"><li><a href="./posting.php?mode=quote&amp;p=` + id + `" title="Reply with quote" class="button"><span>Quote</span></a></li></ul>
<p class="author"><a href="./viewtopic.php?p=` + id + `#p` + id + `">` + when + `</a></p>
<div class="content">` + text + `</div></div></div></div></div>`
	}
	return page(`<meta charset="utf-8"><title>Brackish tank for a first puffer — Tidepool Keepers</title>`,
		siteChrome(`<main id="page-body"><h2 class="topic-title"><a href="./viewtopic.php?t=88">Brackish tank for a first puffer</a></h2>
<div class="action-bar"><a href="./posting.php?mode=reply&amp;t=88" class="button">Post Reply</a></div>
`+post("bg2", "501", "saltmarsh", "<time datetime=\"2024-05-14T18:25:00\">Tue May 14, 2024 6:25 pm</time>", "I am setting up a sixty litre tank for a figure eight puffer and want to run it brackish from the start. How fast should I raise the salinity, and which plants survive it?")+`
`+post("bg1", "502", "reefwalker", "<time datetime=\"2024-05-14T19:02:00\">Tue May 14, 2024 7:02 pm</time>", "Raise it slowly, a point or two of specific gravity a week at most, and test before every water change. Java fern and anubias put up with low brackish better than most plants.")+`
`+post("bg2", "503", "saltmarsh", "<time datetime=\"2024-05-15T08:40:00\">Wed May 15, 2024 8:40 am</time>", "Thanks. Does the filter need to be cycled again after each step, or does the bacteria colony follow along if the change is gradual enough?")+`
`+post("bg1", "504", "mudskipper", "<time datetime=\"2024-05-15T09:15:00\">Wed May 15, 2024 9:15 am</time>", "The colony adapts if you go slowly; I never recycled mine. Keep an eye on ammonia for the first few days after each step and you will see it hold.")+`
`+post("bg2", "505", "saltmarsh", "<time datetime=\"2024-06-20T20:46:00\">Thu Jun 20, 2024 8:46 pm</time>", "An update a month on: the puffer is eating snails from my hand and the ferns have new leaves. Thank you all for the advice.")+`
</main>`))
}

func TestFromHTMLShadedPostsAreOneThread(t *testing.T) {
	d, err := FromHTML(shadedPostsThreadPage(), mustURL(t, "https://tidepool.example.org/forum/viewtopic.php?t=88"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"I am setting up a sixty litre tank",
		"Raise it slowly, a point or two",
		"Does the filter need to be cycled again",
		"The colony adapts if you go slowly",
		"the puffer is eating snails from my hand",
		// Read as a thread, each post keeps its author and date.
		"reefwalker", "mudskipper", "Thu Jun 20, 2024 8:46 pm",
	} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("%q lost:\n%s", want, d.Markdown)
		}
	}
}

func TestWithoutAlternation(t *testing.T) {
	tests := []struct{ class, want string }{
		{"Item Alt ItemComment Role_Member", "Item ItemComment Role_Member"},
		{"Item ItemComment Role_Member", "Item ItemComment Role_Member"},
		{"post has-profile bg2", "post has-profile"},
		{"post has-profile bg1", "post has-profile"},
		{"blockpost rowodd", "blockpost"},
		{"blockpost roweven", "blockpost"},
		{"comment odd-row", "comment"},
		{"comment even", "comment"},
		{"message", "message"},
		{"post alternative bg9 arrow", "post alternative bg9 arrow"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := withoutAlternation(tt.class); got != tt.want {
			t.Errorf("withoutAlternation(%q) = %q, want %q", tt.class, got, tt.want)
		}
	}
}
