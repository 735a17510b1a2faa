package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// Forum software closes each post with its author's signature (a motto,
// a list of the author's gear, links to the author's sites), the same
// text under every post of that author: chrome of the thread, not what
// the post says. The software names it: a class name or id ending with
// the word "signature" (phpBB, vBulletin, XenForo, SMF and MyBB all do),
// set on one element per post (namesSignature). A signature is taken only when the page repeats the element,
// same tag and class, at least cfg.MinPosts times and each within
// cfg.SignatureMaxWords words: a single "signature" element (a sign-here
// box, a shop's "signature collection" banner) is no thread's.
//
// The signatures are read from the page and their blocks dropped from the
// result, not cut from the tree: the extractors weigh a post's blocks
// together, and a short reply without the lines under it can read as
// debris and go.

// signatures are the posts' signatures of a page, as word runs joined by
// wordSep, indexed so that a block is looked up, not compared with each.
type signatures struct {
	runs  []string         // each distinct signature, wordSep-joined and -framed
	whole map[string]bool  // the runs themselves
	grams map[string][]int // the runs (indexes) holding each run of SignatureBlockWords words
}

// postSignatures returns the posts' signatures on root (nil on a page
// without them).
func postSignatures(root *html.Node, cfg *config) *signatures {
	looks := map[string][]*html.Node{}
	var order []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || notPostText[c.DataAtom] {
				continue
			}
			if namesSignature(c) {
				key := c.Data + "." + getAttr(c, "class")
				if looks[key] == nil {
					order = append(order, key)
				}
				looks[key] = append(looks[key], c)
				continue // a signature inside a signature is the same one
			}
			walk(c)
		}
	}
	walk(root)
	var sigs *signatures
	k := max(1, cfg.SignatureBlockWords)
	for _, key := range order { // document order: the same input, the same output
		group := looks[key]
		if len(group) < cfg.MinPosts || !allWithin(group, cfg.SignatureMaxWords) {
			continue
		}
		for _, s := range group {
			var text strings.Builder
			writeSpacedText(&text, s) // "2014<br>a Pi" reads "2014 a Pi", as in the Markdown
			toks := WordTokens(text.String())
			if len(toks) == 0 {
				continue
			}
			run := wordSep + strings.Join(toks, wordSep) + wordSep
			if sigs == nil {
				sigs = &signatures{whole: map[string]bool{}, grams: map[string][]int{}}
			}
			if sigs.whole[run] {
				continue // the same author signs every post alike
			}
			sigs.whole[run] = true
			sigs.runs = append(sigs.runs, run)
			seen := map[string]bool{}
			for i := 0; i+k <= len(toks); i++ {
				g := strings.Join(toks[i:i+k], wordSep)
				if !seen[g] {
					seen[g] = true
					sigs.grams[g] = append(sigs.grams[g], len(sigs.runs)-1)
				}
			}
		}
	}
	return sigs
}

// allWithin: every element of group has at most limit visible words.
func allWithin(group []*html.Node, limit int) bool {
	for _, n := range group {
		if visibleWords(n) > limit {
			return false
		}
	}
	return true
}

// wordSep joins word runs so that one run is found inside another only
// at word boundaries.
const wordSep = "\x00"

// signatureCandidates bounds the signatures a block is compared with (the
// ones sharing its first words): a page of many look-alike signatures
// costs no more per block.
const signatureCandidates = 16

// dropSignatureBlocks removes from md the blocks whose words are all a
// run of one signature's words: the whole signature, or a part of it (a
// signature of two paragraphs is two blocks) of at least
// cfg.SignatureBlockWords words, so that a one-word reply ("Thanks") that
// a signature also holds stays.
func dropSignatureBlocks(md string, sigs *signatures, cfg *config) string {
	if sigs == nil {
		return md
	}
	k := max(1, cfg.SignatureBlockWords)
	dropped := false
	out := keepBlocks(md, func(block string) bool {
		toks := WordTokens(stripLinks(block))
		if len(toks) == 0 {
			return true
		}
		run := wordSep + strings.Join(toks, wordSep) + wordSep
		if sigs.whole[run] {
			dropped = true
			return false
		}
		if len(toks) < k {
			return true
		}
		cands := sigs.grams[strings.Join(toks[:k], wordSep)]
		for _, i := range cands[:min(len(cands), signatureCandidates)] {
			if strings.Contains(sigs.runs[i], run) {
				dropped = true
				return false
			}
		}
		return true
	})
	if !dropped {
		return md // keepBlocks also rejoins the blocks: nothing went, nothing changes
	}
	return out
}

// signatureWord is the word namesSignature looks for, as foldLookup reads.
var signatureWord = map[string]bool{"signature": true}

// namesSignature: one of n's class names, or its id, ends with the word
// "signature" ("signature", "message-signature", "post_signature",
// "ipsSignature"): the post's signature. A name that goes on past the word
// uses it as an adjective for something else ("signature-dish" on a
// restaurant's menu cards, "signature-collection"), and a page repeats
// those as a thread repeats its signatures.
func namesSignature(n *html.Node) bool {
	endsSignature := func(v string) bool {
		last := ""
		nameParts(v, func(w string) bool { last = w; return true })
		return foldLookup(signatureWord, last) // only the last word is lowered, and on the stack
	}
	for v := range classWords(getAttr(n, "class")) {
		if endsSignature(v) {
			return true
		}
	}
	return endsSignature(getAttr(n, "id"))
}
