package tools

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
)

// FuzzBind: any argument bytes bind and validate or give an error written
// for a model (never Go's "json: ..." wording), and never a panic.
func FuzzBind(f *testing.F) {
	for _, s := range []string{
		`{}`, `null`, ``, `[]`, `"x"`, `{"query": "go generics", "max_results": 5}`,
		`{"url": "https://example.org/", "max_chars": 1000, "offset": 5, "render": "never", "query": "x"}`,
		`{"question": "q", "max_pages": 3, "max_depth": 0, "include_domains": ["*.example.org"], "exclude_domains": ["a b"]}`,
		`{"max_pages": "3"}`, `{"max_pages": 1e400}`, `{"max_depth": -1}`, `{"nope": 1}`, `{"query": {"a": 1}}`,
		`{"include_domains": [1, 2]}`, `{"question": "\u0000"}`, `{"a":` + strings.Repeat("[", 200),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		req := mcp.CallToolRequest{}
		req.Params.RawArguments = json.RawMessage(raw)
		check := func(tool string, err error) {
			if err == nil {
				return
			}
			msg := err.Error()
			if msg == "" || strings.HasPrefix(msg, "json:") {
				t.Fatalf("%s: %q is not an error a model can act on", tool, msg)
			}
		}
		var ws WebSearchArgs
		if err := bind(req, &ws); err != nil {
			check("web_search", err)
		} else {
			check("web_search", ws.validate())
		}
		var bp BrowsePageArgs
		if err := bind(req, &bp); err != nil {
			check("browse_page", err)
		} else {
			check("browse_page", bp.validate())
		}
		var dr DeepResearchArgs
		if err := bind(req, &dr); err != nil {
			check("deep_research", err)
		} else {
			_, err := dr.validate()
			check("deep_research", err)
		}
	})
}
