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
				walk(c, inSection || !holdsPage(c) &&
					(namesCommentSection(getAttr(c, "id")) || namesCommentSection(getAttr(c, "class"))))
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
	if len(out) >= 4 {
		for i := 0; i+4 <= len(out); i++ {
			delete(set, shingleKey(out[i:i+4]))
		}
	}
	return set
}

// holdsPage: the page's body, its main landmark or its article, whose
// classes describe the page ("has-comments", "no-comments"), not a
// section of it.
func holdsPage(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return true
	}
	return false
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
		if len(buf) < 4 {
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

// firstBlocks maps each shingle of md's blocks to the first block that
// holds it.
func firstBlocks(md string, blocks []span) map[uint64]int {
	first := map[uint64]int{}
	var buf []string
	for k, b := range blocks {
		buf = wordTokens(stripLinks(md[b.start:b.end]), buf[:0])
		for i := 0; i+4 <= len(buf); i++ {
			if _, ok := first[shingleKey(buf[i:i+4])]; !ok {
				first[shingleKey(buf[i:i+4])] = k
			}
		}
	}
	return first
}

// quoteShare is the share of toks' shingles (block k's, at least four
// tokens) that a block before k holds already (first: firstBlocks).
func quoteShare(toks []string, k int, first map[uint64]int) float64 {
	hit, n := 0, 0
	for i := 0; i+4 <= len(toks); i++ {
		n++
		if f, ok := first[shingleKey(toks[i:i+4])]; ok && f < k {
			hit++
		}
	}
	return float64(hit) / float64(n)
}
