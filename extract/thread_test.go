package extract

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// replyPosts are the replies of a thread whose opening post stands apart.
var replyPosts = [][3]string{
	{"fenrider", "Aug 5, 2023", "Lights are the first thing worth spending on: a dynamo hub or a bright rechargeable lamp that lasts the whole ride home, because cheap battery sets fade just when the road is darkest."},
	{"pedalpusher", "Aug 5, 2023", "Buy a waterproof jacket with long sleeves and a dropped tail, then overshoes. Wet feet and a soaked lower back are what make people give up, and both are cheap to put right."},
	{"hilda_k", "Aug 6, 2023", "Clean and oil the chain every week once the roads are salted. Grit and brine wear a drivetrain out in a single season if it is left, and a rag and a bottle of lube take five minutes."},
	{"two_wheels_tom", "Aug 6, 2023", "Swap the rim brake pads for a softer compound made for wet weather. Standard pads barely bite in heavy rain, and a rim coated in road grime eats through them within a few weeks."},
	{"greta", "Aug 7, 2023", "Plan a quieter route for the dark months even if it is a little longer: lit side streets and cycle paths feel far safer than a fast main road with spray thrown up by every lorry."},
	{"fenrider", "Aug 8, 2023", "Keep a spare pair of dry gloves and socks at work. Arriving soaked is bearable when you know there is something warm to change into, and the ride home then starts dry as well."},
}

// xenforoThread is a thread in the shape of XenForo-style themes: the
// topic declared as a DiscussionForumPosting in microdata, its opening
// post in a block of its own, and the replies as look-alike Comment
// blocks in another, each with an author card, a date, reactions and a
// reply button.
func xenforoThread(declared bool) string {
	itemtype := ""
	if declared {
		itemtype = ` itemscope itemtype="https://schema.org/DiscussionForumPosting"`
	}
	var b strings.Builder
	b.WriteString(`<div class="p-body"><div class="p-body-main p-body-main--withSidebar"><ul class="p-breadcrumbs"><li><a href="/forums/">Forums</a></li><li><a href="/forums/commuting/">Commuting</a></li></ul>
<div class="thread-body"` + itemtype + `><h1 class="p-title" itemprop="headline">Riding through the winter</h1>
<div class="thread-op"><div class="op-author"><a href="/members/newbie/">newbie</a> <span>Discussion starter</span> <time datetime="2023-08-05">Aug 5, 2023</time></div>
<article class="message-body" itemprop="text"><p>Hi everyone, first post here and hoping to keep riding to work through the winter this year. My commute is about twelve kilometres each way on an old steel tourer with rim brakes, full mudguards, a rear rack and a cheap pair of battery lights.</p>
<p>I would love to hear which changes made dark, wet mornings bearable for you. I have studded tyres on order for the front wheel, but want to know what to sort out after that.</p></article>
<div class="op-actions"><button>Like</button> <button>Share</button></div></div>
<div class="block-messages"><div class="block-body">`)
	for i, p := range replyPosts {
		fmt.Fprintf(&b, `<article class="js-post message-card" id="post-%d" itemscope itemtype="https://schema.org/Comment"><div class="message-user"><a href="/members/%s/">%s</a><span>%d posts · Joined 2012</span></div>
<div class="message-attribution"><time datetime="2023-08-0%d">%s</time> <a href="#post-%d">#%d</a></div>
<article class="message-body" itemprop="text"><p>%s</p></article>
<div class="message-footer"><span class="reactions">%d likes</span><button>Reply</button><button>Quote</button></div></article>`, i+10, p[0], p[0], 100*(i+1), 5+i/2, p[1], i+10, i+2, p[2], i+1)
	}
	b.WriteString(`</div></div></div>
<aside class="p-sidebar"><h3>Similar threads</h3><ul><li><a href="/t/1">Best tyres for gravel?</a> <span>12 replies</span></li><li><a href="/t/2">Fixing a creaking crank</a> <span>8 replies</span></li></ul></aside></div></div>
<script>window.XF = window.XF || {}; XF.config = {"csrf": "abc", "time": 1691234567};</script>`)
	return b.String()
}

