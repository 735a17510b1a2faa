package extract

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html/atom"
)

// votedNovels are the entries of a readers' ranked list: title, author.
var votedNovels = [][2]string{
	{"The Lighthouse Keeper's Daughter", "Ines Marlowe"}, {"A Winter in Tallinn", "Piotr Halvorsen"},
	{"Salt and Iron", "Maud Okafor"}, {"The Cartographer's Apprentice", "Lewis Brandt"},
	{"Songs for the Flood Year", "Ayesha Quillan"}, {"Eleven Bridges", "Tomas Rey"},
	{"The Orchard at Penmarch", "Hanna Stroud"}, {"Night Ferry to Bastia", "Claude Imbert"},
	{"What the River Kept", "Nadia Ferreira"}, {"The Glass Observatory", "Owen Tally"},
	{"Letters from the Salt Road", "Bea Lindqvist"}, {"A Map of Small Hours", "Ravi Chandran"},
}

// readerComment is one reader's long comment under the list: more prose
// than all the entries, so the article extractors keep the comments.
func readerComment(i int) string {
	return fmt.Sprintf(`<div class="comment" id="comment_%d"><div class="commentHeader"><a href="/user/%d">reader%d</a> <span>Mar %d, 2025</span></div>
<div class="commentBody"><p>I have been working through this list for three winters now and I keep coming back to the same handful of novels, which says something about how the voting works: the books people finished in school float to the top while the ones they chose for themselves sink a little lower every year. Number %d on my own list would be much higher if more people had found it in a library instead of a syllabus, and I would love to see a companion list that only counts books read for pleasure.</p></div></div>`, i, i, i, i+1, i+3)
}

// rankedListPage is a ranked list of books with a star rater (a row of
// links that lead nowhere, run by a script) under each entry, and the
// readers' comment section under the list, named commentName.
func rankedListPage(commentName string) string {
	var b strings.Builder
	b.WriteString(`<h1>Best novels of the decade</h1><p>The novels voted best by our readers; anyone may add a book or vote.</p><table class="tableList">`)
	for i, bk := range votedNovels {
		fmt.Fprintf(&b, `<tr itemscope><td class="number">%d</td><td><a class="bookTitle" href="/book/%d">%s</a> by <a class="authorName" href="/author/%d">%s</a>
<div class="rating">4.%d avg rating, %d,204 ratings</div>
<div class="ratingStars"><div class="myRating">Rate this book</div><div class="stars"><a class="star off" href="#">1 of 5 stars</a><a class="star off" href="#">2 of 5 stars</a><a class="star off" href="#">3 of 5 stars</a><a class="star off" href="#">4 of 5 stars</a><a class="star off" href="#">5 of 5 stars</a></div></div></td></tr>`,
			i+1, i, bk[0], i, bk[1], 9-i%9, 90-i)
	}
	b.WriteString(`</table><h2>Comments</h2><div id="` + commentName + `">`)
	for i := range 9 {
		b.WriteString(readerComment(i))
	}
	// What follows the comments keeps them from being the page's trailing
	// blocks (dropTrailingComments): the region must leave them out.
	b.WriteString(`</div><p class="listMeta">List started by the editors in 2021; 4,812 readers have voted on these twelve books since.</p>`)
	return page(`<title>Best novels of the decade | Shelfmark</title><script>window.dataLayer=[];</script>`,
		siteChrome(`<div class="mainContent">`+b.String()+`</div>`))
}

