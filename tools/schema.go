package tools

import (
	"encoding/json"
	"fmt"

	"github.com/mark3labs/mcp-go/mcp"
)

// prop is what the struct tags cannot say in mcp-go v1: bounds, defaults and
// enums, merged into the generated property schema.
type prop map[string]any

// inputSchema generates the input schema of T (field order kept; a field is
// required unless it has omitempty; the jsonschema tag is the description)
// and merges extra keywords into the named properties. It panics on a
// mistake, which the snapshot test turns into a failure at build time.
func inputSchema[T any](extra map[string]prop) mcp.ToolOption {
	var t mcp.Tool
	mcp.WithInputSchema[T]()(&t)
	if t.RawInputSchema == nil {
		panic(fmt.Sprintf("tools: cannot generate input schema for %T", *new(T)))
	}
	var s mcp.ToolArgumentsSchema
	if err := json.Unmarshal(t.RawInputSchema, &s); err != nil {
		panic(fmt.Sprintf("tools: input schema for %T: %v", *new(T), err))
	}
	for name, kv := range extra {
		p, ok := s.Properties[name].(map[string]any)
		if !ok {
			panic(fmt.Sprintf("tools: input schema for %T has no property %q", *new(T), name))
		}
		for k, v := range kv {
			p[k] = v
		}
	}
	for _, p := range s.Properties {
		arraysNotNull(p)
	}
	raw, err := json.Marshal(s)
	if err != nil {
		panic(fmt.Sprintf("tools: marshal input schema for %T: %v", *new(T), err))
	}
	return func(t *mcp.Tool) {
		t.InputSchema = mcp.ToolInputSchema{} // the raw schema replaces it
		t.RawInputSchema = raw
	}
}

// intRange is a prop for an integer argument with bounds and a default; its
// description is written from the same numbers the handler applies.
func intRange(what string, lo, hi, def int, more string) prop {
	desc := fmt.Sprintf("%s, %d to %d (default %d).", what, lo, hi, def)
	if more != "" {
		desc += " " + more
	}
	return prop{"type": "integer", "minimum": lo, "maximum": hi, "default": def, "description": desc}
}

// outputSchema generates the output schema of T. The tools always return
// lists as [] (never null), so list types are declared as plain arrays.
func outputSchema[T any]() mcp.ToolOption {
	return func(t *mcp.Tool) {
		mcp.WithOutputSchema[T]()(t)
		if t.OutputSchema.Type == "" {
			panic(fmt.Sprintf("tools: cannot generate output schema for %T", *new(T)))
		}
		for _, p := range t.OutputSchema.Properties {
			arraysNotNull(p)
			nullableAsAnyOf(p)
		}
	}
}

// nullableAsAnyOf rewrites a nullable scalar, which jsonschema-go writes as
// type ["null", "integer"], as anyOf [{integer}, {null}]: the same values,
// in the form validators and clients handle most portably (MCP Inspector
// flags type arrays).
func nullableAsAnyOf(node any) {
	m, ok := node.(map[string]any)
	if !ok {
		return
	}
	if types, ok := m["type"].([]any); ok && len(types) == 2 {
		var other any
		for _, t := range types {
			if t != "null" {
				other = t
			}
		}
		if other != nil && other != "array" && other != "object" {
			delete(m, "type")
			m["anyOf"] = []any{map[string]any{"type": other}, map[string]any{"type": "null"}}
		}
	}
	if props, ok := m["properties"].(map[string]any); ok {
		for _, p := range props {
			nullableAsAnyOf(p)
		}
	}
	nullableAsAnyOf(m["items"])
}

func arraysNotNull(node any) {
	m, ok := node.(map[string]any)
	if !ok {
		return
	}
	if types, ok := m["type"].([]any); ok && len(types) == 2 && types[0] == "null" && types[1] == "array" {
		m["type"] = "array"
	}
	if props, ok := m["properties"].(map[string]any); ok {
		for _, p := range props {
			arraysNotNull(p)
		}
	}
	arraysNotNull(m["items"])
}
