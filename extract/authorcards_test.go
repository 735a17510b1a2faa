package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// cardedThread is a forum topic whose posts each carry an author card
// beside the body, in one of two markups forum software uses: a
// definition list with the header's date above it (fluxStyle) or a
// profile list with bold labels and linked counts (boldLabels).
func cardedThread(boldLabels bool) string {
	ranks := []string{"Member", "Senior Member", "Member"}
	places := []string{"Leeds", "", "Porto"}
	var b strings.Builder
	b.WriteString(`<script>window.forumConfig = {"theme":"light","posts":3};</script><div id="brdmain"><h1>rsync stops at a space in the path</h1>`)
	for i, p := range forumPosts[:3] {
		label := func(l, v string) string {
			if boldLabels {
				return fmt.Sprintf(`<dd class="profile-%s"><strong>%s:</strong> <a href="/search?u=%d">%s</a></dd>`, strings.ToLower(l), l, i, v)
			}
			return fmt.Sprintf(`<dd><span>%s: %s</span></dd>`, l, v)
		}
		fmt.Fprintf(&b, `<div id="p%d" class="blockpost row%d"><h2><span>#%d</span> <a href="/viewtopic?pid=%d">%s 10:0%d</a></h2><div class="postbody"><div class="postleft"><dl>`, i, i%2, i+1, i, p[1], i)
		fmt.Fprintf(&b, `<dt><strong><a href="/profile/%s">%s</a></strong></dt><dd class="usertitle"><strong>%s</strong></dd><dd class="postavatar"><img src="/avatars/%d.png" alt=""></dd>`, p[0], p[0], ranks[i], i)
		if places[i] != "" {
			b.WriteString(label("From", places[i]))
		}
		b.WriteString(label("Registered", fmt.Sprintf("201%d-0%d-1%d", i, i+3, i)))
		b.WriteString(label("Posts", fmt.Sprintf("%d,%d01", 7*(i+1), i)))
		fmt.Fprintf(&b, `<dd class="usercontacts"><a href="https://%s.example.org">Website</a></dd></dl></div><div class="postright"><div class="postmsg"><p>%s</p></div></div></div><div class="postfoot"><a href="/report?pid=%d">Report</a></div></div>`, p[0], p[2], i)
	}
	b.WriteString(`</div><script>document.querySelectorAll(".postfoot").forEach(function(e){e.dataset.ready=1});</script>`)
	return b.String()
}

// TestAuthorCardsGo: every post's body, its author's name and its date
// stay; the card's rank, avatar, profile lines and contact link go,
// whichever markup the card has. The tree is checked (what the rule
// leaves to both extractors and the thread path), then the page's
// Markdown.
func TestAuthorCardsGo(t *testing.T) {
	head := `<title>rsync stops at a space in the path | Shell Forum</title><meta property="og:type" content="website">`
	gone := []string{"Registered:", "Posts:", "From:", "Leeds", "Porto", "Senior Member", "Member", "avatars/", "Website"}
	for _, tc := range []struct {
		name string
		bold bool
	}{{"plain labels", false}, {"bold labels, linked values", true}} {
		t.Run(tc.name, func(t *testing.T) {
			src := page(head, siteChrome(cardedThread(tc.bold)))
			root, err := parseClean(src)
			if err != nil {
				t.Fatal(err)
			}
			dropAuthorCards(root, &defaultConfig)
			tree := renderNode(t, root)
			for i, p := range forumPosts[:3] {
				for _, want := range []string{p[2], ">" + p[0] + "<", fmt.Sprintf("%s 10:0%d", p[1], i)} {
					if !strings.Contains(tree, want) {
						t.Errorf("%q lost from the tree", want)
					}
				}
			}
			for _, g := range gone {
				if strings.Contains(tree, g) {
					t.Errorf("card line %q kept in the tree", g)
				}
			}
			d, err := FromHTML(src, mustURL(t, "https://forum.example.org/viewtopic?id=77"))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range forumPosts[:3] {
				if !strings.Contains(d.Markdown, p[2][:60]) {
					t.Errorf("post body %q lost:\n%s", p[2][:30], d.Markdown)
				}
			}
			for _, g := range gone {
				if strings.Contains(d.Markdown, g) {
					t.Errorf("card line %q kept:\n%s", g, d.Markdown)
				}
			}
		})
	}
}