func TestFromHTMLRankedListUnderReadersComments(t *testing.T) {
	// The list's entries are its content; the readers' comments under it
	// (the densest prose on the page, which the article path keeps) and
	// the star rater under each entry are not.
	for _, name := range []string{"comment_list", "comment-list", "commentList"} {
		t.Run(name, func(t *testing.T) {
			d, err := FromHTML(rankedListPage(name), mustURL(t, "https://shelfmark.example.net/lists/best-novels"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(d.Markdown, "4,812 readers have voted") {
				t.Errorf("the list's own line lost:\n%s", d.Markdown)
			}
			for _, bk := range votedNovels {
				if !strings.Contains(d.Markdown, bk[0]) || !strings.Contains(d.Markdown, bk[1]) {
					t.Errorf("entry %q by %s lost:\n%s", bk[0], bk[1], d.Markdown)
				}
			}
			for _, gone := range []string{"three winters", "of 5 stars", "We use cookies", "Privacy policy", "About us"} {
				if strings.Contains(d.Markdown, gone) {
					t.Errorf("%q kept:\n%s", gone, d.Markdown)
				}
			}
		})
	}
}

func TestNamesCommentSection(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"comments", true},
		{"commentlist", true},
		{"comment-list", true},
		{"comment_list", true},
		{"commentList", true},
		{"post comment-list clearfix", true},
		{"respond", true},
		{"comment", false},      // one comment's block, or a forum post
		{"comment-body", false}, // inside one comment
		{"list-comment", false},
		{"commenter-list", false},
		{"", false},
	} {
		if got := namesCommentSection(tc.name); got != tc.want {
			t.Errorf("namesCommentSection(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestIsControlRow(t *testing.T) {
	for _, tc := range []struct {
		name, html string
		want       bool
	}{
		{"star rater", `<div><a href="#">1 of 5 stars</a><a href="#">2 of 5 stars</a><a href="#">3 of 5 stars</a><a href="#">4 of 5 stars</a><a href="#">5 of 5 stars</a></div>`, true},
		{"script links", `<p> <a href="javascript:void(0)">One</a> <a href="javascript:void(0)">Two</a> <a href="javascript:void(0)">Three</a> </p>`, true},
		{"two arrows", `<div><a href="#">Previous</a><a href="#">Next</a></div>`, false},
		{"text beside", `<p>Rate it: <a href="#">one</a><a href="#">two</a><a href="#">three</a></p>`, false},
		{"real links", `<div><a href="/a">Alpha</a><a href="/b">Beta</a><a href="/c">Gamma</a></div>`, false},
		{"named anchors", `<div><a name="a">Alpha section</a><a name="b">Beta section</a><a name="c">Gamma section</a></div>`, false},
		{"one dead link among others", `<div><a href="#">Toggle</a><a href="/b">Beta</a><a href="/c">Gamma</a></div>`, false},
		{"an element beside", `<div><a href="#">1</a><a href="#">2</a><a href="#">3</a><span>stars</span></div>`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := parseClean(tc.html)
			if err != nil {
				t.Fatal(err)
			}
			absolutizeLinks(root, mustURL(t, "https://example.org/page"))
			row := findElement(root, atom.Div)
			if row == nil {
				row = findElement(root, atom.P)
			}
			if row == nil {
				t.Fatal("no row element")
			}
			if got := isControlRow(row, &defaultConfig); got != tc.want {
				t.Errorf("isControlRow = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestIsCommentsPick(t *testing.T) {
	comments := strings.Repeat("Readers argue here about which book deserves the first place and why the vote is unfair to new authors. ", 6)
	own := "The list is ranked by readers' votes, and anyone may add a book to it or vote for the ones already there. "
	set := shingleSet(wordTokens(comments, nil))
	for _, tc := range []struct {
		name, md string
		want     bool
	}{
		{"comments only", comments, true},
		{"comments and a short line of the page's", comments + "\n\n" + own, true},
		{"the page's own text", own + "\n\n" + own + own, false},
		{"half and half", own + own + own + own + own + "\n\n" + comments, false},
		{"empty", "", false},
	} {
		if got := isCommentsPick(tc.md, set, &defaultConfig); got != tc.want {
			t.Errorf("%s: isCommentsPick = %v, want %v", tc.name, got, tc.want)
		}
	}
	if isCommentsPick(comments, nil, &defaultConfig) {
		t.Error("a page without a comment section has no comments pick")
	}
}