// TestThreadWithOpeningPostApart: the replies are found as look-alike
// posts but the opening post, which the article path kept, is elsewhere.
// On a page declared a discussion the thread is the opening post, then
// every reply; undeclared, or when the posts are a few comments under
// the post, the article path's result stands.
func TestThreadWithOpeningPostApart(t *testing.T) {
	u := mustURL(t, "https://www.cycleforum.example/threads/riding-through-the-winter.51207/")
	op := "Hi everyone, first post here and hoping to keep riding to work through the winter this year. I would love to hear which changes made dark, wet mornings bearable for you."
	for _, tc := range []struct {
		name     string
		declared bool
		replies  int
		want     threadKind
	}{
		// The topic's item declares the opening post's body in microdata
		// and the replies are Comment items: the thread is read as
		// declared, opening post first (microposts.go).
		{"declared discussion", true, len(replyPosts), threadPosts},
		{"no structured data", false, len(replyPosts), threadNone},
		{"two comments under the declared post", true, 2, threadPosts},
	} {
		t.Run(tc.name, func(t *testing.T) {
			saved := replyPosts
			replyPosts = replyPosts[:tc.replies]
			defer func() { replyPosts = saved }()
			root, err := parseClean(page(`<title>Riding through the winter</title><meta property="og:type" content="website">`, siteChrome(xenforoThread(tc.declared))))
			if err != nil {
				t.Fatal(err)
			}
			meta := collectMeta(root)
			r, kind := threadContent(root, u, &pageText{doc: root}, meta, rendered{markdown: op}, &defaultConfig)
			if kind != tc.want {
				t.Fatalf("kind %d, want %d:\n%s", kind, tc.want, r.markdown)
			}
			if kind == threadNone {
				return
			}
			if !strings.HasPrefix(r.markdown, op[:40]) {
				t.Errorf("the opening post should lead:\n%s", r.markdown)
			}
			for _, p := range replyPosts {
				if !strings.Contains(r.markdown, p[2][:50]) {
					t.Errorf("reply by %s lost:\n%s", p[0], r.markdown)
				}
			}
			for _, chrome := range []string{"Similar threads", "Quote", "We use cookies", "XF.config"} {
				if strings.Contains(r.markdown, chrome) {
					t.Errorf("chrome %q kept:\n%s", chrome, r.markdown)
				}
			}
		})
	}
}

// TestFromHTMLThreadWithOpeningPostApart: the whole page, end to end.
func TestFromHTMLThreadWithOpeningPostApart(t *testing.T) {
	u := mustURL(t, "https://www.cycleforum.example/threads/riding-through-the-winter.51207/")
	head := `<title>Riding through the winter | Cycle Forum</title><meta property="og:type" content="website">`
	d, err := FromHTML(page(head, siteChrome(xenforoThread(true))), u)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"keep riding to work through the winter", "made dark, wet mornings bearable"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("opening post lost (%q):\n%s", want, d.Markdown)
		}
	}
	for _, p := range replyPosts {
		if !strings.Contains(d.Markdown, p[2][:50]) {
			t.Errorf("reply by %s lost:\n%s", p[0], d.Markdown)
		}
	}
	for _, chrome := range []string{"Similar threads", "Quote", "We use cookies", "Privacy policy", "XF.config"} {
		if strings.Contains(d.Markdown, chrome) {
			t.Errorf("chrome %q kept:\n%s", chrome, d.Markdown)
		}
	}
	if i, j := strings.Index(d.Markdown, "keep riding to work"), strings.Index(d.Markdown, replyPosts[0][2][:40]); i < 0 || j < 0 || i > j {
		t.Errorf("the opening post should come before the replies:\n%s", d.Markdown)
	}
}

// ogArticleForum is a forum topic whose site sets og:type "article" on
// every page: the opening post and the replies are look-alike blocks,
// each with an author, a date and a body.
func ogArticleForum() string {
	var b strings.Builder
	b.WriteString(`<main><h1>Riding through the winter</h1><div class="topic-posts">`)
	posts := append([][3]string{{"newbie", "Aug 4, 2023", "Hi everyone, first post here and hoping to keep riding to work through the winter this year. For now I only have an old steel tourer and a cheap pair of lights, and I am looking for the changes that help most."}}, replyPosts...)
	for i, p := range posts {
		fmt.Fprintf(&b, `<div class="post-row" id="p%d"><div class="post-author"><a href="/members/%s/">%s</a></div><div class="post-date"><time>%s</time></div>
<div class="post-text"><p>%s</p></div><div class="post-tools"><button>Reply</button> <span class="votes">%d</span></div></div>`, i, p[0], p[0], p[1], p[2], i)
	}
	b.WriteString(`</div></main>`)
	return b.String()
}

