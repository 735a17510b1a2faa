package extract

import (
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A thread (forum topic, Q&A page, issue with comments) is a run of
// look-alike sibling blocks, each with its author and date and a body.
// The article extractors keep the densest one (usually the first post) and
// drop the rest. Here the posts are found by that structure — whatever the
// forum software names its classes — and every post is kept with its
// author and date line; vote widgets, reply buttons and signatures go with
// the rest of the chrome (stripChrome).

// notPostText are the elements no part of a post's chrome (a quote's
// toggle, a signature) is in: code, and what is not shown. Tables are
// read: old forum software (and some still running) sets its posts in
// them.
var notPostText = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Template: true, atom.Pre: true, atom.Code: true, atom.Head: true}

// postCandidate is one element with its word count and whether it holds
// a date.
type postCandidate struct {
	n     *html.Node
	words int
	dated bool
}

// findPosts returns the largest group of sibling blocks that look like
// posts, in page order, or nil. One bottom-up walk: each node's words and
// whether it holds a date are known before its parent groups it.
func findPosts(root *html.Node, cfg *config) []*html.Node {
	var best []*html.Node
	bestWords := 0
	var walk func(n *html.Node) postCandidate
	walk = func(n *html.Node) postCandidate {
		pc := postCandidate{n: n}
		switch {
		case n.Type == html.TextNode:
			pc.words = wordCount(n.Data)
			return pc
		case n.Type != html.ElementNode && n.Type != html.DocumentNode,
			n.DataAtom == atom.Script, n.DataAtom == atom.Style, n.DataAtom == atom.Template:
			return pc
		}
		pc.dated = isDateElement(n)
		var kids []postCandidate
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			k := walk(c)
			pc.words += k.words
			pc.dated = pc.dated || k.dated
			if c.Type == html.ElementNode {
				kids = append(kids, k)
			}
		}
		if posts, words := bestPostGroup(kids, cfg); words > bestWords {
			best, bestWords = posts, words
		}
		return pc
	}
	walk(root)
	return best
}

// bestPostGroup returns the group of look-alike posts with the most words
// among those that are mostly posts.
func bestPostGroup(kids []postCandidate, cfg *config) ([]*html.Node, int) {
	if len(kids) < cfg.MinPosts {
		return nil, 0
	}
	ls := make([]lookalike, len(kids))
	for i, k := range kids {
		ls[i] = lookalike{n: k.n, member: k.words >= cfg.MinPostWords && k.dated, words: k.words}
	}
	return bestLookalikeGroupBy(ls, cfg.MinPosts, cfg.PostShare, withoutAlternation) // altrows.go
}

// isDateElement: a <time>, a date property, or an element named for a
// date.
func isDateElement(n *html.Node) bool {
	return n.DataAtom == atom.Time || strings.HasPrefix(getAttr(n, "itemprop"), "date") || hasDateName(getAttr(n, "class"))
}

// hasDateName: one of class's words (split at ' ', '-' and '_') names a
// date. It runs on every element of the thread search: an ASCII class
// (nearly all) is read in place, without lower-casing a copy or slicing
// it into fields; any other goes through Unicode lower-casing as before
// ("TİME" lower-cases to "time").
func hasDateName(class string) bool {
	for i := 0; i < len(class); i++ {
		if class[i] >= utf8.RuneSelf {
			return hasDateWord(strings.ToLower(class), false)
		}
	}
	return hasDateWord(class, true)
}

// hasDateWord is hasDateName on a class already lower-cased, or ASCII
// compared without case (fold).
func hasDateWord(class string, fold bool) bool {
	start := 0
	for i := 0; i <= len(class); i++ {
		if i < len(class) && class[i] != ' ' && class[i] != '-' && class[i] != '_' {
			continue
		}
		f := class[start:i]
		start = i + 1
		for _, w := range dateWords {
			if len(f) == len(w) && (f == w || fold && strings.EqualFold(f, w)) {
				return true
			}
		}
	}
	return false
}

// dateWords are the class words that name a date.
var dateWords = [...]string{"date", "time", "timestamp", "datetime", "posted", "published"}

