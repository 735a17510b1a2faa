package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A link aggregator's front page (a social news site, a community's "new"
// queue) sets under each submitted title a line of its bookkeeping: the
// votes, who submitted it and how long ago, and the actions on it ("12
// points by ana 3 hours ago | hide | past | 4 comments"). A reader of the
// list came for the titles; rendered between them, the line splits each
// title from the next and is most of the page's words. Such a line is
// known by what it says, whatever the site names its classes: a count of
// votes or comments and a time ago, with at most a name or two besides
// the words such lines are made of.

// voteLineWords are the words a vote line is made of besides its numbers
// and names: the counted things, the time units of "3 hours ago", the
// submitter's "by"/"via", and the actions a list offers on each entry.
var voteLineWords = map[string]uint8{
	"point": voteCount, "points": voteCount, "vote": voteCount, "votes": voteCount,
	"comment": voteCount, "comments": voteCount, "reply": voteCount, "replies": voteCount,
	"second": voteUnit, "seconds": voteUnit, "minute": voteUnit, "minutes": voteUnit,
	"hour": voteUnit, "hours": voteUnit, "day": voteUnit, "days": voteUnit, "week": voteUnit,
	"weeks": voteUnit, "month": voteUnit, "months": voteUnit, "year": voteUnit, "years": voteUnit,
	"ago": voteAgo,
	"by":  voteOther, "via": voteOther, "submitted": voteOther, "posted": voteOther, "and": voteOther,
	"hide": voteOther, "flag": voteOther, "past": voteOther, "discuss": voteOther, "save": voteOther,
	"share": voteOther, "report": voteOther, "favorite": voteOther, "web": voteOther, "edit": voteOther,
	"delete": voteOther, "caches": voteOther, "archive": voteOther, "unvote": voteOther, "upvote": voteOther,
}

// Kinds of voteLineWords.
const (
	voteCount uint8 = 1 + iota // follows a number: "12 points", "4 comments"
	voteUnit                   // a time unit, followed by "ago"
	voteAgo
	voteOther
)

// isVoteLine: toks read as a vote line: a number with a counted thing
// after it, a number with a time unit and "ago" after it, and at most
// cfg.VoteLineNames words that are neither numbers nor voteLineWords
// (the submitter's name, a site's domain).
func isVoteLine(toks []string, cfg *config) bool {
	count, ago := false, false
	names := 0
	for i, t := range toks {
		if isNumber(t) {
			continue
		}
		kind := voteLineWords[strings.ToLower(t)]
		afterNumber := i > 0 && isNumber(toks[i-1])
		switch {
		case kind == voteCount && afterNumber:
			count = true
		case kind == voteUnit && afterNumber && i+1 < len(toks) && strings.EqualFold(toks[i+1], "ago"):
			ago = true
		case kind != 0:
		default:
			if names++; names > cfg.VoteLineNames {
				return false
			}
		}
	}
	return count && ago
}

// isNumber: t is all digits.
func isNumber(t string) bool {
	if t == "" {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}

// voteStat is what the walk of dropVoteLines knows of a node.
type voteStat struct {
	toks    []string // its words, while at most cfg.VoteLineMaxWords
	over    bool     // more words than that
	words   int
	heading bool       // holds a heading: a title is never a vote line
	line    *html.Node // the outermost vote line that is all of n's words, if any
}

// dropVoteLines removes from region, in place, the vote lines of a link
// aggregator's entries (isVoteLine, each at most cfg.VoteLineMaxWords
// words and holding no heading), taken out to the outermost element whose
// words they are (a table row whose other cells are a rank and an empty
// vote arrow's): only when region holds cfg.MinEntries of them or more,
// so one line of that shape in a page (a story's "posted 3 hours ago | 12
// comments") is left alone.
func dropVoteLines(region *html.Node, cfg *config) {
	var lines []*html.Node
	var walk func(n *html.Node) voteStat
	walk = func(n *html.Node) voteStat {
		var st voteStat
		switch {
		case n.Type == html.TextNode:
			st.words = wordCount(n.Data)
			if st.over = st.words > cfg.VoteLineMaxWords; !st.over && st.words > 0 {
				st.toks = wordTokens(n.Data, nil)
			}
			return st
		case n.Type != html.ElementNode && n.Type != html.DocumentNode,
			n.DataAtom == atom.Script, n.DataAtom == atom.Style, n.DataAtom == atom.Template:
			return st
		}
		var inner *html.Node // a vote line below n
		innerWords := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			k := walk(c)
			st.words += k.words
			st.heading = st.heading || k.heading
			if k.line != nil {
				if inner != nil { // two lines below n: each is its own
					lines = append(lines, inner)
				}
				inner, innerWords = k.line, k.words
			}
			if !st.over {
				if st.over = k.over || len(st.toks)+len(k.toks) > cfg.VoteLineMaxWords; st.over {
					st.toks = nil
				} else {
					st.toks = append(st.toks, k.toks...)
				}
			}
		}
		st.heading = st.heading || isHeadingAtom(n.DataAtom)
		switch {
		case inner != nil && st.words == innerWords && !st.heading:
			st.line = n // the line's words and nothing more: widened to n
		case inner != nil:
			lines = append(lines, inner)
		case !st.over && st.words > 0 && !st.heading && isVoteLine(st.toks, cfg):
			st.line = n
		}
		return st
	}
	if st := walk(region); st.line != nil && st.line != region {
		lines = append(lines, st.line)
	}
	if len(lines) < cfg.MinEntries {
		return
	}
	for _, n := range lines {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}
