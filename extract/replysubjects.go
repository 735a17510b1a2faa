package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Forum software that gives every post a subject (phpBB, FluxBB, SMF,
// vBulletin) fills a reply's subject with the topic's title after "Re:",
// and sets it as a heading atop each reply: the thread's title again,
// once a post. The reply's own words are below it; the heading says
// nothing the page's title does not. dropReplySubjects removes those
// headings from a thread's posts.

// replyPrefixes are the prefixes mail and forum software put before a
// reply's subject, lower-cased ("Re:", German "Aw:", Scandinavian "Sv:",
// Dutch "Antw:").
var replyPrefixes = [...]string{"re:", "re :", "aw:", "sv:", "antw:"}

// dropReplySubjects removes from thread the headings that are a reply's
// subject (isReplySubject).
func dropReplySubjects(thread *html.Node) {
	removeElements(thread, isReplySubject)
}

// isReplySubject: n is a heading (h1-h6) whose text opens with a reply
// prefix and has words after it.
func isReplySubject(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
	default:
		return false
	}
	text := strings.ToLower(collapseSpace(textOf(n)))
	for _, p := range replyPrefixes {
		if strings.HasPrefix(text, p) && wordCount(text[len(p):]) > 0 {
			return true
		}
	}
	return false
}
