package extract

import (
	"fmt"
	"strings"
	"testing"
)

// quotedThread is a forum topic whose replies quote the post before
// them, in the markup of one of three kinds of forum software: the
// quote's body with an expand link and a shrink link inside a
// blockquote (expandLinks), a quote container whose expander is a
// named div (namedDiv), or a quote box with an aria-expanded button and
// no telling class (ariaButton). Every quote also holds what must stay:
// its attribution linking to the quoted post in the page, and a mention
// a script links (a link without a target inside a sentence).
func quotedThread(markup string) string {
	var b strings.Builder
	b.WriteString(`<script>var XF = {"config":{"csrf":"1712:ab3f"},"phrases":{"click_to_expand":"Click to expand..."}};</script>`)
	b.WriteString(`<div class="p-body"><h1 class="p-title">rsync stops at a space in the path</h1><div class="block-body">`)
	for i, p := range forumPosts {
		fmt.Fprintf(&b, `<article class="message message--post" id="post-%d"><div class="message-cell message-cell--user"><a href="/members/%s.%d/" class="username">%s</a></div>`, i, p[0], i, p[0])
		fmt.Fprintf(&b, `<div class="message-cell message-cell--main"><header class="message-attribution"><a href="/threads/rsync.77/post-%d"><time datetime="%sT10:0%d:00+0000">%s</time></a></header><div class="message-content"><div class="bbWrapper">`, i, p[1], i, p[1])
		if i > 0 {
			prev := forumPosts[i-1]
			mention := `I agree with <a class="username" data-user-id="9">@lee</a> on the tab.`
			switch markup {
			case "expandLinks":
				fmt.Fprintf(&b, `<blockquote class="bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote js-expandWatch"><div class="bbCodeBlock-title"><a href="#post-%d" class="bbCodeBlock-sourceJump">%s said:</a></div><div class="bbCodeBlock-content"><div class="bbCodeBlock-expandContent js-expandContent">%s %s</div><div class="bbCodeBlock-expandLink js-expandLink"><a role="button" tabindex="0">Click to expand...</a></div><div class="bbCodeBlock-shrinkLink"><a>Click to shrink...</a></div></div></blockquote>`,
					i-1, prev[0], prev[2], mention)
			case "namedDiv":
				fmt.Fprintf(&b, `<div class="bbCodeQuote"><aside><div class="attribution type">%s said: <a href="#post-%d" class="AttributionLink">&uarr;</a></div><blockquote class="quoteContainer"><div class="quote">%s %s</div><div class="quoteExpand">Click to expand...</div></blockquote></aside></div>`,
					prev[0], i-1, prev[2], mention)
			case "ariaButton":
				fmt.Fprintf(&b, `<div class="post-quote"><p class="cite">Originally posted by <b><a href="#post-%d">%s</a></b>:</p><p>%s %s</p><p><button type="button" aria-expanded="false" aria-controls="q%d">Show the full quote</button></p></div>`,
					i-1, prev[0], prev[2], mention, i)
			}
		}
		fmt.Fprintf(&b, `%s</div></div><footer class="message-footer"><a href="/posts/%d/react" class="reaction">Like</a> <a href="/threads/rsync.77/reply?quote=%d">Reply</a></footer></div></article>`, p[2], i, i)
	}
	b.WriteString(`</div></div><script>XF.ready(function(){XF.activate(document)});</script>`)
	return b.String()
}

// TestQuoteTogglesGo: the quotes' expand and collapse controls go from
// the tree and from the thread's Markdown, whatever markup names them;
// the quoted text, its attribution, the mention in it and the replies
// stay.
func TestQuoteTogglesGo(t *testing.T) {
	head := `<title>rsync stops at a space in the path | Shell Forum</title><meta property="og:type" content="website">`
	for _, tc := range []struct {
		markup string
		gone   []string
		kept   []string // besides every post's body
	}{
		{"expandLinks", []string{"Click to expand", "Click to shrink"}, []string{"marta_k said:", "@lee"}},
		{"namedDiv", []string{"Click to expand"}, []string{"marta_k said:", "@lee"}},
		{"ariaButton", []string{"Show the full quote"}, []string{"Originally posted by", ">marta_k<", "@lee"}},
	} {
		t.Run(tc.markup, func(t *testing.T) {
			src := page(head, siteChrome(quotedThread(tc.markup)))
			root, err := parseClean(src)
			if err != nil {
				t.Fatal(err)
			}
			for _, g := range tc.gone {
				if !strings.Contains(renderNode(t, root), g) {
					t.Fatalf("the page has no %q to remove: the test is broken", g)
				}
			}
			dropQuoteToggles(root, &defaultConfig)
			tree := renderNode(t, root)
			for _, g := range tc.gone {
				if strings.Contains(tree, g) {
					t.Errorf("toggle %q kept in the tree", g)
				}
			}
			for _, k := range tc.kept {
				if !strings.Contains(tree, k) {
					t.Errorf("%q lost from the tree", k)
				}
			}
			checkThreadMarkdown(t, src, tc.gone)
		})
	}
}

// TestQuoteTogglesStay: what looks like a toggle but is none stays: a
// "Show more" outside any quote (it may open a post's own text), a
// quote that is only a short control-like line (nothing says it is a
// control of something else), a short linked line in a quote, and a
// code sample's button-like words.
func TestQuoteTogglesStay(t *testing.T) {
	for _, tc := range []struct{ name, body, kept string }{
		{"toggle outside a quote", `<div class="post"><p>` + forumPosts[0][2] + `</p><p><button type="button" class="show-more" aria-expanded="false">Show more</button></p></div>`, "Show more"},
		{"quote of a toggle alone", `<div class="post"><p>` + forumPosts[1][2] + `</p><blockquote><a>Click here</a></blockquote></div>`, "Click here"},
		{"linked line in a quote", `<blockquote><p>` + forumPosts[2][2] + `</p><p><a href="https://example.org/more" class="read-more">More</a></p></blockquote>`, ">More<"},
		{"code in a quote", `<blockquote><p>` + forumPosts[3][2] + `</p><pre><code><a class="toggle">expand all</a></code></pre></blockquote>`, "expand all"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := parseClean(page("<title>Thread</title>", tc.body))
			if err != nil {
				t.Fatal(err)
			}
			dropQuoteToggles(root, &defaultConfig)
			if tree := renderNode(t, root); !strings.Contains(tree, tc.kept) {
				t.Errorf("%q removed:\n%s", tc.kept, tree)
			}
		})
	}
}
