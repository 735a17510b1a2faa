package tools

import (
	"bytes"
	"encoding/json"

	"github.com/mark3labs/mcp-go/mcp"
)

// SnapshotJSON is the golden form of a tool as clients see it in tools/list:
// indented JSON with a trailing newline. The end-to-end tests compare what a
// running server lists against __toolsnaps__/<name>.snap in this form.
func SnapshotJSON(tool mcp.Tool) ([]byte, error) {
	raw, err := json.Marshal(tool)
	if err != nil {
		return nil, err
	}
	return indent(raw)
}

// NormalizeSnapshot re-indents a tool's JSON as received over the wire, so
// it compares byte for byte with SnapshotJSON.
func NormalizeSnapshot(raw []byte) ([]byte, error) {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return indent(b)
}

func indent(raw []byte) ([]byte, error) {
	// Round-trip through any so object keys are sorted: the snapshot must not
	// depend on the order a transport happens to write keys in.
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
