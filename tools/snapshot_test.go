package tools

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden tool snapshots and the README tool list")

// TestToolSnapshots pins what clients see of each tool (name, description,
// schemas, annotations). A change must be deliberate: `go test ./tools -update`.
func TestToolSnapshots(t *testing.T) {
	for _, tool := range Tools() {
		t.Run(tool.Name, func(t *testing.T) {
			got, err := SnapshotJSON(tool)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("__toolsnaps__", tool.Name+".snap")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run `go test ./tools -update` to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("tool %s differs from %s; if the change is intended, run `go test ./tools -update`\n--- got\n%s", tool.Name, path, got)
			}
		})
	}
}

// TestSchemasAreValidJSONSchemaShapes checks the properties every schema must
// have for clients: an object with properties, required fields as documented.
func TestToolSchemas(t *testing.T) {
	wantRequired := map[string][]string{
		"web_search":    {"query"},
		"browse_page":   {"url"},
		"deep_research": {"question"},
	}
	wantOutput := map[string][]string{
		"web_search":    {"query", "provider", "results"},
		"browse_page":   {"url", "final_url", "title", "content", "content_type", "offset", "next_offset", "total_chars", "links", "rendered", "cached"},
		"deep_research": {"question", "queries", "evidence", "sources", "stats", "complete"},
	}
	for _, tool := range Tools() {
		raw, err := json.Marshal(tool)
		if err != nil {
			t.Fatal(err)
		}
		var m struct {
			InputSchema struct {
				Type       string         `json:"type"`
				Required   []string       `json:"required"`
				Properties map[string]any `json:"properties"`
			} `json:"inputSchema"`
			OutputSchema struct {
				Type       string         `json:"type"`
				Required   []string       `json:"required"`
				Properties map[string]any `json:"properties"`
			} `json:"outputSchema"`
			Annotations map[string]any `json:"annotations"`
		}
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		if m.InputSchema.Type != "object" || m.OutputSchema.Type != "object" {
			t.Errorf("%s: schemas must be objects: %s", tool.Name, raw)
		}
		if got, want := m.InputSchema.Required, wantRequired[tool.Name]; !equalSets(got, want) {
			t.Errorf("%s: required inputs %v, want %v", tool.Name, got, want)
		}
		for _, f := range wantOutput[tool.Name] {
			if _, ok := m.OutputSchema.Properties[f]; !ok {
				t.Errorf("%s: output schema lacks %q", tool.Name, f)
			}
		}
		for _, f := range wantOutput[tool.Name] {
			if !slices.Contains(m.OutputSchema.Required, f) {
				t.Errorf("%s: output field %q should be required", tool.Name, f)
			}
		}
		// Nullable fields are anyOf, not type arrays (portable across
		// validators; MCP Inspector flags type arrays).
		if strings.Contains(string(raw), `"type":[`) {
			t.Errorf("%s: a schema uses a type array: %s", tool.Name, raw)
		}
		for k, want := range map[string]any{"readOnlyHint": true, "destructiveHint": false, "openWorldHint": true, "idempotentHint": tool.Name != "deep_research"} {
			if m.Annotations[k] != want {
				t.Errorf("%s: annotation %s = %v, want %v", tool.Name, k, m.Annotations[k], want)
			}
		}
	}
}

func equalSets(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}
