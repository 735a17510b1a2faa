package tools

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
)

// README markers around the generated tool reference.
const (
	ReadmeBegin = "<!-- BEGIN GENERATED TOOLS: go generate ./tools -->"
	ReadmeEnd   = "<!-- END GENERATED TOOLS -->"
)

// ReadmeToolList is the README's tool reference, generated from the tool
// definitions and the text formatters, so the documentation cannot drift
// from the code (a test fails when the README is stale).
func ReadmeToolList() string {
	var b strings.Builder
	for _, tool := range Tools() {
		desc, example, _ := strings.Cut(tool.Description, "\nExample: ")
		fmt.Fprintf(&b, "### `%s` — %s\n\n%s\n\n", tool.Name, tool.Title, desc)
		b.WriteString("| argument | type | default | description |\n| --- | --- | --- | --- |\n")
		var in mcp.ToolArgumentsSchema
		if err := json.Unmarshal(tool.RawInputSchema, &in); err != nil {
			panic(err)
		}
		for _, name := range in.PropertyOrder {
			p, _ := in.Properties[name].(map[string]any)
			typ := schemaType(p)
			if enum, ok := p["enum"].([]any); ok {
				var vals []string
				for _, v := range enum {
					vals = append(vals, fmt.Sprint(v))
				}
				typ = strings.Join(vals, " \\| ")
			}
			def := "—"
			if slices.Contains(in.Required, name) {
				def = "**required**"
			} else if d, ok := p["default"]; ok {
				def = fmt.Sprintf("`%v`", d)
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", name, typ, def, mdCell(fmt.Sprint(p["description"])))
		}
		var names, outFields []string
		for name := range tool.OutputSchema.Properties {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			f := "`" + name + "`"
			if !slices.Contains(tool.OutputSchema.Required, name) {
				f += "?"
			}
			outFields = append(outFields, f)
		}
		fmt.Fprintf(&b, "\nStructured result: %s. Annotations: %s.\n\n", strings.Join(outFields, ", "), annotations(tool.Annotations))
		fmt.Fprintf(&b, "Example call:\n\n```json\n%s\n```\n\nExample text result (abridged):\n\n```text\n%s```\n\n", example, exampleText(tool.Name))
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func schemaType(p map[string]any) string {
	switch t := p["type"].(type) {
	case string:
		if t == "array" {
			if items, ok := p["items"].(map[string]any); ok {
				return schemaType(items) + "[]"
			}
		}
		return t
	case []any:
		var parts []string
		for _, x := range t {
			if x != "null" {
				parts = append(parts, fmt.Sprint(x))
			}
		}
		return strings.Join(parts, "|")
	}
	return "any"
}

func mdCell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", "\\|"), "\n", " ")
}

func annotations(a mcp.ToolAnnotation) string {
	f := func(name string, v *bool) string { return fmt.Sprintf("%s=%v", name, v != nil && *v) }
	return strings.Join([]string{f("readOnly", a.ReadOnlyHint), f("destructive", a.DestructiveHint), f("idempotent", a.IdempotentHint), f("openWorld", a.OpenWorldHint)}, ", ")
}

var fenceID = regexp.MustCompile(`id="[0-9a-f]{24}"`)

// exampleText renders each tool's text result for made-up engine output.
func exampleText(tool string) string {
	var s string
	switch tool {
	case "web_search":
		s = webSearchText(WebSearchOutput{Query: "SQLite WAL mode concurrent readers", Provider: "duckduckgo", Results: []WebSearchResult{
			{Rank: 1, Title: "Write-Ahead Logging", URL: "https://sqlite.org/wal.html", Snippet: "WAL provides more concurrency as readers do not block writers and a writer does not block readers."},
			{Rank: 2, Title: "SQLite concurrent writes and \"database is locked\"", URL: "https://example.com/sqlite-locking", Snippet: "How WAL mode changes locking, with benchmarks."},
		}})
	case "browse_page":
		next := 20000
		s = browsePageText(BrowsePageOutput{URL: "https://en.wikipedia.org/wiki/Raft_(algorithm)", FinalURL: "https://en.wikipedia.org/wiki/Raft_(algorithm)",
			Title: "Raft (algorithm) - Wikipedia", Content: "# Raft (algorithm)\n\nRaft is a consensus algorithm that is designed to be easy to understand. …",
			ContentType: "text/html", NextOffset: &next, TotalChars: 48211,
			Links: []BrowseLink{{N: 1, Text: "consensus algorithm", URL: "https://en.wikipedia.org/wiki/Consensus_algorithm"}, {N: 2, Text: "Paxos", URL: "https://en.wikipedia.org/wiki/Paxos_(computer_science)"}}})
	case "deep_research":
		s = deepResearchText(DeepResearchOutput{
			Question: "Which company acquired the maker of the game Myst, and in which year?",
			Queries:  []string{"Which company acquired the maker of the game Myst", "Myst developer Cyan acquired"},
			Evidence: []ResearchEvidence{
				{Source: 1, URL: "https://en.wikipedia.org/wiki/Myst", Title: "Myst - Wikipedia", Quote: "Myst is a 1993 adventure video game developed by Cyan, Inc. …", Score: 0.91},
				{Source: 2, URL: "https://en.wikipedia.org/wiki/Cyan_Worlds", Title: "Cyan Worlds - Wikipedia", Quote: "… (quoted verbatim from the page)", Score: 0.84},
			},
			Sources: []ResearchSource{
				{N: 1, URL: "https://en.wikipedia.org/wiki/Myst", Title: "Myst - Wikipedia", Status: "ok"},
				{N: 2, URL: "https://en.wikipedia.org/wiki/Cyan_Worlds", Title: "Cyan Worlds - Wikipedia", Status: "ok"},
				{N: 3, URL: "https://example.com/myst-history", Title: "", Status: "failed", Reason: "HTTP 503"},
			},
			Stats:    ResearchStats{Searches: 4, PagesRead: 9, PagesFailed: 1, CacheHits: 0, ElapsedMS: 4380},
			Complete: true,
		})
	}
	return fenceID.ReplaceAllString(s, `id="…"`)
}
