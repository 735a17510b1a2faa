package extract

import (
	"strings"
	"testing"
)

// iconStatsThreadPage is a forum topic whose author cards give the
// author's message count and reaction score as definition lists with an
// icon for the term (no text: the icon's title names it, and the icon is
// hidden from assistive technology), the way XenForo 2 themes draw them.
func iconStatsThreadPage() string {
	post := func(id, who, rank, messages, score, when, text string) string {
		return `<article class="message message--post" data-author="` + who + `" id="js-post-` + id + `">
<div class="message-inner"><div class="message-cell message-cell--user"><section class="message-user">
<div class="message-avatar"><a href="/members/` + who + `.` + id + `/" class="avatar"><span role="img" aria-label="` + who + `">` + who[:1] + `</span></a></div>
<div class="message-userDetails"><h4 class="message-name"><a href="/members/` + who + `.` + id + `/" class="username">` + who + `</a></h4><h5 class="userTitle message-userTitle">` + rank + `</h5></div>
<div class="message-userExtras">
<dl class="pairs pairs--justified"><dt><i class="fa fa-comments" aria-hidden="true" title="Messages"></i></dt><dd>` + messages + `</dd></dl>
<dl class="pairs pairs--justified"><dt><i class="fa fa-thumbs-up" aria-hidden="true" title="Reaction score"></i></dt><dd>` + score + `</dd></dl>
</div></section></div>
<div class="message-cell message-cell--main"><div class="message-main"><header class="message-attribution"><ul class="message-attribution-main"><li><a href="/threads/88/post-` + id + `"><time class="u-dt" datetime="` + when + `">` + when + `</time></a></li></ul></header>
<div class="message-content"><div class="message-userContent"><article class="message-body"><div class="bbWrapper">` + text + `</div></article></div></div></div></div></div></article>`
	}
	return page(`<meta charset="utf-8"><title>Seasoning a cast iron pan on a boat stove | Harbour Talk</title>`,
		siteChrome(`<main class="p-body-main"><h1 class="p-title-value">Seasoning a cast iron pan on a boat stove</h1>
<div class="block-body js-replyNewMessageContainer">
`+post("7101", "keelhaul", "Deckhand", "1,204", "733", "2022-10-26", "My skillet rusts every time we leave the boat for a week. Is there a seasoning that survives the damp, or do I give up and buy stainless?")+`
`+post("7102", "mizzen", "Old Salt", "23,942", "12,389", "2022-10-26", "Wipe it with a thin coat of oil after every wash and store it with a paper towel inside; the towel takes the damp before the iron does.")+`
`+post("7103", "tidewater", "Deckhand", "318", "96", "2022-10-27", "Flaxseed oil looks lovely and flakes off in a season at sea. Plain vegetable shortening, baked on thin, has lasted three years on ours.")+`
</div></main>`))
}

func TestFromHTMLAuthorCardsDropIconTermStats(t *testing.T) {
	d, err := FromHTML(iconStatsThreadPage(), mustURL(t, "https://harbourtalk.example.com/threads/seasoning-cast-iron.88/"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"keelhaul", "mizzen", "tidewater", "My skillet rusts", "Wipe it with a thin coat of oil", "Plain vegetable shortening"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("%q lost:\n%s", want, d.Markdown)
		}
	}
	for _, stat := range []string{"1,204", "23,942", "12,389", "Old Salt"} {
		if strings.Contains(d.Markdown, stat) {
			t.Errorf("author card line %q kept:\n%s", stat, d.Markdown)
		}
	}
}

func TestReadLabelLineIconTerm(t *testing.T) {
	tests := []struct {
		html        string
		label, want string
		ok          bool
	}{
		{`<dl><dt></dt><dd>996</dd></dl>`, iconTerm, "996", true},
		{`<dl><dt>Messages</dt><dd>996</dd></dl>`, "messages", "996", true},
		{`<dl><dt></dt><dd></dd></dl>`, "", "", false},
		{`<dl><dt></dt><dd>1</dd><dt></dt><dd>2</dd></dl>`, "", "", false},
	}
	for _, tt := range tests {
		n := firstElementOf(t, tt.html)
		label, value, ok := readLabelLine(n, collapseSpace(textOf(n)), &defaultConfig)
		if label != tt.label || value != tt.want || ok != tt.ok {
			t.Errorf("readLabelLine(%s) = %q, %q, %v; want %q, %q, %v", tt.html, label, value, ok, tt.label, tt.want, tt.ok)
		}
	}
}
