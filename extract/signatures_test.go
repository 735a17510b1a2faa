package extract

import (
	"fmt"
	"html"
	"strings"
	"testing"
	"time"
)

// signedThread is a forum topic whose posts each close with the author's
// signature (a motto, the author's kit, a link), as forum software sets
// it: an element named "signature" under every post.
func signedThread(sigClass string, sigs []string) string {
	var b strings.Builder
	b.WriteString(`<script>var forum = {"topic":77,"page":1};</script><h1>rsync stops at a space in the path</h1><div id="page-body">`)
	for i, p := range forumPosts {
		fmt.Fprintf(&b, `<div id="p%d" class="post bg%d"><div class="inner"><dl class="postprofile"><dt><a href="/memberlist.php?u=%d" class="username">%s</a></dt></dl>`, i, i%2+1, i, p[0])
		fmt.Fprintf(&b, `<div class="postbody"><h3><a href="#p%d">Re: rsync stops at a space in the path</a></h3><p class="author">by <strong>%s</strong> &raquo; %s %s</p><div class="content">%s</div>`, i, p[0], p[1], p[1], p[2])
		fmt.Fprintf(&b, `<div id="sig%d" class="%s">%s</div></div></div></div><hr class="divider">`, i, sigClass, sigs[i%len(sigs)])
	}
	b.WriteString(`</div><script>document.querySelectorAll(".post").forEach(function(p){p.dataset.seen=1});</script>`)
	return b.String()
}

var forumSignatures = []string{
	`Backups are a state of mind... you only sleep well the night after you test a restore... test a restore... test a restore...<br><br>"Quote your variables, every one of them!"`,
	`My machines: a ThinkPad X220 running Arch since 2014<br>a Raspberry Pi 4 for the backups<br>an old Mac mini for the music<br><a href="https://devon.example.net">devon.example.net</a>`,
}

// tabledThread is a forum topic laid out in a table, a row a post, as
// older forum software (and some still running) sets it, each post
// closing with its author's signature.
func tabledThread(sigs []string) string {
	var b strings.Builder
	b.WriteString(`<script>var board = {"topic":77};</script><h1>rsync stops at a space in the path</h1><table class="board message_list"><tbody>`)
	for i, p := range forumPosts {
		fmt.Fprintf(&b, `<tr class="top"><td class="msg" id="message_%d"><div class="msg_infobox"><a name="%d"></a><span class="user"><b>%s</b></span> <span class="post_time" title="%s 10:0%d">%s</span> <span class="message_num">#%d</span></div>`, i, i+1, p[0], p[1], i, p[1], i+1)
		fmt.Fprintf(&b, `<div class="msg_body_box"><div class="msg_body"><div class="msg_text">%s<br></div><div class="signature"><div class="sig_text">%s</div></div></div></div></td></tr>`, p[2], sigs[i%len(sigs)])
	}
	b.WriteString(`</tbody></table><script>document.querySelectorAll(".msg").forEach(function(m){m.dataset.seen=1});</script>`)
	return b.String()
}

// TestSignaturesInATableGo: a thread laid out in a table loses its
// signatures like any other.
func TestSignaturesInATableGo(t *testing.T) {
	head := `<title>rsync stops at a space in the path | Shell Boards</title><meta property="og:type" content="website">`
	checkThreadMarkdown(t, page(head, siteChrome(tabledThread(forumSignatures))), []string{"state of mind", "Quote your variables", "running Arch since", "for the backups"})
}

