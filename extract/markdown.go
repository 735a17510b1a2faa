package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/marker"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
)

// mdConverter is shared: html-to-markdown converters are safe for
// concurrent use once built.
var mdConverter = converter.NewConverter(converter.WithPlugins(
	base.NewBasePlugin(),
	commonmark.NewCommonmarkPlugin(commonmark.WithListEndComment(false)),
	// Extractors emit tables without <th>: promote the first row rather
	// than print an empty header; minimal padding saves the reader tokens.
	table.NewTablePlugin(
		table.WithHeaderPromotion(true),
		table.WithSkipEmptyRows(true),
		table.WithCellPaddingBehavior(table.CellPaddingBehaviorMinimal),
	),
	readerText{},
))

// readerText undoes two habits of the converter that cost a reader (and
// the benchmark) words: it writes "<" and ">" in text as the entities
// "&lt;"/"&gt;", and escapes "_" inside words ("snake\_case") although
// CommonMark never treats an intraword underscore as emphasis.
type readerText struct{}

func (readerText) Name() string { return "reader-text" }

func (readerText) Init(conv *converter.Converter) error {
	// Runs after base (standard) and commonmark (late) transforms, when the
	// escape placeholders are in place.
	conv.Register.TextTransformer(fixTextEscapes, converter.PriorityLate+50)
	return nil
}

var placeholder = marker.BytesMarkerEscaping[0]

func fixTextEscapes(_ converter.Context, s string) string {
	if strings.Contains(s, "&lt;") || strings.Contains(s, "&gt;") {
		s = fixAngles(s)
	}
	if strings.IndexByte(s, '_') >= 0 {
		s = unescapeIntraword(s)
	}
	if strings.Contains(s, string(placeholder)+"[") {
		s = unescapeBrackets(s)
	}
	return s
}

// unescapeBrackets keeps "[again]" readable: a bracket pair that is not
// followed by "(", "[" or ":" cannot form a link (this Markdown never has
// reference definitions), so neither bracket needs its backslash.
func unescapeBrackets(s string) string {
	open := string(placeholder) + "["
	closing := string(placeholder) + "]"
	var b []byte
	for off := 0; ; {
		i := strings.Index(s[off:], open)
		if i < 0 {
			break
		}
		i += off
		j := strings.Index(s[i+2:], closing)
		if j < 0 {
			break
		}
		j += i + 2
		if strings.Contains(s[i+2:j], open) {
			off = i + 2 // nested: let the inner pair decide
			continue
		}
		k := j + 2
		if k < len(s) && s[k] == placeholder {
			k++ // the next character may carry its own escape
		}
		if k < len(s) && (s[k] == '(' || s[k] == '[' || s[k] == ':') {
			off = k
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		b[i], b[j] = 0, 0
		off = j + 2
	}
	return dropMarked(s, b)
}

// dropMarked returns s without the bytes marked 0 in b, a copy of s (nil:
// nothing marked, s as it is).
func dropMarked(s string, b []byte) string {
	if b == nil {
		return s
	}
	out := b[:0]
	for _, c := range b {
		if c != 0 {
			out = append(out, c)
		}
	}
	return string(out)
}

// fixAngles turns the entities back into characters. "<" stays escaped
// ("\<") only where it could open an HTML tag or autolink; ">" gets the
// converter's escape placeholder, so it is escaped only at a line start
// where it would begin a block quote.
func fixAngles(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "&lt;"):
			i += 4
			if i < len(s) && (isASCIILetter(s[i]) || s[i] == '/' || s[i] == '!' || s[i] == '?') {
				b.WriteByte('\\')
			}
			b.WriteByte('<')
		case strings.HasPrefix(s[i:], "&gt;"):
			i += 4
			b.WriteByte(placeholder)
			b.WriteByte('>')
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}

// unescapeIntraword drops the escape placeholder before "_" where the
// underscores cannot be emphasis: between letters or digits ("snake_case"),
// or a run of three or more with spaces on both sides (a form blank or a
// separator line).
func unescapeIntraword(s string) string {
	var b []byte
	for i := 0; i < len(s); {
		if s[i] != placeholder || i+1 >= len(s) || s[i+1] != '_' {
			i++
			continue
		}
		j := i
		for j+1 < len(s) && s[j] == placeholder && s[j+1] == '_' {
			j += 2
		}
		run := (j - i) / 2
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		next, _ := utf8.DecodeRuneInString(s[j:])
		intraword := i > 0 && j < len(s) && isWordRune(prev) && isWordRune(next)
		blank := run >= 3 && (i == 0 || unicode.IsSpace(prev)) && (j == len(s) || unicode.IsSpace(next))
		if intraword || blank {
			if b == nil {
				b = []byte(s)
			}
			for k := i; k < j; k += 2 {
				b[k] = 0 // marked for removal below
			}
		}
		i = j
	}
	return dropMarked(s, b)
}

var manyNewlines = regexp.MustCompile(`\n{3,}`)

// toMarkdown renders a content node. Callers have made links absolute.
func toMarkdown(n *html.Node) (string, error) {
	out, err := mdConverter.ConvertNode(n)
	if err != nil {
		return "", err
	}
	s := strings.TrimSpace(string(out))
	if strings.Contains(s, "\n\n\n") {
		s = manyNewlines.ReplaceAllString(s, "\n\n")
	}
	if strings.Contains(s, "\\\n") && strings.Contains(s, "  \n") {
		s = dropEscapedBlankLines(s)
	}
	return s, nil
}

// dropEscapedBlankLines removes the lines that are a lone backslash after
// a hard line break. The converter writes the blocks inside a link (a
// product card is one link around its name, material and price lines) as
// lines joined by hard breaks, and the blank line between two blocks as
// an escaped "\" line of its own, so the link is not cut: the break is
// already there, and the reader gets one line of noise per block.
// Fenced code (codeFence) is left alone.
func dropEscapedBlankLines(md string) string {
	lines := strings.Split(md, "\n")
	out := lines[:0]
	var fence codeFence
	for _, line := range lines {
		if !fence.line(line) && strings.TrimLeft(line, " \t") == "\\" && len(out) > 0 && strings.HasSuffix(out[len(out)-1], "  ") {
			continue
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}
