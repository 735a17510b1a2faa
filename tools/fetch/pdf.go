package fetch

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/ledongthuc/pdf"
)

// pdfText extracts the text of a PDF held in memory, page by page, and its
// Title from the document info. The PDF library panics on some malformed
// files; a hostile PDF must not take the server down.
func pdfText(data []byte) (text, title string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("malformed PDF: %v", r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", "", fmt.Errorf("read PDF: %w", err)
	}
	title = strings.TrimSpace(r.Trailer().Key("Info").Key("Title").Text())
	var b strings.Builder
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		// nil fonts: each page uses its own (font names repeat across pages).
		t, err := p.GetPlainText(nil)
		if err != nil {
			return "", "", fmt.Errorf("PDF page %d: %w", i, err)
		}
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(t)
	}
	return b.String(), title, nil
}
