package browse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
)

// maxScanBytes bounds the HTML one scan reads: a page's structure is known
// well before that, and the fetcher caps bodies anyway.
const maxScanBytes = 4 << 20

// mountEmptyChars: a framework mount point with less visible text than this
// is empty, or holds only a placeholder ("Loading…").
const mountEmptyChars = 40

// htmlScan is what one tokenizer pass learns about a page's HTML: its
// visible text, its scripts, and the marks a page leaves when a script is
// meant to write its content.
type htmlScan struct {
	textLen      int  // visible characters (non-space) outside script/style/noscript/template
	scripts      int  // <script> elements, inline or external
	scriptBytes  int  // bytes of inline script code and data
	emptyRoot    bool // a framework mount point (#root, #app, [data-reactroot], ng-app, ...) or a <main> with no real content
	noscriptJS   bool // a <noscript> asks for JavaScript
	noscriptText int  // visible characters inside <noscript> (a whole no-JS view when large)
	loading      int  // short text nodes that are loading placeholders ("Loading…", "{{ title }}")
	entryFields  bool // a <textarea> or a text, email, password or phone <input>: a form people fill in
	description  string
}

var appRoots = map[string]bool{"root": true, "app": true, "__next": true, "__nuxt": true, "svelte": true, "main-app": true,
	"react-root": true, "ember-app": true, "q-app": true, "app-root": true, "vue-app": true, "application": true}

// mountAttrs mark an element as the mount point of a framework.
var mountAttrs = map[string]bool{"data-reactroot": true, "ng-app": true, "data-ng-app": true, "data-v-app": true, "x-app": true}

type openMount struct {
	tag   string
	depth int // open elements of the same tag inside it
	text  int
}

// scanHTML is one tokenizer pass; cheap enough to run on every page.
func scanHTML(body string) htmlScan {
	if len(body) > maxScanBytes {
		body = body[:maxScanBytes]
	}
	var s htmlScan
	z := html.NewTokenizer(strings.NewReader(body))
	skip := 0 // depth inside script/style/template
	inScript, inNoscript := false, false
	var mounts []openMount
	closeMount := func(m openMount) {
		if m.text < mountEmptyChars {
			s.emptyRoot = true
		}
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			for _, m := range mounts {
				closeMount(m)
			}
			return s
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			// A <main> with nothing in it is the same hole: the page's main
			// content is still to be written (a skeleton a timer fills).
			mount := tag == "app-root" || tag == "main"
			var metaName, metaContent, inputType string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				key := string(k)
				switch {
				case key == "id" && appRoots[strings.ToLower(string(v))]:
					mount = true
				case mountAttrs[key]:
					mount = true
				case tag == "meta" && (key == "name" || key == "property"):
					metaName = strings.ToLower(string(v))
				case tag == "meta" && key == "content":
					metaContent = string(v)
				case tag == "input" && key == "type":
					inputType = strings.ToLower(string(v))
				}
			}
			if tag == "textarea" || tag == "input" && (inputType == "" || inputType == "text" || inputType == "email" || inputType == "password" || inputType == "tel") {
				s.entryFields = true
			}
			if (metaName == "description" || metaName == "og:description") && s.description == "" {
				s.description = strings.TrimSpace(metaContent)
			}
			if tt == html.StartTagToken {
				for i := range mounts {
					if mounts[i].tag == tag {
						mounts[i].depth++
					}
				}
				if mount {
					mounts = append(mounts, openMount{tag: tag})
				}
			}
			switch tag {
			case "script":
				s.scripts++
				if tt == html.StartTagToken {
					skip++
					inScript = true
				}
			case "style", "template", "title":
				if tt == html.StartTagToken {
					skip++
				}
			case "noscript":
				inNoscript = tt == html.StartTagToken
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			for i := len(mounts) - 1; i >= 0; i-- {
				if mounts[i].tag != tag {
					continue
				}
				if mounts[i].depth > 0 {
					mounts[i].depth--
					continue
				}
				closeMount(mounts[i])
				mounts = append(mounts[:i], mounts[i+1:]...)
				break
			}
			switch tag {
			case "script", "style", "template", "title":
				if skip > 0 {
					skip--
				}
				if tag == "script" {
					inScript = false
				}
			case "noscript":
				inNoscript = false
			}
		case html.TextToken:
			txt := z.Text()
			if inScript {
				s.scriptBytes += len(txt)
				continue
			}
			if inNoscript {
				// The tokenizer gives a <noscript>'s markup as text.
				inner := stripTags(string(txt))
				s.noscriptText += countVisible(inner)
				if asksForJavaScript(inner) {
					s.noscriptJS = true
				}
				continue
			}
			if skip > 0 {
				continue
			}
			n := countVisible(string(txt))
			s.textLen += n
			for i := range mounts {
				mounts[i].text += n
			}
			if n > 0 && n <= 60 && isLoadingText(string(txt)) {
				s.loading++
			}
		}
	}
}

func countVisible(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// stripTags drops <...> runs from markup given as text.
func stripTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
			b.WriteByte(' ')
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// asksForJavaScript: a notice that the page needs JavaScript ("Please
// enable JavaScript", "This app requires JavaScript", "JavaScript is
// disabled"), not a tracking pixel or a no-JS copy of a widget.
func asksForJavaScript(s string) bool {
	l := strings.ToLower(s)
	if !strings.Contains(l, "javascript") && !strings.Contains(l, "js ") {
		return false
	}
	for _, w := range []string{"enable", "turn on", "activate", "require", "need", "disabled", "switch on", "allow", "support"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// isLoadingText: a short text node that is a loading placeholder or an
// unrendered template expression ({{ title }}).
func isLoadingText(s string) bool {
	if strings.Contains(s, "{{") && strings.Contains(s, "}}") && utf8.RuneCountInString(s) <= 60 {
		return true
	}
	return extract.LoadingPlaceholder(s)
}
