package extract

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// headedCardThread is a forum topic whose author cards set the name and
// rank in a header above the profile list, each profile line a
// definition list of its own ("Messages:" / "1,046"), so the element
// holding the lines opens with a label, not with the name.
func headedCardThread() string {
	ranks := []string{"Newcomer", "Well-Known Member", "Active Member"}
	var b strings.Builder
	b.WriteString(`<script>var boardState = {"style":3,"unread":[]};</script><h1>rsync stops at a space in the path</h1><ol class="posts">`)
	for i, p := range forumPosts[:3] {
		fmt.Fprintf(&b, `<li id="post-%d" class="message"><div class="userInfo"><div class="userBlock"><div class="avatarHolder"><a href="/members/%s.%d/" class="avatar"><img src="/avatars/%d.jpg" alt="%s"></a></div>`, i, p[0], i, i, p[0])
		fmt.Fprintf(&b, `<h3 class="userText"><a href="/members/%s.%d/" class="username">%s</a> <em class="userTitle">%s</em></h3><div class="extraInfo">`, p[0], i, p[0], ranks[i])
		for j, l := range []string{"Messages", "Likes Received", "Trophy Points"} {
			fmt.Fprintf(&b, `<dl class="pairs">
				<dt>%s:</dt>
				<dd><a href="/search/member?user_id=%d">%d</a></dd></dl>`, l, i, (i+1)*(j+3)*17)
		}
		fmt.Fprintf(&b, `</div></div></div><div class="messageInfo"><blockquote class="messageText">%s</blockquote><div class="messageMeta"><span class="DateTime" title="%s 10:0%d">%s</span> <a href="/posts/%d/report">Report</a></div></div></li>`, p[2], p[1], i, p[1], i)
	}
	b.WriteString(`</ol><script>document.querySelectorAll(".messageMeta").forEach(function(e){e.dataset.ok=1});</script>`)
	return b.String()
}

// TestAuthorCardUnderANameHeader: a card whose profile lines come after a
// header with the name and the rank is cleared like any other: the
// profile lines and the avatar go, every body, name and date stays, and
// the name is text, not a lone link to the profile.
func TestAuthorCardUnderANameHeader(t *testing.T) {
	src := page(`<title>rsync stops at a space in the path | Shell Forum</title><meta property="og:type" content="website">`, siteChrome(headedCardThread()))
	root, err := parseClean(src)
	if err != nil {
		t.Fatal(err)
	}
	dropAuthorCards(root, &defaultConfig)
	tree := renderNode(t, root)
	for _, p := range forumPosts[:3] {
		for _, want := range []string{p[2], `class="userText">` + p[0] + " ", ">" + p[1] + "<"} {
			if !strings.Contains(tree, want) {
				t.Errorf("%q lost from the tree", want)
			}
		}
	}
	for _, gone := range []string{"Messages:", "Likes Received:", "Trophy Points:", "/avatars/", "/search/member"} {
		if strings.Contains(tree, gone) {
			t.Errorf("card line %q kept in the tree", gone)
		}
	}
	d, err := FromHTML(src, mustURL(t, "https://forum.example.org/threads/rsync-space.77/"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range forumPosts[:3] {
		if !strings.Contains(d.Markdown, p[2][:60]) {
			t.Errorf("post body %q lost:\n%s", p[2][:30], d.Markdown)
		}
		if !strings.Contains(d.Markdown, p[0]) {
			t.Errorf("author %q lost:\n%s", p[0], d.Markdown)
		}
		if strings.Contains(d.Markdown, "["+p[0]+"](") {
			t.Errorf("author %q kept as a link to the profile:\n%s", p[0], d.Markdown)
		}
	}
	for _, gone := range []string{"Messages:", "Likes Received", "Trophy Points"} {
		if strings.Contains(d.Markdown, gone) {
			t.Errorf("card line %q kept:\n%s", gone, d.Markdown)
		}
	}
}

// TestNameHeadedStaysInItsCard: the climb to the name stops at an
// ancestor holding another card's lines, and at one past CardMaxWords.
func TestNameHeadedStaysInItsCard(t *testing.T) {
	lines := `<div class="extra"><dl><dt>Messages:</dt> <dd>3</dd></dl><dl><dt>Points:</dt> <dd>5</dd></dl></div>`
	for _, tc := range []struct {
		name, body string
		climbs     bool
	}{
		{"name header above", `<div id="top"><h3>ana</h3>` + lines + `</div>`, true},
		{"another card beside", `<div id="top"><h3>ana</h3>` + lines + `<dl><dt>Age:</dt> <dd>4</dd></dl></div>`, false},
		{"long text above", `<div id="top"><p>` + strings.Repeat("word ", 70) + `</p>` + lines + `</div>`, false},
		{"label first all the way", `<div id="top">` + lines + `</div>`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := parseClean(page("<title>t</title>", tc.body))
			if err != nil {
				t.Fatal(err)
			}
			ls := labelLines(root, &defaultConfig, nil)
			held := map[*html.Node]int{}
			for _, l := range ls {
				for p := l.n.Parent; p != nil; p = p.Parent {
					held[p]++
				}
			}
			card := findFirst(root, func(n *html.Node) bool { return getAttr(n, "class") == "extra" })
			got := nameHeaded(card, held, &defaultConfig)
			if climbed := getAttr(got, "id") == "top"; climbed != tc.climbs {
				t.Errorf("climbed to %s#%s, want climb %v", got.Data, getAttr(got, "id"), tc.climbs)
			}
		})
	}
}
