package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Forum and Q&A software often marks every post up in schema.org
// microdata: an item of type DiscussionForumPosting, Comment, Question or
// Answer whose body is its "text" (or "articleBody") property, with an
// "author" and a "datePublished" or "dateCreated". Where a page does, the
// posts need no guessing from look-alike blocks, and each is read as the
// page declares it: author, date, body — without the author card's
// statistics, the vote and reaction widgets, the reply buttons and the
// signatures around the body.
//
// On a Q&A page the comments under a question or an answer are remarks on
// it, not posts of the thread (a Comment nested in a Question or Answer
// item): they stay out. Replies in a forum thread are Comments too, nested
// in the topic's item or not, and are kept.

// microPost is one post declared in microdata.
type microPost struct {
	item, body   *html.Node
	authorNode   *html.Node // the author property's element
	author, date string
}

// postItemTypes are the schema.org types of a post.
var postItemTypes = map[string]bool{
	"DiscussionForumPosting": true, "Comment": true, "Question": true, "Answer": true, "SocialMediaPosting": true,
}

// itemType is the last segment of n's itemtype when n opens an item
// (itemscope), or "".
func itemType(n *html.Node) string {
	if !hasAttr(n, "itemscope") {
		return ""
	}
	it := strings.Fields(getAttr(n, "itemtype"))
	if len(it) == 0 {
		return "Thing"
	}
	return it[0][strings.LastIndexByte(it[0], '/')+1:]
}

// microdataPosts returns the posts the page declares in microdata, in page
// order, and how many Question items it declares (an FAQ block declares
// one per question; a Q&A page one).
func microdataPosts(root *html.Node, cfg *config) (posts []microPost, questions int) {
	var walk func(n *html.Node, inQA bool)
	walk = func(n *html.Node, inQA bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			t := itemType(c)
			if postItemTypes[t] {
				if t == "Comment" && inQA {
					continue // a remark under a question or an answer
				}
				if t == "Question" {
					questions++
				}
				p := microPost{item: c}
				readPostProps(c, &p, cfg)
				if p.body != nil {
					posts = append(posts, p)
				}
				walk(c, inQA || t == "Question" || t == "Answer")
				continue
			}
			walk(c, inQA)
		}
	}
	walk(root, false)
	return posts, questions
}

// readPostProps finds item's body, author and date among its own
// properties (not those of items nested in it, but the author's name
// inside the author item).
func readPostProps(item *html.Node, p *microPost, cfg *config) {
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			prop := getAttr(c, "itemprop")
			switch {
			case (prop == "text" || prop == "articleBody") && p.body == nil && !hasAttr(c, "itemscope"):
				p.body = c
				continue
			case prop == "author" && p.authorNode == nil:
				p.authorNode, p.author = c, authorName(c, cfg)
				continue
			case (prop == "datePublished" || prop == "dateCreated") && p.date == "":
				p.date = collapseSpace(textOf(c))
				continue
			}
			if hasAttr(c, "itemscope") {
				continue // a nested item's properties are its own
			}
			walk(c)
		}
	}
	walk(item)
}

// authorName is the name an author property shows: its item's name
// property, or its own text when that is short (a bare link).
func authorName(n *html.Node, cfg *config) string {
	var name string
	var find func(n *html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil && name == ""; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if getAttr(c, "itemprop") == "name" {
				if c.DataAtom == atom.Meta {
					name = getAttr(c, "content")
				} else {
					name = textOf(c)
				}
				continue
			}
			find(c)
		}
	}
	find(n)
	if name == "" && hasAttr(n, "itemscope") {
		return ""
	}
	if name == "" {
		name = textOf(n)
	}
	name = collapseSpace(name)
	if wordCount(name) > cfg.MaxAuthorWords {
		return ""
	}
	return name
}

