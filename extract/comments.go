package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A story or a blog post is often followed by its readers' comments, in a
// section every blogging and CMS platform names the same way: id
// "comments" (WordPress, Drupal), "respond" for the reply form, a
// "commentlist". The article extractors sometimes run on into it, and a
// page read whole keeps it. The comments are not the article: trailing
// blocks whose text lies in that section go. A thread's posts are read by
// threadContent before this, and a page declared a discussion keeps what
// it has. A main region is read without the section at all (chromeKind).

// commentSectionWords name an article's comment section in class and id
// attributes (whole words: a single "comment" is one comment's block,
// also a forum post's).
var commentSectionWords = map[string]bool{"comments": true, "commentlist": true, "respond": true}

// namesCommentSection: the class or id value v names a comment section:
// one of commentSectionWords, or "commentlist" written as two words
// ("comment-list", WordPress's default; "comment_list", "commentList").
func namesCommentSection(v string) bool {
	return nameHas(v, commentSectionWords) || namesCommentList(v)
}

// namesCommentList: v holds the words "comment" and "list" in a row.
func namesCommentList(v string) bool {
	if !strings.Contains(v, "omment") {
		return false // the fast path: most names hold no such word
	}
	found, prev := false, ""
	nameWords(v, func(w string) bool {
		found = prev == "comment" && w == "list"
		prev = w
		return !found
	})
	return found
}

// commentShingles are the shingles of the page's comment sections that
// occur nowhere else on the page (a comment quoting the article, or a
// preview of it beside the comments, leaves the article's text its own).
func commentShingles(root *html.Node) map[uint64]struct{} {
	// Text nodes first, tokens only when the page has a comment section
	// (most pages have none).
	var inText, outText []string
	var walk func(n *html.Node, inSection bool)
	walk = func(n *html.Node, inSection bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				if inSection {
					inText = append(inText, c.Data)
				} else {
					outText = append(outText, c.Data)
				}
			case c.Type != html.ElementNode, c.DataAtom == atom.Script, c.DataAtom == atom.Style, c.DataAtom == atom.Template:
			default:
				walk(c, inSection ||
					(namesCommentSection(getAttr(c, "id")) || namesCommentSection(getAttr(c, "class"))) && !holdsPage(c))
			}
		}
	}
	walk(root, false)
	var in, out []string
	for _, t := range inText {
		in = wordTokens(t, in)
	}
	if len(in) == 0 {
		return nil
	}
	for _, t := range outText {
		out = wordTokens(t, out)
	}
	set := shingleSet(in)
	if len(out) >= shingleWidth {
		for i := 0; i+shingleWidth <= len(out); i++ {
			delete(set, shingleKey(out[i:i+shingleWidth]))
		}
	}
	return set
}

// holdsPage: the page's body, its main landmark or its article, or an
// element holding the page's headline (a level-one heading), whose
// classes describe the page ("has-comments", "comments-open": a post
// whose comments are open), not a section of it. A comment section comes
// after what it comments on; it never holds the headline.
func holdsPage(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return true
	}
	return holdsHeadline(n)
}

// headlineSearchBudget bounds the nodes holdsHeadline reads: a wrapper's
// headline comes before its text, and a comment section of thousands of
// nodes (or a hostile nest of them, each named "comments") is not read
// whole for each name.
const headlineSearchBudget = 2048

// holdsHeadline: n holds an <h1> within its first headlineSearchBudget
// nodes.
func holdsHeadline(n *html.Node) bool {
	seen := 0
	var find func(n *html.Node) bool
	find = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if seen++; seen > headlineSearchBudget {
				return false
			}
			if c.Type == html.ElementNode && (c.DataAtom == atom.H1 || find(c)) {
				return true
			}
		}
		return false
	}
	return find(n)
}

// dropTrailingComments removes from the end of md the blocks whose text
// (cfg.CommentBlockShare of its shingles) lies in the page's comment
// section (set, its commentShingles), when at least cfg.ArticleMinWords
// words stay before them. Between them, a comment too short to weigh
// (under a shingle: "Agreed.") and one that quotes what md said before
// it (cfg.CommentBlockShare of its shingles; the set leaves out text also
// found outside the section) neither count nor end the run; the run ends
// at the first other block, and md is cut after the block before the run's
// first comment.
func dropTrailingComments(md string, set map[uint64]struct{}, cfg *config) string {
	if len(set) == 0 {
		return md
	}
	blocks := markdownBlocks(md)
	cut := len(blocks)
	var earlier map[uint64]int // each shingle's first block, made on first need
	var buf []string
	for j := len(blocks) - 1; j >= 0; j-- {
		buf = wordTokens(stripLinks(md[blocks[j].start:blocks[j].end]), buf[:0])
		if len(buf) < shingleWidth {
			continue
		}
		if coverage(buf, set) >= cfg.CommentBlockShare {
			cut = j
			continue
		}
		if earlier == nil {
			earlier = firstBlocks(md, blocks)
		}
		if quoteShare(buf, j, earlier) < cfg.CommentBlockShare {
			break
		}
	}
	if cut == len(blocks) || cut == 0 || wordCount(stripLinks(md[:blocks[cut-1].end])) < cfg.ArticleMinWords {
		return md
	}
	return md[:blocks[cut-1].end]
}

// firstBlocks maps each shingle of md's blocks to one more than the index
// of the first block that holds it (0, a map's zero value: none does).
func firstBlocks(md string, blocks []span) map[uint64]int {
	first := map[uint64]int{}
	var buf []string
	for k, b := range blocks {
		buf = wordTokens(stripLinks(md[b.start:b.end]), buf[:0])
		for i := 0; i+shingleWidth <= len(buf); i++ {
			if key := shingleKey(buf[i : i+shingleWidth]); first[key] == 0 {
				first[key] = k + 1 // 0: not seen
			}
		}
	}
	return first
}

// quoteShare is the share of toks' shingles (block k's, at least
// shingleWidth tokens) that a block before k holds already (first:
// firstBlocks).
func quoteShare(toks []string, k int, first map[uint64]int) float64 {
	hit, n := 0, 0
	for i := 0; i+shingleWidth <= len(toks); i++ {
		n++
		if f := first[shingleKey(toks[i:i+shingleWidth])]; f != 0 && f-1 < k {
			hit++
		}
	}
	return float64(hit) / float64(n)
}
