package research

import (
	"strings"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
)

// A page whose text is site chrome only (a "You need JavaScript" shell, a
// menu, a byline) is no evidence. It is read again rendered; when that
// gives no prose either, it is marked failed, never cited.

// proseWords is the length of the shortest sentence that counts as prose
// rather than a label, a menu item or a notice.
const proseWords = 4

// hasProse reports whether markdown holds a sentence of prose outside
// headings and the lines that boiler (paragraphs repeated across pages)
// marks as chrome.
func hasProse(markdown string, boiler map[string]bool) bool {
	text := extract.StripMarkdownLinks(markdown)
	for _, para := range strings.Split(text, "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" || strings.HasPrefix(para, "#") || boiler[para] {
			continue
		}
		for _, sp := range sentenceSpans(para) {
			s := para[sp[0]:sp[1]]
			if strings.HasPrefix(s, "#") || strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") {
				continue
			}
			if len(wordSpans(s)) >= proseWords && !noScriptNotice(s) {
				return true
			}
		}
	}
	return false
}

// noScriptNotice reports the notice a script-built page shows without JavaScript.
func noScriptNotice(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "javascript") && (strings.Contains(l, "enable") || strings.Contains(l, "requires") || strings.Contains(l, "need"))
}

// needsRender reports a page read without a browser that shows no prose.
func needsRender(p *browse.Page) bool {
	return p != nil && !p.Rendered && (p.Doc == nil || !hasProse(p.Doc.Markdown, nil))
}