// microdataThread builds the thread from the posts the page declares:
// each post's author and date on a line, then its body. A block beside a
// declared post that looks like it (same tag, one's classes holding the
// other's) and holds a date or a body like the declared post's is a post
// the template left undeclared — an opening post styled apart, say — and
// is read by analogy (renderUndeclaredPost). It returns nil when
// the page declares fewer than cfg.MinPosts posts with a body of
// cfg.MinPostWords words, or more than one Question (an FAQ block, not a
// question with its answers).
func microdataThread(root *html.Node, cfg *config) *html.Node {
	posts, questions := microdataPosts(root, cfg)
	if questions > 1 || len(posts) < cfg.MinPosts {
		return nil
	}
	declared := make(map[*html.Node]*microPost, len(posts))
	for i := range posts {
		declared[posts[i].item] = &posts[i]
	}
	bodies := make(map[*html.Node]bool, len(posts))
	for _, p := range posts {
		bodies[p.body] = true
	}
	undeclared := map[*html.Node]bool{}
	for _, p := range posts {
		if p.item.Parent == nil {
			continue
		}
		for c := p.item.Parent.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && declared[c] == nil && !undeclared[c] && c.DataAtom == p.item.DataAtom &&
				classesNest(getAttr(c, "class"), getAttr(p.item, "class")) && (holds(c, isDateElement) || findLike(c, p.body) != nil) &&
				visibleWords(c) >= cfg.MinPostWords &&
				!holds(c, func(x *html.Node) bool { return bodies[x] }) { // the topic item's own body, in a block of the replies' look
				undeclared[c] = true
			}
		}
	}
	thread := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	n := 0
	var walk func(at *html.Node)
	walk = func(at *html.Node) {
		for c := at.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if undeclared[c] {
				if post := renderUndeclaredPost(c, posts, cfg); post != nil {
					thread.AppendChild(post)
					n++
				}
				continue
			}
			if p := declared[c]; p != nil {
				if post := renderMicroPost(p, cfg); post != nil {
					thread.AppendChild(post)
					n++
				}
			}
			walk(c) // replies may be nested in the topic's item
		}
	}
	walk(root)
	if n < cfg.MinPosts {
		return nil
	}
	return thread
}

// renderUndeclaredPost reads a post the template left undeclared by
// analogy with the declared ones: its body is the element of the same tag
// and class as a declared post's body, its author the one like a declared
// author, its date its first date. Without such a body the whole block,
// chrome removed, is the post.
func renderUndeclaredPost(n *html.Node, posts []microPost, cfg *config) *html.Node {
	for _, p := range posts {
		body := findLike(n, p.body)
		if body == nil {
			continue
		}
		u := microPost{item: n, body: body}
		if p.authorNode != nil {
			if a := findLike(n, p.authorNode); a != nil {
				u.author = authorName(a, cfg)
			}
		}
		if d := findFirst(n, isDateElement); d != nil {
			u.date = collapseSpace(textOf(d))
		}
		return renderMicroPost(&u, cfg)
	}
	post := cloneNode(n)
	stripChrome(post, false)
	return post
}

// findLike is the first element under n of like's tag and class (a class
// is required: a bare <div> is like any other).
func findLike(n, like *html.Node) *html.Node {
	class := getAttr(like, "class")
	if class == "" {
		return nil
	}
	return findFirst(n, func(c *html.Node) bool {
		return c.DataAtom == like.DataAtom && c.Data == like.Data && getAttr(c, "class") == class
	})
}

// findFirst is the first element under n (in page order) that match
// reports.
func findFirst(n *html.Node, match func(*html.Node) bool) *html.Node {
	return findFirstUpTo(n, match, -1)
}

// findFirstUpTo is findFirst reading at most limit elements under n (all
// of them when limit < 0): nil when none of the first limit matches.
func findFirstUpTo(n *html.Node, match func(*html.Node) bool, limit int) *html.Node {
	var walk func(n *html.Node) *html.Node
	walk = func(n *html.Node) *html.Node {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if limit == 0 {
				return nil
			}
			limit--
			if match(c) {
				return c
			}
			if f := walk(c); f != nil {
				return f
			}
		}
		return nil
	}
	return walk(n)
}

// renderMicroPost is a post's author and date line and its body, or nil
// when the body has fewer than cfg.MinPostWords words.
func renderMicroPost(p *microPost, cfg *config) *html.Node {
	body := cloneNode(p.body)
	stripChrome(body, false)
	if wordCount(textOf(body)) < cfg.MinPostWords {
		return nil
	}
	post := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	if line := strings.Join(nonEmpty(p.author, p.date), " · "); line != "" {
		para := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
		para.AppendChild(&html.Node{Type: html.TextNode, Data: line})
		post.AppendChild(para)
	}
	post.AppendChild(body)
	return post
}

// holds: n or an element under it is one match reports.
func holds(n *html.Node, match func(*html.Node) bool) bool {
	return n.Type == html.ElementNode && match(n) || findFirst(n, match) != nil
}

// classesNest: one class list holds every class of the other (a template's
// variant adds a modifier: "message message--first").
func classesNest(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) > len(fb) {
		fa, fb = fb, fa
	}
	for _, x := range fa {
		found := false
		for _, y := range fb {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
