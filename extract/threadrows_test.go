package extract

import (
	"fmt"
	"strings"
	"testing"
)

// threadListTitles are the threads of a hobby forum's board.
var threadListTitles = []string{
	"Sourdough starter smells like nail polish remover",
	"Best flour for a first rye loaf?",
	"Oven spring gone after switching to a clay baker",
	"Proofing times in a cold kitchen",
	"Scoring patterns",
	"Why does my crust go soft overnight",
}

// threadListPage is a board's list of threads the way forum software
// draws it: each row an avatar (a letter when the poster has none), the
// title, the starter and the date, page-jump links, the counts in label
// and value pairs, the last post's date and poster.
func threadListPage() string {
	var rows strings.Builder
	for i, t := range threadListTitles {
		slug := strings.ReplaceAll(strings.ToLower(t), " ", "-")
		fmt.Fprintf(&rows, `<div class="tl-row tl-row--thread">
<div class="tl-cell tl-cell--icon"><a href="/members/baker%d/" class="av"><span role="img" aria-label="baker%d">B</span></a></div>
<div class="tl-cell tl-cell--main"><ul class="tl-flags"><li><span class="sr">Pinned</span></li></ul>
<div class="tl-title"><a href="/threads/%s.%d/">%s</a></div>
<div class="tl-minor"><ul class="tl-parts"><li><a href="/members/baker%d/" class="username">crumb_and_crust%d</a></li>
<li><a href="/threads/%s.%d/"><time datetime="2025-11-0%dT09:00:00Z">Nov %d, 2025</time></a></li></ul>
<span class="tl-jump"><a href="/threads/%s.%d/page-2">2</a> <a href="/threads/%s.%d/page-3">3</a></span></div></div>
<div class="tl-cell tl-cell--meta"><dl class="pairs"><dt>Replies</dt><dd>%d</dd></dl><dl class="pairs"><dt>Views</dt><dd>%dK</dd></dl></div>
<div class="tl-cell tl-cell--latest"><a href="/threads/%s.%d/latest"><time datetime="2026-01-1%dT18:00:00Z">Jan 1%d, 2026</time></a>
<div class="tl-minor"><a href="/members/oven%d/" class="username">Levain Larry</a></div></div>
</div>`, i, i, slug, i, t, i, i, slug, i, i+1, i+1, slug, i, slug, i, 3+i*7, 1+i, slug, i, i, i, i)
	}
	return page(`<title>Bread Baking | The Crumb Forum</title>`, siteChrome(`<main>
<div class="p-title"><h1>Bread Baking</h1><p class="p-desc">Loaves, starters and ovens: ask the bakers who have burnt them all.</p></div>
<div class="filter-bar"><a href="?prefix=1">Question</a> <a href="?prefix=2">Show and tell</a> <a href="?order=views">Sort by views</a></div>
<div class="tl-container">`+rows.String()+`</div>
<nav class="pages"><a href="?page=2">2</a> <a href="?page=3">3</a> <a href="?page=2">Next</a></nav>
</main>`))
}

// boardIndexPage is a forum's index of boards: each row the board's
// title, its line about itself, its counts ("46 Topics") in cells of
// their own, and its last post.
func boardIndexPage() string {
	boards := [][2]string{
		{"Getting Started", "New here? Read the posting rules first."},
		{"Tube Amplifiers", "Valves, output transformers and high voltages."},
		{"Test Equipment", "Oscilloscopes, meters and signal generators."},
		{"Power Supplies", "Linear and switching supplies, bench units included."},
		{"Component Identification", "Markings you cannot read and obsolete parts."},
		{"Audio Restoration", "Turntables, tape decks and receivers from the loft."},
		{"Microcontrollers", "Small boards, their firmware and sensors."},
		{"Buy, Sell and Swap", "Spare parts and surplus gear between members."},
	}
	var rows strings.Builder
	for i, b := range boards {
		fmt.Fprintf(&rows, `<div class="board-row" id="board%d">
<div class="cell-board"><div class="board-info"><span class="icon" title="Contains unread posts."></span>
<a href="/board/%d" class="board-title">%s</a><div class="board-desc">%s</div></div></div>
<div class="topics-count"><span class="count">%d</span> <span class="lbl">Topics</span></div>
<div class="posts-count"><span class="count">%d,%03d</span> <span class="lbl">Posts</span></div>
<div class="lastpost"><a href="/board/%d/last" class="lastpost-title">Cracked solder joints on a vintage receiver</a>
<div class="lastpost-by">by <a href="/member/%d">solderfume</a></div><div class="lastpost-date">03-0%d-2026, 08:3%d PM</div></div>
</div>`, i, i, b[0], b[1], 40+i*13, 1+i, 17*i, i, i, i+1, i)
	}
	return page(`<title>The Bench Forum</title>`, siteChrome(`<main><h1>The Bench Forum</h1>
<div class="board-head"><span>Board</span><span>Topics</span><span>Posts</span><span>Last Post</span></div>
<div class="category"><a class="category-title" href="/cat/1">Workshop</a>`+rows.String()+`</div></main>`))
}

