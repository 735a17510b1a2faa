package fetch

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/ledongthuc/pdf"
)

// PDF limits. A PDF is a program for a parser: a page tree can contain
// itself, claim 2e12 pages or list 200,000 kids, and one content stream
// referenced a thousand times inflates a 3 MB file to gigabytes of text.
// The walk below is bounded by these, and the whole extraction runs in a
// worker process with a deadline and a memory cap (pdfworker.go).
const (
	pdfMaxPages       = 2000     // pages read; the rest is reported as cut
	pdfMaxTreeNodes   = 20000    // page-tree nodes visited (pages and their parents)
	pdfMaxTreeDepth   = 32       // nesting of /Pages nodes; real files use 2-4
	pdfMaxStreamBytes = 64 << 20 // decompressed content-stream bytes, all pages together
	pdfMaxPageStreams = 1024     // content streams of one page (/Contents array)
	pdfMaxTextBytes   = 4 << 20  // extracted text kept
	pdfMaxParentChain = 64       // /Parent links followed to inherit resources
)

// pdfResult is what an extraction produced. Partial, when set, says why the
// text stops before the document's end; the text is then the first part.
type pdfResult struct {
	Text    string `json:"text"`
	Title   string `json:"title,omitempty"`
	Partial string `json:"partial,omitempty"`
	Err     string `json:"error,omitempty"`
}

// extractPDF extracts the text of a PDF held in memory, page by page, and
// its Title from the document info, within the limits above. The PDF
// library panics on some malformed files; those become an error.
func extractPDF(data []byte) (res pdfResult) {
	defer func() {
		if r := recover(); r != nil {
			res = pdfResult{Err: fmt.Sprintf("malformed PDF: %v", r)}
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return pdfResult{Err: fmt.Sprintf("read PDF: %v", err)}
	}
	res.Title = strings.TrimSpace(r.Trailer().Key("Info").Key("Title").Text())
	if len(res.Title) > 500 {
		res.Title = res.Title[:500]
	}
	pages, cut := pdfPages(r.Trailer().Key("Root").Key("Pages"))
	var b strings.Builder
	var streamBytes int64
	for i, pv := range pages {
		if !inheritsSanely(pv) {
			cut = fmt.Sprintf("page %d has a /Parent chain that does not end; the text stops there", i+1)
			break
		}
		n, over, broken := contentBytes(pv.Key("Contents"), pdfMaxStreamBytes-streamBytes)
		streamBytes += n
		if broken {
			continue // as the library does: a page it cannot read has no text
		}
		if over != "" {
			cut = fmt.Sprintf("page %d: %s; the text stops there", i+1, over)
			break
		}
		// nil fonts: each page uses its own (font names repeat across pages).
		t, err := pdf.Page{V: pv}.GetPlainText(nil)
		if err != nil {
			return pdfResult{Err: fmt.Sprintf("PDF page %d: %v", i+1, err)}
		}
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		if room := pdfMaxTextBytes - b.Len(); len(t) > room {
			b.WriteString(cutUTF8(t, room))
			cut = fmt.Sprintf("the text passes %d MiB at page %d; the rest is left out", pdfMaxTextBytes>>20, i+1)
			break
		}
		b.WriteString(t)
	}
	res.Text, res.Partial = b.String(), cut
	return res
}

// pdfPages walks the page tree depth first, in document order, without the
// library's per-page walk from the root (quadratic in the page count, and
// endless on a tree that contains itself). It stops at pdfMaxPages pages,
// pdfMaxTreeNodes nodes or pdfMaxTreeDepth levels; cut says which.
func pdfPages(root pdf.Value) (pages []pdf.Value, cut string) {
	nodes := 0
	var walk func(v pdf.Value, depth int) bool
	walk = func(v pdf.Value, depth int) bool {
		nodes++
		if nodes > pdfMaxTreeNodes {
			cut = fmt.Sprintf("the page tree has more than %d nodes (it may contain itself); the text stops there", pdfMaxTreeNodes)
			return false
		}
		switch v.Key("Type").Name() {
		case "Page":
			if len(pages) == pdfMaxPages {
				cut = fmt.Sprintf("the document has more than %d pages; only the first %d are read", pdfMaxPages, pdfMaxPages)
				return false
			}
			pages = append(pages, v)
		case "Pages":
			if depth >= pdfMaxTreeDepth {
				cut = fmt.Sprintf("the page tree is nested deeper than %d levels (it may contain itself); the text stops there", pdfMaxTreeDepth)
				return false
			}
			kids := v.Key("Kids")
			for i := 0; i < kids.Len(); i++ {
				if !walk(kids.Index(i), depth+1) {
					return false
				}
			}
		}
		return true
	}
	walk(root, 0)
	return pages, cut
}

// inheritsSanely reports whether the library's search for the page's
// resources ends: it follows /Parent links until one has /Resources, and
// would loop forever on a cycle. Most pages carry their own, and then the
// chain is never walked (nor checked: resolving a parent re-parses it, and
// a parent can list 200,000 kids).
func inheritsSanely(v pdf.Value) bool {
	for i := 0; i < pdfMaxParentChain; i++ {
		if !v.Key("Resources").IsNull() {
			return true
		}
		if v = v.Key("Parent"); v.IsNull() {
			return true
		}
	}
	return false
}

// contentBytes decompresses a page's content streams once, counting, to
// refuse a page whose text would pass budget before the library
// accumulates it. over says what was exceeded; broken, that a stream cannot
// be decoded (an unknown filter, corrupt data).
func contentBytes(contents pdf.Value, budget int64) (n int64, over string, broken bool) {
	defer func() {
		if recover() != nil {
			broken = true
		}
	}()
	streams := []pdf.Value{contents}
	if contents.Kind() == pdf.Array {
		if contents.Len() > pdfMaxPageStreams {
			return 0, fmt.Sprintf("it lists %d content streams, more than %d", contents.Len(), pdfMaxPageStreams), false
		}
		streams = streams[:0]
		for i := 0; i < contents.Len(); i++ {
			streams = append(streams, contents.Index(i))
		}
	}
	for _, s := range streams {
		if s.Kind() != pdf.Stream {
			continue
		}
		rc := s.Reader()
		m, err := io.Copy(io.Discard, io.LimitReader(rc, budget-n+1))
		rc.Close()
		n += m
		if n > budget {
			return n, fmt.Sprintf("its content streams decompress to more than the %d MiB read from one document", pdfMaxStreamBytes>>20), false
		}
		if err != nil {
			return n, "", true
		}
	}
	return n, "", false
}

// cutUTF8 returns at most n bytes of s, not splitting a character.
func cutUTF8(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
