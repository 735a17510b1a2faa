package extract

import (
	"fmt"
	"strings"
	"testing"
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