// postCardsPage is a thread: each post's author card shows the poster's
// counts ("Posts: 1,204"), a count beside a post, not a thread list's.
func postCardsPage() string {
	var posts strings.Builder
	for i, p := range forumPosts {
		fmt.Fprintf(&posts, `<div class="post" id="post%d"><div class="author-card"><a href="/u/%s">%s</a><div class="stats"><span>Posts:</span> <span>%d</span></div><div class="stats">Joined 2019</div></div>
<div class="post-body"><p>%s</p></div><div class="post-foot"><a href="#post%d">#%d</a> %s</div></div>`, i, p[0], p[0], 120+i*31, p[2], i, i+1, p[1])
	}
	return page(`<title>rsync stops at a path with a space</title>`, siteChrome(`<main><h1>rsync stops at a path with a space</h1>`+posts.String()+`</main>`))
}

// TestFromHTMLThreadRows: a board's list of threads comes out as its
// titles, an index of boards as their titles and lines; the counts,
// posters, dates and page-jump links between them go. A thread's posts,
// whose author cards show the posters' counts, keep everything.
func TestFromHTMLThreadRows(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		want, not  []string
	}{
		{"thread list", threadListPage(), append([]string{"ask the bakers who have burnt them all"}, threadListTitles...),
			[]string{"Replies", "Views", "crumb_and_crust", "Levain Larry", "Nov 3, 2025", "Jan 12, 2026", "Pinned"}},
		{"thread with author cards", postCardsPage(), []string{"Posts:", "marta_k", forumPosts[0][2], forumPosts[1][2]}, nil},
	} {
		d, err := FromHTML(tc.page, mustURL(t, "https://forum.example.net/"))
		if err != nil {
			t.Fatal(err)
		}
		text := StripMarkdownLinks(d.Markdown)
		for _, s := range tc.want {
			if !strings.Contains(text, s) {
				t.Errorf("%s: %q missing:\n%s", tc.name, s, text)
			}
		}
		for _, s := range tc.not {
			if strings.Contains(text, s) {
				t.Errorf("%s: %q kept:\n%s", tc.name, s, text)
			}
		}
	}
}

// TestTrimThreadRowsBoardIndex: an index of boards, its counts in cells
// beside each board's title cell, keeps each board's title and line
// about itself; the category's title, outside the rows, stays.
func TestTrimThreadRowsBoardIndex(t *testing.T) {
	root, err := parseClean(boardIndexPage())
	if err != nil {
		t.Fatal(err)
	}
	region := mainRegion(root, &defaultConfig)
	trimThreadRows(region, &defaultConfig)
	text := strings.Join(strings.Fields(textOf(region)), " ")
	for _, s := range []string{"Workshop", "Tube Amplifiers", "Valves, output transformers and high voltages.",
		"Component Identification", "Markings you cannot read and obsolete parts."} {
		if !strings.Contains(text, s) {
			t.Errorf("%q missing:\n%s", s, text)
		}
	}
	for _, s := range []string{"53 Topics", "1,000", "solderfume", "Cracked solder joints", "08:31 PM"} {
		if strings.Contains(text, s) {
			t.Errorf("%q kept:\n%s", s, text)
		}
	}
}

func TestStatKinds(t *testing.T) {
	for _, tc := range []struct {
		text  string
		kinds uint8
		ok    bool
	}{
		{"Replies 8", statOfThread, true},
		{"Views: 17K", statOfThread, true},
		{"46 Topics", statOfThread, true},
		{"Topics: 3,085 Posts: 4,138", statOfThread | statOfPoster, true},
		{"Posts: 1,204", statOfPoster, true},
		{"Replies", 0, false},
		{"8", 0, false},
		{"Last Post", 0, false},
		{"12 replies so far", 0, false},
	} {
		kinds, ok := statKinds(wordTokens(tc.text, nil))
		if kinds != tc.kinds || ok != tc.ok {
			t.Errorf("statKinds(%q) = %b, %v; want %b, %v", tc.text, kinds, ok, tc.kinds, tc.ok)
		}
	}
}