// ogArticleBlog is a blog post whose theme sets the story and the
// readers' comments in look-alike dated blocks.
func ogArticleBlog() string {
	var b strings.Builder
	b.WriteString(`<main><div class="entries"><div class="entry"><h1>Building a bike shed in a weekend</h1><div class="entry-date"><time>Aug 4, 2023</time></div><div class="entry-text">` + story + `</div></div>`)
	for i, p := range replyPosts[:3] {
		fmt.Fprintf(&b, `<div class="entry"><div class="entry-author"><a href="/u/%s">%s</a></div><div class="entry-date"><time>%s</time></div><div class="entry-text"><p>%s</p></div></div>`, p[0], p[0], p[1], strings.Repeat("Nice one. ", i+1)+"Thanks for sharing the plans.")
	}
	b.WriteString(`</div></main>`)
	return b.String()
}

func TestThreadOnAPageCallingItselfAnArticle(t *testing.T) {
	// og:type "article" is many sites' default for every page: a forum's
	// posts are still a thread, tried after the main region (which may be
	// a listing of dated entries); a story with its readers' comments is
	// not one.
	op := "Hi everyone, first post here and hoping to keep riding to work through the winter this year. For now I only have an old steel tourer and a cheap pair of lights, and I am looking for the changes that help most."
	for _, tc := range []struct {
		name, body, kept string
		want             threadKind
	}{
		{"forum topic", ogArticleForum(), op, threadReplies},
		{"story with comments", ogArticleBlog(), "The harbour authority voted on Tuesday", threadNone},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := parseClean(page(`<title>T</title><meta property="og:type" content="article">`, siteChrome(tc.body)))
			if err != nil {
				t.Fatal(err)
			}
			r, kind := threadContent(root, mustURL(t, "https://site.example/t/1"), &pageText{doc: root}, collectMeta(root), rendered{markdown: tc.kept}, &defaultConfig)
			if kind != tc.want {
				t.Fatalf("kind %d, want %d:\n%s", kind, tc.want, r.markdown)
			}
			if kind == threadNone {
				return
			}
			for _, p := range replyPosts {
				if !strings.Contains(r.markdown, p[2]) {
					t.Errorf("reply by %s lost:\n%s", p[0], r.markdown)
				}
			}
			if !strings.HasPrefix(r.markdown, "[newbie]") || !strings.Contains(r.markdown, op) {
				t.Errorf("opening post should lead:\n%s", r.markdown)
			}
		})
	}
}

func TestConversation(t *testing.T) {
	post := func(words int) *html.Node {
		p := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		p.AppendChild(&html.Node{Type: html.TextNode, Data: strings.Repeat("word ", words)})
		return p
	}
	link := func(words int) *html.Node {
		p := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		a := &html.Node{Type: html.ElementNode, Data: "a", DataAtom: atom.A, Attr: []html.Attribute{{Key: "href", Val: "/x"}}}
		a.AppendChild(&html.Node{Type: html.TextNode, Data: strings.Repeat("headline ", words)})
		p.AppendChild(a)
		p.AppendChild(&html.Node{Type: html.TextNode, Data: " 2 hours ago"})
		return p
	}
	for _, c := range []struct {
		name  string
		posts []*html.Node
		want  bool
	}{
		{"replies of like size", []*html.Node{post(40), post(30), post(50), post(20)}, true},
		{"a story and its comments", []*html.Node{post(900), post(30), post(25)}, false},
		{"dated headlines", []*html.Node{link(10), link(12), link(9), link(11)}, false},
	} {
		thread := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		for _, p := range c.posts {
			thread.AppendChild(p)
		}
		if got := conversation(thread, &defaultConfig); got != c.want {
			t.Errorf("%s: conversation = %v, want %v", c.name, got, c.want)
		}
	}
}
