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
	{"tony_b", "Aug 5, 2023", "A decent table saw is the first big purchase worth making: nearly every project starts with ripping boards to width, and a circular saw against a clamped straight edge only gets you so far."},
	{"woodchuck", "Aug 5, 2023", "Start with a cutting board, then a step stool. The board teaches you glue-ups and flattening, the stool teaches you joinery that has to carry weight, and both make good presents."},
	{"mlee", "Aug 6, 2023", "Build a proper workbench before anything else. Every later project is easier and more accurate on a flat, heavy surface with a vice, and you learn most of the basic skills building it."},
	{"sawdust_sam", "Aug 6, 2023", "Sharpening is the skill nobody mentions. Learn to put a keen edge on a chisel and a plane iron early, because dull tools cause most of the tear-out and frustration beginners blame on themselves."},
	{"greta", "Aug 7, 2023", "Shop-made jigs are projects in their own right: a crosscut sled, a tapering jig and a drilling guide each take an afternoon and make the next dozen builds safer and squarer."},
	{"tony_b", "Aug 8, 2023", "If space is tight, look at hand-tool joinery first. A good saw, a few chisels and a marking gauge cut dovetails and mortises quietly in a flat, and they cost far less than machines."},
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
	b.WriteString(`<div class="p-body"><div class="p-body-main p-body-main--withSidebar"><ul class="p-breadcrumbs"><li><a href="/forums/">Forums</a></li><li><a href="/forums/beginners/">Beginners</a></li></ul>
<div class="thread-body"` + itemtype + `><h1 class="p-title" itemprop="headline">Beginner woodworking projects</h1>
<div class="thread-op"><div class="op-author"><a href="/members/newbie/">newbie</a> <span>Discussion starter</span> <time datetime="2023-08-05">Aug 5, 2023</time></div>
<article class="message-body" itemprop="text"><p>Hello all, new here and keen to get into the woodworking hobby properly. At the moment I only have basic power tools: a jigsaw, a circular saw, a battery drill, an angle grinder and an orbital sander, as well as the normal everyday hand tools.</p>
<p>I was wondering if anyone had good beginner projects up their sleeves that are fun to make. I am working on a side table with metal legs and a wooden top, but want something to move onto after it.</p></article>
<div class="op-actions"><button>Like</button> <button>Share</button></div></div>
<div class="block-messages"><div class="block-body">`)
	for i, p := range replyPosts {
		fmt.Fprintf(&b, `<article class="js-post message-card" id="post-%d" itemscope itemtype="https://schema.org/Comment"><div class="message-user"><a href="/members/%s/">%s</a><span>%d posts · Joined 2012</span></div>
<div class="message-attribution"><time datetime="2023-08-0%d">%s</time> <a href="#post-%d">#%d</a></div>
<article class="message-body" itemprop="text"><p>%s</p></article>
<div class="message-footer"><span class="reactions">%d likes</span><button>Reply</button><button>Quote</button></div></article>`, i+10, p[0], p[0], 100*(i+1), 5+i/2, p[1], i+10, i+2, p[2], i+1)
	}
	b.WriteString(`</div></div></div>
<aside class="p-sidebar"><h3>Similar threads</h3><ul><li><a href="/t/1">First lathe for bowls?</a> <span>12 replies</span></li><li><a href="/t/2">Finishing oak outdoors</a> <span>8 replies</span></li></ul></aside></div></div>
<script>window.XF = window.XF || {}; XF.config = {"csrf": "abc", "time": 1691234567};</script>`)
	return b.String()
}

// TestThreadWithOpeningPostApart: the replies are found as look-alike
// posts but the opening post, which the article path kept, is elsewhere.
// On a page declared a discussion the thread is the opening post, then
// every reply; undeclared, or when the posts are a few comments under
// the post, the article path's result stands.
func TestThreadWithOpeningPostApart(t *testing.T) {
	u := mustURL(t, "https://www.woodforum.example/threads/beginner-woodworking-projects.233880/")
	op := "Hello all, new here and keen to get into the woodworking hobby properly. I was wondering if anyone had good beginner projects up their sleeves that are fun to make."
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
			root, err := parseClean(page(`<title>Beginner woodworking projects</title><meta property="og:type" content="website">`, siteChrome(xenforoThread(tc.declared))))
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
	u := mustURL(t, "https://www.woodforum.example/threads/beginner-woodworking-projects.233880/")
	head := `<title>Beginner woodworking projects | Wood Forum</title><meta property="og:type" content="website">`
	d, err := FromHTML(page(head, siteChrome(xenforoThread(true))), u)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"keen to get into the woodworking hobby", "good beginner projects"} {
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
	if i, j := strings.Index(d.Markdown, "keen to get into"), strings.Index(d.Markdown, replyPosts[0][2][:40]); i < 0 || j < 0 || i > j {
		t.Errorf("the opening post should come before the replies:\n%s", d.Markdown)
	}
}

// ogArticleForum is a forum topic whose site sets og:type "article" on
// every page: the opening post and the replies are look-alike blocks,
// each with an author, a date and a body.
func ogArticleForum() string {
	var b strings.Builder
	b.WriteString(`<main><h1>Beginner woodworking projects</h1><div class="topic-posts">`)
	posts := append([][3]string{{"newbie", "Aug 4, 2023", "Hello all, new here and keen to get into the woodworking hobby properly. At the moment I only have basic power tools and the normal everyday hand tools, and I am looking for beginner projects that are fun to make."}}, replyPosts...)
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
	b.WriteString(`<main><div class="entries"><div class="entry"><h1>Building a workbench in a weekend</h1><div class="entry-date"><time>Aug 4, 2023</time></div><div class="entry-text">` + story + `</div></div>`)
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
	op := "Hello all, new here and keen to get into the woodworking hobby properly. At the moment I only have basic power tools and the normal everyday hand tools, and I am looking for beginner projects that are fun to make."
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
