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
		{"nismo_rider", "Mar 9, 2016", "Try the shop on Route 70 in Cherry Hill, they did a proper fit on my road bike last spring."},
		{"rightlane", "Nov 14, 2017", "Also interested in a fitter around Central Jersey, or Jersey City if nothing closer is any good."},
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<script type="application/ld+json">{"@context":"https://schema.org","@type":"%s","headline":"Bike fitting in South Jersey","author":{"@type":"Person","name":"pedalpusher"}}</script>`, ldType)
	b.WriteString(`<div class="p-body"><div class="p-body-main p-body-main--withSidebar"><h1>Bike fitting in South Jersey</h1>
<div class="topic-stats"><span>2K views</span> <span>2 replies</span> <span>3 participants</span></div>
<div class="first-post"><div class="user-card"><a href="/members/pedalpusher/">pedalpusher</a> <span>62 posts · Joined 2008</span></div><time datetime="2016-02-08">Feb 8, 2016</time>
<div class="post-body"><p>Any updated recommendations for a bike fitting? Preferably somewhere in the Central or South Jersey area, since the place I used years ago has closed and my new frame has a longer reach than the old one, so the saddle and bars need a proper look.</p></div></div>
<div class="replies">`)
	for i, r := range replies {
		fmt.Fprintf(&b, `<div class="message-row"><div class="user-card"><a href="/members/%s/">%s</a> <span>%d posts</span></div><time datetime="2016-03-0%d">%s</time><div class="post-body"><p>%s</p></div><div class="post-actions"><button>Reply</button></div></div>`,
			r[0], r[0], 10*(i+2), i+1, r[1], r[2])
	}
	b.WriteString(`</div></div><div class="p-sidebar"><h3>Similar threads</h3><ul><li><a href="/t/1">Saddle height advice</a></li></ul></div></div>`)
	return b.String()
}

// TestShortForumTopicKeepsItsReplies: the article path kept the opening
// post, and the replies found apart from it are few and short. On a forum
// topic they are still the discussion; under a question they may be
// comments beside its answers, and must outweigh it to count.
func TestShortForumTopicKeepsItsReplies(t *testing.T) {
	u := mustURL(t, "https://www.bikeforum.example/threads/bike-fitting.1234/")
	head := `<title>Bike fitting in South Jersey | Bike Forum</title><meta property="og:type" content="website">`
	op := "Any updated recommendations for a bike fitting? Preferably somewhere in the Central or South Jersey area, since the place I used years ago has closed and my new frame has a longer reach than the old one, so the saddle and bars need a proper look."
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
			for _, reply := range []string{"Route 70 in Cherry Hill", "fitter around Central Jersey"} {
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
