package research

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
)

// Params are every tuning weight and threshold of the research engine, in
// one place. Each field says what it trades. DefaultParams holds the values
// the engine ships with; cmd/researchbench -params file.json overrides any
// of them (a JSON object of field names), so tuning needs no code edit.
type Params struct {
}

// DefaultParams returns the shipped tuning.
func DefaultParams() Params {
	return Params{}
}

// LoadParams reads a JSON object of Params fields from path over the
// defaults; unknown fields are an error (a typo must not pass silently).
func LoadParams(path string) (*Params, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read research params: %w", err)
	}
	p := DefaultParams()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return nil, fmt.Errorf("parse research params %s: %w", path, err)
	}
	return &p, nil
}

// WithParams replaces the engine's tuning; it returns e.
func (e *Engine) WithParams(p Params) *Engine {
	e.params = p
	return e
}