// pairedCardThread is a forum topic in XenForo's markup: each post's
// author card is an avatar (a letter drawn as an image), a header of the
// name and the rank, and one definition list a profile line ("<dl><dt>
// Joined</dt><dd>…</dd></dl>"), no colon anywhere.
func pairedCardThread() string {
	ranks := []string{"New member", "Well-known member", "New member", "Moderator"}
	var b strings.Builder
	b.WriteString(`<script>var XF = {"config":{"userId":0,"csrf":"1712:ab3f"}};</script><div class="p-body"><h1 class="p-title-value">rsync stops at a space in the path</h1><div class="block-body">`)
	for i, p := range forumPosts {
		fmt.Fprintf(&b, `<article class="message message--post js-post" id="js-post-%d"><div class="message-inner"><div class="message-cell message-cell--user"><section class="message-user">`, i)
		fmt.Fprintf(&b, `<div class="message-avatar"><div class="message-avatar-wrapper"><a href="/members/%s.%d/" class="avatar avatar--m"><span class="avatar-u%d-m" role="img" aria-label="%s">%s</span></a></div></div>`, p[0], i, i, p[0], strings.ToUpper(p[0][:1]))
		fmt.Fprintf(&b, `<div class="message-userDetails"><h4 class="message-name"><a href="/members/%s.%d/" class="username">%s</a></h4><h5 class="userTitle message-userTitle">%s</h5></div><div class="message-userExtras">`, p[0], i, p[0], ranks[i])
		for _, l := range [][2]string{{"Joined", fmt.Sprintf("Mar %d, 20%d", i+3, 18+i)}, {"Messages", fmt.Sprintf("%d", 40*i+7)}, {"Reaction score", fmt.Sprintf("%d", 11*i+2)}} {
			fmt.Fprintf(&b, `<dl class="pairs pairs--justified"><dt>%s</dt> <dd>%s</dd></dl>`, l[0], l[1])
		}
		fmt.Fprintf(&b, `</div></section></div><div class="message-cell message-cell--main"><header class="message-attribution"><a href="/threads/rsync.77/post-%d"><time class="u-dt" datetime="%sT10:0%d:00+0000">%s</time></a></header><div class="message-content"><div class="bbWrapper">%s</div></div><footer class="message-footer"><a href="/posts/%d/react">Like</a> <a href="/threads/rsync.77/reply?quote=%d">Reply</a></footer></div></div></article>`, i, p[1], i, p[1], p[2], i, i)
	}
	b.WriteString(`</div></div><script>XF.ready(function(){XF.activate(document)});</script>`)
	return b.String()
}

// TestAuthorCardsOfDefinitionPairsGo: a card whose profile lines are
// definition lists of one term each loses them, its avatar and its
// rank; each post keeps its body, its author's name and its date.
func TestAuthorCardsOfDefinitionPairsGo(t *testing.T) {
	src := page(`<title>rsync stops at a space in the path | Shell Forum</title><meta property="og:type" content="website">`, siteChrome(pairedCardThread()))
	root, err := parseClean(src)
	if err != nil {
		t.Fatal(err)
	}
	dropAuthorCards(root, &defaultConfig)
	tree := renderNode(t, root)
	for _, p := range forumPosts {
		for _, want := range []string{p[2], ">" + p[0] + "<", ">" + p[1] + "<"} {
			if !strings.Contains(tree, want) {
				t.Errorf("%q lost from the tree", want)
			}
		}
	}
	gone := []string{"Joined", "Messages", "Reaction score", "Mar 4, 2019", "New member", "Well-known member", "Moderator", `role="img"`}
	for _, g := range gone {
		if strings.Contains(tree, g) {
			t.Errorf("card part %q kept in the tree", g)
		}
	}
	checkThreadMarkdown(t, src, gone[:6])
}

