package search

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
)

// htmlText turns a field that an engine sends as HTML (Brave marks query
// terms with <strong> and escapes entities) into plain text. Only fields
// known to be HTML go through it: decoding plain text a second time would
// eat a literal "vector<int>".
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt == html.TextToken {
			b.Write(z.Text()) // Text decodes entities
		}
	}
	return b.String()
}

// cleanText folds white space and drops invisible characters: a result's
// title or snippet can carry instructions a person never sees.
func cleanText(s string) string {
	return strings.Join(strings.Fields(extract.StripInvisible(s)), " ")
}

var relativeAge = regexp.MustCompile(`^(\d+)\s+(minute|min|hour|day|week|month|year)s?\s+ago$`)

// publishedDate normalises the dates engines give ("2025-01-10T12:00:00",
// "Jan 10, 2025", "3 days ago") to YYYY-MM-DD; what it cannot read is kept
// as given, so the model still sees it.
func publishedDate(s string, now time.Time) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	for _, layout := range []string{
		time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02",
		"Jan 2, 2006", "January 2, 2006", "2 Jan 2006", "2 January 2006",
	} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	if m := relativeAge.FindStringSubmatch(strings.ToLower(s)); m != nil {
		n, _ := strconv.Atoi(m[1])
		var t time.Time
		switch m[2] {
		case "minute", "min":
			t = now.Add(-time.Duration(n) * time.Minute)
		case "hour":
			t = now.Add(-time.Duration(n) * time.Hour)
		case "day":
			t = now.AddDate(0, 0, -n)
		case "week":
			t = now.AddDate(0, 0, -7*n)
		case "month":
			t = now.AddDate(0, -n, 0)
		case "year":
			t = now.AddDate(-n, 0, 0)
		}
		return t.Format("2006-01-02")
	}
	return s
}