// threadContent renders the page's posts when it is a thread: at least
// cfg.MinPosts posts, more words than the article path kept, and holding
// most of what the article path kept (so an article's comment section
// never replaces the article). A page that declares itself an article or
// a product, or sells (a cart control), is not a thread whatever its
// comments or reviews look like.
//
// A thread's opening post often stands apart from the replies (its own
// block above them, the replies nested in another): then the posts found
// are the replies alone and miss what the article path kept. On a page
// that declares itself a discussion in structured data, that result is
// the opening post, and the thread is it followed by the replies, when
// the replies share almost nothing with it (cfg.RepliesOverlap) and
// outweigh it (cfg.RepliesGrowth). That is a weaker sign than posts that
// hold the article path's text, so the caller tries the main region
// first (threadReplies).
func threadContent(root *html.Node, base *url.URL, src *pageText, meta *pageMeta, article rendered, cfg *config) (rendered, threadKind) {
	articleMD := article.markdown
	ogOnly := false // the page calls itself an article in og:type alone, a site-wide default
	if declaresArticle(root, meta, cfg) {
		if !ogArticleOnly(root, meta) {
			return rendered{}, threadNone
		}
		ogOnly = true
	}
	if isShop(root, meta, cfg) {
		return rendered{}, threadNone
	}
	// Posts the page declares in microdata are read as declared
	// (microposts.go); otherwise look-alike blocks are the posts.
	thread := microdataThread(root, cfg)
	declared := thread != nil
	if thread == nil {
		posts := meta.posts(root, cfg)
		if posts == nil {
			return rendered{}, threadNone
		}
		thread = &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		for _, p := range posts {
			c := cloneNode(p)
			stripChrome(c, false)
			thread.AppendChild(c)
		}
	}
	dropReplySubjects(thread) // replysubjects.go
	if ogOnly && !conversation(thread, cfg) {
		return rendered{}, threadNone
	}
	r, err := render(extraction{node: thread, source: "thread"}, base, src)
	if err != nil {
		return rendered{}, threadNone
	}
	r.markdown = dropDebris(r.markdown)
	if !declared && reviewPosts(r.markdown, cfg) {
		return rendered{}, threadNone
	}
	at := wordTokens(stripLinks(articleMD), nil)
	tt := wordTokens(stripLinks(r.markdown), nil)
	if len(tt) <= len(at) && !declared {
		// (Declared posts without their cards and widgets can be shorter
		// than an article path's result that kept them.)
		return rendered{}, threadNone
	}
	covered := coverage(at, shingleSet(tt))
	if covered >= cfg.ThreadCoverage {
		if ogOnly {
			// A weaker sign on a page that calls itself an article: the
			// main region, a listing's entries, is tried first.
			return r, threadReplies
		}
		return r, threadPosts
	}
	if types := structuredTypes(meta, root); len(at) >= cfg.MinPostWords && covered < cfg.RepliesOverlap && declaresDiscussion(types) &&
		(float64(len(tt)) >= cfg.RepliesGrowth*float64(len(at)) || declaresForumPost(types)) {
		return rendered{markdown: articleMD + "\n\n" + r.markdown, links: append(article.links[:len(article.links):len(article.links)], r.links...)}, threadReplies
	}
	return rendered{}, threadNone
}

// conversation: no one of the thread's posts (its children) holds
// cfg.ThreadPostShare of its words or more, and they are text, not links
// (less than cfg.ArticleLinkShare of their words). On a page that calls
// itself an article, a story and the readers' comments under it look
// like posts too, but the story dwarfs them; and a news site's dated
// teasers are headlines, nearly all links.
func conversation(thread *html.Node, cfg *config) bool {
	all, largest := 0, 0
	for c := thread.FirstChild; c != nil; c = c.NextSibling {
		w := visibleWords(c)
		all += w
		largest = max(largest, w)
	}
	if all == 0 || float64(largest) >= cfg.ThreadPostShare*float64(all) {
		return false
	}
	_, own := regionWordsWithin(thread, false, 0)
	return float64(all-own) < cfg.ArticleLinkShare*float64(all)
}

// threadKind is what threadContent found.
type threadKind int

const (
	threadNone    threadKind = iota
	threadPosts              // posts that hold the article path's text
	threadReplies            // the article path's text, then replies apart from it
)

// discussionTypes are the schema.org types of a discussion page: a forum
// topic or a question with its answers (a bare Question is also what an
// FAQ block declares, so it does not count).
var discussionTypes = map[string]bool{"DiscussionForumPosting": true, "QAPage": true}

// declaresForumPost: the page declares a forum topic
// (DiscussionForumPosting), whose look-alike posts are its replies
// however short; a question (QAPage) also has comments under it, small
// blocks beside its answers.
func declaresForumPost(types []string) bool {
	return slices.Contains(types, "DiscussionForumPosting")
}

func declaresDiscussion(types []string) bool {
	for _, t := range types {
		if discussionTypes[t] {
			return true
		}
	}
	return false
}

// cartPhrases label the shop controls that put an item in a cart.
var cartPhrases = []string{"add to cart", "add to bag", "add to basket", "add to trolley", "buy now", "buy it now"}

// hasCartControl: a button, submit input or link labelled with a cart
// phrase. On a shop page the dated blocks are reviews, not a thread.
func hasCartControl(n *html.Node) bool {
	if n.Type == html.ElementNode {
		label := ""
		switch n.DataAtom {
		case atom.Button, atom.A:
			label = textOf(n)
		case atom.Input:
			label = getAttr(n, "value")
		}
		if label != "" && len(label) < 60 {
			l := strings.ToLower(collapseSpace(label))
			for _, p := range cartPhrases {
				if strings.Contains(l, p) {
					return true
				}
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasCartControl(c) {
			return true
		}
	}
	return false
}