// TestSignaturesGo: a thread's signatures go from the result, every post's
// body and author stay; a signature-named element the page has once, or
// ones too long to be signatures, stay.
func TestSignaturesGo(t *testing.T) {
	head := `<title>rsync stops at a space in the path | Shell Forum</title><meta property="og:type" content="website">`
	gone := []string{"state of mind", "Quote your variables", "running Arch since", "for the backups"}
	for _, sigClass := range []string{"signature", "post-signature"} {
		t.Run("thread/"+sigClass, func(t *testing.T) {
			d, err := FromHTML(page(head, siteChrome(signedThread(sigClass, forumSignatures))), mustURL(t, "https://forum.example.org/viewtopic.php?t=77"))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range forumPosts {
				if !strings.Contains(d.Markdown, p[2][:60]) {
					t.Errorf("post body %q lost:\n%s", p[2][:30], d.Markdown)
				}
			}
			for _, g := range gone {
				if strings.Contains(d.Markdown, g) {
					t.Errorf("signature %q kept:\n%s", g, d.Markdown)
				}
			}
		})
	}
	long := strings.Repeat("Every piece in this range is finished by hand in our workshop and signed by the maker. ", 6)
	for _, tc := range []struct {
		name, body, want string
	}{
		{"one signature box", `<article><h1>Our oak tables</h1><p>Each table is cut from a single board of English oak and oiled, never lacquered, so the grain stays open to the touch for decades.</p><div class="signature-collection"><p>The Signature Collection: the tables our founder drew first.</p></div><p>We deliver within four weeks and carry the table into the room of your choice.</p></article>`, "tables our founder drew first"},
		// "signature" qualifying another word names no post's signature:
		// a menu repeats its signature dishes as a thread its signatures.
		{"a menu's signature dishes", `<main><h1>Our menu</h1><p>The Harbour Kitchen has cooked fish from the morning boats on the quay since 1987, and the menu changes with what the boats bring in.</p><h2>Signature dishes</h2>` +
			`<div class="signature-dish"><h3>Smoked haddock chowder</h3><p>Haddock smoked over oak in our own smokehouse, simmered with leeks, potatoes and cream.</p></div>` +
			`<div class="signature-dish"><h3>Grilled mackerel</h3><p>Whole mackerel grilled over charcoal with gooseberry relish and new potatoes.</p></div>` +
			`<div class="signature-dish"><h3>Crab on toast</h3><p>Brown and white crab meat from the harbour boats, with lemon mayonnaise on sourdough.</p></div><p>We open at noon every day but Monday.</p></main>`, "gooseberry relish"},
		{"long sections", `<article><h1>Our oak tables</h1><p>Each table is cut from a single board of English oak and oiled, never lacquered.</p><section class="signature"><p>` + long + `</p></section><section class="signature"><p>` + long + `Chairs too.</p></section></article>`, "signed by the maker"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := FromHTML(page(`<title>Oak tables</title>`, siteChrome(tc.body)), mustURL(t, "https://shop.example.com/tables"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(d.Markdown, tc.want) {
				t.Errorf("%q lost:\n%s", tc.want, d.Markdown)
			}
		})
	}
}

// TestDropSignatureBlocks: a block goes when its words are a run of one
// signature's words and long enough (or the whole signature); others stay.
func TestDropSignatureBlocks(t *testing.T) {
	sigs := signaturesOf(t, "Backups are a state of mind. Quote your variables!", "Thanks")
	for _, tc := range []struct {
		name, md, want string
	}{
		{"whole and part", "Use an array.\n\nBackups are a state of mind.\n\n\"Quote your variables!\"", "Use an array."},
		{"short part stays", "Use an array.\n\nQuote your\n\nmind.", "Use an array.\n\nQuote your\n\nmind."},
		{"whole short signature", "Use an array.\n\nThanks", "Use an array."},
		{"words around the run", "Backups are a state of mind, my old boss said.", "Backups are a state of mind, my old boss said."},
		{"a word's part is no word", "Backups are a state of min", "Backups are a state of min"},
		{"linked", "Use an array.\n\n[Backups are a state](https://x.example) of mind.", "Use an array."},
		{"nothing to drop keeps the bytes", "Use an array.\n\n \n\nDone here now.", "Use an array.\n\n \n\nDone here now."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := dropSignatureBlocks(tc.md, sigs, &defaultConfig); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	if got := dropSignatureBlocks("Thanks", nil, &defaultConfig); got != "Thanks" {
		t.Errorf("no signatures: got %q", got)
	}
}

// signaturesOf reads signatures from a page whose posts are signed with
// texts, each twice (a signature is known by repeating).
func signaturesOf(t testing.TB, texts ...string) *signatures {
	var b strings.Builder
	for _, s := range texts {
		fmt.Fprintf(&b, `<div class="signature">%s</div><div class="signature">%s</div>`, s, s)
	}
	root, err := parseClean(page("<title>t</title>", b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return postSignatures(root, &defaultConfig)
}

// TestPostSignaturesGrowsLinearly: finding the signatures is one walk of
// the tree, and dropping their blocks one pass over the result, however
// many posts the thread has.
func TestPostSignaturesGrowsLinearly(t *testing.T) {
	build := func(n int) string {
		sigs := make([]string, n)
		for i := range sigs {
			sigs[i] = fmt.Sprintf("motto number %d of the thread", i)
		}
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, `<div class="post"><div class="content"><p>reply %d says the loop needs IFS set to a newline</p></div><div class="signature">%s</div></div>`, i, sigs[i])
		}
		return page("<title>t</title>", b.String())
	}
	run := func(n int) time.Duration {
		src := build(n)
		start := time.Now()
		root, err := parseClean(src)
		if err != nil {
			t.Fatal(err)
		}
		sigs := postSignatures(root, &defaultConfig)
		if sigs == nil || len(sigs.runs) != n {
			t.Fatalf("signatures %v, want %d", sigs, n)
		}
		var md strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&md, "reply %d says the loop needs IFS set to a newline\n\nmotto number %d of the thread\n\n", i, i)
		}
		if out := dropSignatureBlocks(md.String(), sigs, &defaultConfig); out == md.String() {
			t.Fatal("nothing dropped")
		}
		return time.Since(start)
	}
	const n = 4000
	run(n / 8) // warm up
	eighth, whole, ok := growsLinearly(func() time.Duration { return run(n / 8) }, func() time.Duration { return run(n) }, time.Second)
	if !ok {
		t.Errorf("8x the posts took %v against %v (over 24x): not linear", whole, eighth)
	}
}

// FuzzDropSignatureBlocks: any Markdown and signature pass without a
// panic; the result is never longer, and without a signature it is the
// input.
func FuzzDropSignatureBlocks(f *testing.F) {
	f.Add("Use an array.\n\nBackups are a state of mind.", "Backups are a state of mind.")
	f.Add("> quoted\n\n- item\n\n", "item")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, md, sig string) {
		sigs := signaturesOf(t, html.EscapeString(sig))
		out := dropSignatureBlocks(md, sigs, &defaultConfig)
		if len(out) > len(md) {
			t.Fatalf("longer: %q -> %q", md, out)
		}
		if sigs == nil && out != md {
			t.Fatalf("changed without a signature: %q -> %q", md, out)
		}
	})
}
