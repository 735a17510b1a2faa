package extract

import (
	"fmt"
	"strings"
	"testing"
)

// shortTopic is a forum topic of the kind a vBulletin or XenForo theme
// renders: the opening post in a block of its own above the replies, two
// short replies with their author cards, and the page's type declared in
// JSON-LD (ldType).
func shortTopic(ldType string) string {
	replies := [][3]string{
		{"dovetail_dan", "Apr 3, 2021", "The hardware store on Mill Lane in Ashby sends saws out every Thursday and they come back cutting like new."},
		{"oakandiron", "Jan 22, 2022", "Also after someone near the coast who can do a rip saw, or anywhere within an hour of Westport."},
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<script type="application/ld+json">{"@context":"https://schema.org","@type":"%s","headline":"Saw sharpening near the valley","author":{"@type":"Person","name":"shavings"}}</script>`, ldType)
	b.WriteString(`<div class="p-body"><div class="p-body-main p-body-main--withSidebar"><h1>Saw sharpening near the valley</h1>
<div class="topic-stats"><span>1.4K views</span> <span>2 replies</span> <span>3 participants</span></div>
<div class="first-post"><div class="user-card"><a href="/members/shavings/">shavings</a> <span>48 posts · Joined 2011</span></div><time datetime="2021-03-14">Mar 14, 2021</time>
<div class="post-body"><p>Does anyone know a place near the valley that still sharpens hand saws? The man in town who did mine has retired, and my grandfather's crosscut and two backsaws need more than a file can give them.</p></div></div>
<div class="replies">`)
	for i, r := range replies {
		fmt.Fprintf(&b, `<div class="message-row"><div class="user-card"><a href="/members/%s/">%s</a> <span>%d posts</span></div><time datetime="2021-04-0%d">%s</time><div class="post-body"><p>%s</p></div><div class="post-actions"><button>Reply</button></div></div>`,
			r[0], r[0], 10*(i+2), i+1, r[1], r[2])
	}
	b.WriteString(`</div></div><div class="p-sidebar"><h3>Similar threads</h3><ul><li><a href="/t/1">Honing guides worth buying</a></li></ul></div></div>`)
	return b.String()
}

// TestShortForumTopicKeepsItsReplies: the article path kept the opening
// post, and the replies found apart from it are few and short. On a forum
// topic they are still the discussion; under a question they may be
// comments beside its answers, and must outweigh it to count.
func TestShortForumTopicKeepsItsReplies(t *testing.T) {
	u := mustURL(t, "https://www.woodshop.example/threads/saw-sharpening.4821/")
	head := `<title>Saw sharpening near the valley | Woodshop Forum</title><meta property="og:type" content="website">`
	op := "Does anyone know a place near the valley that still sharpens hand saws? The man in town who did mine has retired, and my grandfather's crosscut and two backsaws need more than a file can give them."
	for _, tc := range []struct {
		name, ldType string
		want         threadKind
	}{
		{"forum topic", "DiscussionForumPosting", threadReplies},
		{"question", "QAPage", threadNone},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := parseClean(page(head, siteChrome(shortTopic(tc.ldType))))
			if err != nil {
				t.Fatal(err)
			}
			r, kind := threadContent(root, u, &pageText{doc: root}, collectMeta(root), rendered{markdown: op}, &defaultConfig)
			if kind != tc.want {
				t.Fatalf("kind %d, want %d:\n%s", kind, tc.want, r.markdown)
			}
			if kind == threadNone {
				return
			}
			if !strings.HasPrefix(r.markdown, op[:40]) {
				t.Errorf("the opening post should lead:\n%s", r.markdown)
			}
			for _, reply := range []string{"Mill Lane in Ashby", "within an hour of Westport"} {
				if !strings.Contains(r.markdown, reply) {
					t.Errorf("reply %q lost:\n%s", reply, r.markdown)
				}
			}
			for _, chrome := range []string{"Similar threads", "Reply", "We use cookies"} {
				if strings.Contains(r.markdown, chrome) {
					t.Errorf("chrome %q kept:\n%s", chrome, r.markdown)
				}
			}
		})
	}
}
