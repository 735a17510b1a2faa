package extract

import (
	"fmt"
	"strings"
	"testing"
)

// qaQuestion, qaAnswers and qaComments are a question with its answers and
// the remarks left under them, for a page in the shape of Q&A software.
const qaQuestion = "My laptop fan runs at full speed even when the machine is idle, and the temperature readings stay below fifty degrees. Is the fan curve broken, or is something else keeping it busy?"

var qaAnswers = []string{
	"Check the firmware settings first: several vendors ship a performance profile that pins the fan at maximum regardless of temperature. Switching to the balanced profile fixed this on two of my machines.",
	"A background process can keep the processor out of its idle states without raising the temperature much. Open the task manager, sort by processor time and look for an indexer or an update service that never finishes.",
	"If the fan still spins at full speed with the lid closed and the machine asleep, the speed sensor is probably failing and reports zero, so the controller drives the fan as hard as it can. That needs a repair.",
}

var qaComments = []string{
	"Which model is it exactly? Some of them have a known firmware bug here.",
	"Did this start after an update, or has it always been like this?",
	"Thanks, the balanced profile was it. The fan is quiet now.",
}

// qaPage is a question page: the question item holds its body, an author
// card with reputation badges, vote buttons and comments; each answer
// the same, the accepted one with a modifier class.
func qaPage() string {
	comment := func(i int) string {
		return fmt.Sprintf(`<li class="comment js-comment" itemprop="comment" itemscope itemtype="https://schema.org/Comment"><span class="comment-score">%d</span>
<span class="comment-copy" itemprop="text">%s</span> – <a class="comment-user" itemprop="author" itemscope itemtype="https://schema.org/Person" href="/users/%d"><span itemprop="name">user%d</span></a> <time itemprop="dateCreated">Mar %d, 2024</time></li>`, i+1, qaComments[i], 100+i, 100+i, 3+i)
	}
	author := func(name string, rep int) string {
		return fmt.Sprintf(`<div class="user-info"><div class="user-details" itemprop="author" itemscope itemtype="https://schema.org/Person"><a href="/users/%s">%s</a><meta itemprop="name" content="%s">
<div class="-flair"><span class="reputation-score">%d</span><span class="badge1"></span>12 silver badges<span class="badge3"></span>40 bronze badges</div></div></div>`, name, name, name, rep)
	}
	var b strings.Builder
	b.WriteString(`<div id="mainbar" itemscope itemtype="https://schema.org/Question" itemprop="mainEntity">
<h1 itemprop="name"><a href="/questions/1">Laptop fan at full speed while idle</a></h1><div class="meta">Asked <time itemprop="dateCreated" datetime="2024-03-02">Mar 2, 2024</time> · Viewed 12k times</div>
<div class="post-layout"><div class="votecell"><button class="js-vote-up">Up vote</button><div class="js-vote-count" itemprop="upvoteCount">14</div><button>Down vote</button></div>
<div class="s-prose js-post-body" itemprop="text"><p>` + qaQuestion + `</p></div>
<div class="post-menu"><a href="/q/1">Share</a> <a href="/posts/1/edit">Improve this question</a> <button>Follow</button></div>` + author("fanfare", 131) + `
<ul class="comments-list">` + comment(0) + comment(1) + `</ul><a class="js-add-link">Add a comment</a></div>
<div id="answers"><h2>3 Answers <span>Sorted by: highest score</span></h2>`)
	for i, a := range qaAnswers {
		class := "answer js-answer"
		prop := "suggestedAnswer"
		if i == 0 {
			class, prop = "answer js-answer accepted-answer", "acceptedAnswer"
		}
		fmt.Fprintf(&b, `<div class="%s" itemprop="%s" itemscope itemtype="https://schema.org/Answer"><div class="votecell"><div class="js-vote-count" itemprop="upvoteCount">%d</div></div>
<div class="s-prose js-post-body" itemprop="text"><p>%s</p></div><time itemprop="dateCreated" datetime="2024-03-0%d"></time>
<div class="post-menu"><a href="/a/%d">Share</a> <a href="/posts/%d/edit">Improve this answer</a></div>%s`, class, prop, 20-i, a, 2+i, i+2, i+2, author(fmt.Sprintf("helper%d", i), 5000+i))
		if i == 0 {
			b.WriteString(`<ul class="comments-list">` + comment(2) + `</ul>`)
		}
		b.WriteString(`</div>`)
	}
	b.WriteString(`</div><h2>Your Answer</h2><form id="post-form"><textarea name="post-text"></textarea><button>Post Your Answer</button></form></div>
<div id="sidebar"><div class="s-sidebarwidget"><h4>Linked</h4><ul><li><a href="/q/9">Fan noise after update</a></li></ul></div><div class="module">Hot Network Questions <a href="/q/8">Why is the sky blue?</a></div></div>`)
	return b.String()
}

