package fetch

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// toUTF8 decodes body to UTF-8. Order, as browsers do it: a byte-order mark,
// then the Content-Type charset, then (HTML only) <meta charset> or
// http-equiv in the first 1024 bytes, then a sniff (valid UTF-8, else
// windows-1252). A lying charset cannot produce invalid UTF-8: whatever
// comes out is made valid.
func toUTF8(body []byte, contentType string, isHTML bool) string {
	var enc encoding.Encoding
	switch {
	case isHTML:
		enc, _, _ = charset.DetermineEncoding(body, contentType)
	default:
		enc = textEncoding(body, contentType)
	}
	var s string
	if enc == nil || enc == encoding.Nop {
		s = string(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	} else {
		out, _, err := transform.Bytes(unicode.BOMOverride(enc.NewDecoder()), body)
		if err != nil {
			out = body
		}
		s = string(out)
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return s
}

// textEncoding is DetermineEncoding without the HTML <meta> prescan:
// BOM, Content-Type charset, UTF-8 if valid, else windows-1252.
func textEncoding(body []byte, contentType string) encoding.Encoding {
	if bytes.HasPrefix(body, []byte("\xef\xbb\xbf")) {
		return encoding.Nop
	}
	if bytes.HasPrefix(body, []byte("\xfe\xff")) || bytes.HasPrefix(body, []byte("\xff\xfe")) {
		return unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	}
	if cs := charsetParam(contentType); cs != "" {
		if e, _ := charset.Lookup(cs); e != nil {
			return e
		}
	}
	head := body
	if len(head) > 4096 {
		head = head[:4096]
		for i := len(head) - 1; i > len(head)-4; i-- {
			if utf8.RuneStart(head[i]) {
				head = head[:i]
				break
			}
		}
	}
	if utf8.Valid(head) {
		return encoding.Nop
	}
	e, _ := charset.Lookup("windows-1252")
	return e
}

func charsetParam(contentType string) string {
	for _, p := range strings.Split(contentType, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		if ok && strings.EqualFold(strings.TrimSpace(k), "charset") {
			return strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	return ""
}