// checkThreadMarkdown: the Markdown of src, a thread of forumPosts, holds
// every post's body and none of gone.
func checkThreadMarkdown(t *testing.T, src string, gone []string) {
	t.Helper()
	d, err := FromHTML(src, mustURL(t, "https://forum.example.org/threads/rsync.77/"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range forumPosts {
		if !strings.Contains(d.Markdown, p[2][:60]) {
			t.Errorf("post body %q lost:\n%s", p[2][:30], d.Markdown)
		}
	}
	for _, g := range gone {
		if strings.Contains(d.Markdown, g) {
			t.Errorf("%q kept in the Markdown:\n%s", g, d.Markdown)
		}
	}
}

// roundup is a gear review's list of picks: each a short name, "Label:
// value" lines (or definition lists of one term each: paired) and a
// paragraph, like a post with its card but undated.
func roundup(paired bool) string {
	var b strings.Builder
	b.WriteString(`<article><h1>The best camping hammocks</h1><p>We slept in eleven hammocks over two summers to find the ones worth carrying.</p>`)
	line := `<p>%s: %s</p>`
	if paired {
		line = `<dl class="spec"><dt>%s</dt><dd>%s</dd></dl>`
	}
	for i, name := range []string{"Best Overall", "Best Budget", "Most Versatile"} {
		fmt.Fprintf(&b, `<section class="pick"><div class="specs"><h3>%s</h3>`+line+line+line+`</div><p>This hammock pitched in minutes on every trip, held its shape through a night of wind at the lake, and packed down to the size of a water bottle in pick %d.</p></section>`,
			name, "Rating", fmt.Sprintf("4.%d/5", 8-i), "Price", fmt.Sprintf("$1%d9", 7-i), "Weight", fmt.Sprintf("%d oz", 20+i), i)
	}
	b.WriteString(`</article>`)
	return b.String()
}

// TestLabelLinesOutsideThreadsStay: an article's own "Label: value" lines
// (a "Posted:" line, a fact box) and a review's undated picks with their
// specifications are no author cards: the tree is left alone (the
// "Posted:" line too; the article path drops it as a byline), and the
// other lines are in the Markdown.
func TestLabelLinesOutsideThreadsStay(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       []string
	}{
		{"article", `<article><h1>The harbour wall reopens</h1><p class="meta">Posted: 2024-03-03 by Ana Ruiz</p>
<p>After two winters of repairs the harbour wall at Kelby is open to walkers again, with a new railing along the whole of its length and lights at the far end.</p>
<dl class="facts"><dt>Length: 420 m</dt><dd>Cost: 2.1 million</dd><dd>Opened: 1911</dd></dl>
<p>The council says the path will close on stormy days, when waves break over the top, and that a warning light at the landward end will show when it does.</p>
<p class="meta">Updated: 2024-03-04</p></article>`, []string{"Length: 420 m", "Cost: 2.1 million", "walkers again"}},
		{"review picks", roundup(false), []string{"Rating: 4.8/5", "Price: $179", "Weight: 21 oz", "Most Versatile"}},
		{"review picks, definition pairs", roundup(true), []string{"4.8/5", "$179", "21 oz", "Weight", "Most Versatile"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := page(`<title>Kelby News</title>`, siteChrome(tc.body))
			root, err := parseClean(src)
			if err != nil {
				t.Fatal(err)
			}
			before := renderNode(t, root)
			dropAuthorCards(root, &defaultConfig)
			if after := renderNode(t, root); after != before {
				t.Fatalf("tree changed:\n%s\n---\n%s", before, after)
			}
			d, err := FromHTML(src, mustURL(t, "https://news.example.com/story"))
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range tc.want {
				if !strings.Contains(d.Markdown, want) {
					t.Errorf("%q lost:\n%s", want, d.Markdown)
				}
			}
		})
	}
}

// FuzzSplitLabelLine: any text splits without a panic, and a line it
// accepts has a short lower-case label and a value within the line.
func FuzzSplitLabelLine(f *testing.F) {
	for _, s := range []string{"Registered: 2012-09-03", "Posts: 73,365", "https://example.org/a: b", "Location (country): uk", ": x", "a:b", "Trophy Points:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		label, value, ok := splitLabelLine(s, &defaultConfig)
		if !ok {
			return
		}
		if label != strings.ToLower(label) || len(strings.Fields(label)) > defaultConfig.CardLabelWords || value == "" || !strings.Contains(s, value) {
			t.Fatalf("%q: label %q value %q", s, label, value)
		}
	})
}

// deepCardedThread is a thread of n posts, each with a two-line author
// card beside its date and body, nested in wrappers as deep as the
// sanitizer lets a page be.
func deepCardedThread(n int) string {
	var b strings.Builder
	b.WriteString(strings.Repeat("<div>", 120) + `<div id="topic">`)
	for i := range n {
		fmt.Fprintf(&b, `<div class="post"><div class="head"><time datetime="2024-01-02">2 Jan 2024</time></div>`+
			`<dl class="card"><dt>user%d</dt><dd>Posts: %d</dd><dd>Registered: 2012-%02d-03</dd></dl>`+
			`<div class="msg"><p>This is the body of post number %d, a few words on the question asked.</p></div></div>`, i, i, i%12+1, i)
	}
	b.WriteString(`</div>`)
	return b.String()
}

// TestAuthorCardsGrowLinearly: finding each card's post took a search of
// every other card at each step of the climb (2,000 deep posts: 2.8 s,
// 45× the time of 250); it is a climb over counts now. Every card's
// profile lines go, at each size.
func TestAuthorCardsGrowLinearly(t *testing.T) {
	run := func(n int) time.Duration {
		root, err := parseClean("<html><body>" + deepCardedThread(n) + "</body></html>")
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		dropAuthorCards(root, &defaultConfig)
		took := time.Since(start)
		if out := renderNode(t, root); strings.Contains(out, "Posts:") || !strings.Contains(out, fmt.Sprintf("post number %d,", n-1)) {
			t.Fatalf("%d posts: a card's profile line is left, or the last post is lost", n)
		}
		return took
	}
	const n = 2000 // about 460 KB, under the sanitizer's cap
	if eighth, whole, ok := growsLinearly(func() time.Duration { return run(n / 8) }, func() time.Duration { return run(n) }, 200*time.Millisecond); !ok {
		t.Errorf("%d posts took %v, an eighth of them %v: want linear", n, whole, eighth)
	}
}

// A card line of its own may be a description list's term and detail
// with no colon: the element holding it and a "Label: value" text before
// it is no one line, and the list is read as its own.
func TestLabelLinesReadADescriptionListInside(t *testing.T) {
	root, err := parseClean(`<html><body><div class="userinfo">Status: online<dl><dt>Posts</dt><dd>312</dd></dl></div></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range labelLines(root, &defaultConfig, nil) {
		got = append(got, l.label+"="+l.value)
	}
	if want := "posts=312"; len(got) != 1 || got[0] != want {
		t.Errorf("labelLines = %q, want [%q]", got, want)
	}
}