// undeclaredOpenerThread is a forum thread whose replies are Comment items
// and whose opening post, styled apart by a modifier class, is not
// declared at all (openerDated: with a <time>, or its date in plain text);
// each post has an author card with statistics.
func undeclaredOpenerThread(openerDated bool) string {
	post := func(item bool, class, author, date, body string) string {
		scope, text := "", ""
		if item || openerDated {
			date = `<time class="u-dt" datetime="` + date + `">` + date + `</time>`
		}
		if item {
			scope, text = ` itemscope itemtype="https://schema.org/Comment"`, ` itemprop="text"`
		}
		return fmt.Sprintf(`<article class="message message--post %s js-post"%s><section class="message-user"><h4 class="message-name"><a href="/members/%s/">%s</a></h4>
<dl class="pairs"><dt>Joined</dt><dd>Jan 4, 2012</dd></dl><dl class="pairs"><dt>Messages</dt><dd>2,481</dd></dl><dl class="pairs"><dt>Reaction score</dt><dd>1,337</dd></dl></section>
<div class="message-main"><header class="message-attribution"><a href="#p">%s</a> <a href="#p">#1</a></header>
<div class="message-content"><div class="bbWrapper"%s>%s</div></div>
<footer class="message-footer"><a class="reaction" href="#r">Like</a> <a href="#reply">Reply</a></footer></div></article>`, class, scope, author, author, date, text, body)
	}
	var b strings.Builder
	b.WriteString(`<div class="block-body js-replyNewMessageContainer">`)
	b.WriteString(post(false, "message--firstPost", "newbie", "2023-08-05", "<p>Hi everyone, first post here and hoping to keep riding to work through the winter this year. I only have an old tourer, mudguards and cheap lights, and I am looking for the changes that help most.</p>"))
	for _, p := range replyPosts {
		b.WriteString(post(true, "", p[0], p[1], "<p>"+p[2]+"</p>"))
	}
	b.WriteString(`</div><div class="block-outer"><a href="?page=2">Next</a></div>`)
	return b.String()
}

// TestMicrodataThread: posts the page declares in microdata are read as
// declared, each with its author and date and its body, and nothing of
// the author cards, vote widgets, menus and forms around them.
func TestMicrodataThread(t *testing.T) {
	for _, tc := range []struct {
		name, head, body string
		want, unwanted   []string
	}{
		{
			name: "question with its answers",
			head: `<title>Laptop fan at full speed while idle - Hardware Q&amp;A</title>`,
			body: qaPage(),
			want: append([]string{qaQuestion}, qaAnswers...),
			// Remarks under the question and the answers are not posts;
			// neither are the reputation scores, badges and post menus.
			unwanted: append(qaComments[:3:3], "reputation", "bronze badges", "Improve this", "Post Your Answer", "Hot Network", "Up vote"),
		},
		{
			name:     "forum thread with an undeclared opening post",
			head:     `<title>Riding through the winter | Cycle Forum</title>`,
			body:     undeclaredOpenerThread(true),
			want:     undeclaredOpenerWant(),
			unwanted: []string{"Reaction score", "Messages", "Next"},
		},
		{
			name:     "undeclared opening post dated in plain text",
			head:     `<title>Riding through the winter | Cycle Forum</title>`,
			body:     undeclaredOpenerThread(false),
			want:     undeclaredOpenerWant(),
			unwanted: []string{"Reaction score", "Messages", "Next"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := FromHTML(page(tc.head, siteChrome(tc.body)), mustURL(t, "https://forum.example/t/1"))
			if err != nil {
				t.Fatal(err)
			}
			last := -1
			for _, w := range tc.want {
				i := strings.Index(d.Markdown, w)
				if i < 0 {
					t.Errorf("lacks %q:\n%s", w, d.Markdown)
					continue
				}
				if i < last {
					t.Errorf("%q out of page order:\n%s", w[:30], d.Markdown)
				}
				last = i
			}
			for _, u := range tc.unwanted {
				if strings.Contains(d.Markdown, u) {
					t.Errorf("kept %q:\n%s", u, d.Markdown)
				}
			}
		})
	}
}

// TestMicrodataThreadNotFAQ: an article's FAQ block declares a Question
// and an Answer per entry; that is not a thread, and the article stands.
func TestMicrodataThreadNotFAQ(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<article><h1>How to choose a heat pump</h1>` + articleBody + `<section class="faq"><h2>FAQ</h2>`)
	for i, a := range qaAnswers {
		fmt.Fprintf(&b, `<div itemscope itemtype="https://schema.org/Question"><h3 itemprop="name">Question %d about heat pumps?</h3>
<div itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer"><div itemprop="text"><p>%s</p></div></div></div>`, i+1, a)
	}
	b.WriteString(`</section></article>`)
	root, err := parseClean(page(`<title>How to choose a heat pump</title>`, b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if th := microdataThread(root, &defaultConfig); th != nil {
		t.Errorf("an FAQ block read as a thread:\n%s", textOf(th))
	}
	root, err = parseClean(page(`<title>Q</title>`, qaPage()))
	if err != nil {
		t.Fatal(err)
	}
	if th := microdataThread(root, &defaultConfig); th == nil {
		t.Error("the question page was not read as a thread")
	}
}

// undeclaredOpenerWant is what undeclaredOpenerThread must give: the
// opening post's words, then every reply's body.
func undeclaredOpenerWant() []string {
	out := []string{"hoping to keep riding to work through the winter this year"}
	for _, p := range replyPosts {
		out = append(out, p[2])
	}
	return out
}
