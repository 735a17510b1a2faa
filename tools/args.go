package tools

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/mark3labs/mcp-go/mcp"
)

// bind decodes the call's arguments into dst, rejecting unknown names, and
// words every failure so a model can fix its call. mcp-go's own binding
// errors ("json: cannot unmarshal string into Go struct field ...") are not
// written for that reader.
func bind(req mcp.CallToolRequest, dst any) error {
	raw, err := rawArguments(req)
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(raw)) == 0 || string(bytes.TrimSpace(raw)) == "null" {
		raw = []byte("{}")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return explainDecodeError(err, dst)
	}
	if a, ok := dst.(interface{ setGiven(map[string]bool) }); ok {
		var fields map[string]json.RawMessage
		_ = json.Unmarshal(raw, &fields)
		given := map[string]bool{}
		for k, v := range fields {
			if string(bytes.TrimSpace(v)) != "null" {
				given[k] = true
			}
		}
		a.setGiven(given)
	}
	return nil
}

// argsGiven, embedded in an arguments struct, records which arguments the
// call named, so that an explicit 0 is told apart from a missing value.
type argsGiven struct{ given map[string]bool }

func (a *argsGiven) setGiven(g map[string]bool) { a.given = g }

// has reports whether the call named the argument; for arguments built in
// Go rather than bound from a call, a value other than zero counts.
func (a *argsGiven) has(name string, v int) bool { return a.given[name] || v != 0 }

func rawArguments(req mcp.CallToolRequest) ([]byte, error) {
	if len(req.Params.RawArguments) > 0 {
		return req.Params.RawArguments, nil
	}
	switch a := req.Params.Arguments.(type) {
	case nil:
		return nil, nil
	case json.RawMessage:
		return a, nil
	default:
		b, err := json.Marshal(a)
		if err != nil {
			return nil, fmt.Errorf("the arguments could not be read as JSON: %w", err)
		}
		return b, nil
	}
}

func explainDecodeError(err error, dst any) error {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &typeErr):
		if typeErr.Field == "" {
			return fmt.Errorf("the arguments must be a JSON object with the fields %s", fieldList(dst))
		}
		return fmt.Errorf("argument %q must be %s, not a JSON %s", typeErr.Field, describeKind(typeErr.Type), typeErr.Value)
	case errors.As(err, &syntaxErr):
		return fmt.Errorf("the arguments are not valid JSON: %w", err)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.TrimPrefix(err.Error(), "json: unknown field ")
		return fmt.Errorf("unknown argument %s; the arguments are %s", name, fieldList(dst))
	default:
		return fmt.Errorf("the arguments could not be read: %w", err)
	}
}

func describeKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "a whole number"
	case reflect.Float64, reflect.Float32:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "an array of " + strings.TrimPrefix(describeKind(t.Elem()), "a ") + "s"
	default:
		return "a " + t.String()
	}
}

// fieldList names the JSON fields of the struct dst points to.
func fieldList(dst any) string {
	t := reflect.TypeOf(dst)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var names []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			names = append(names, name)
		}
	}
	return strings.Join(names, ", ")
}

// checkRange validates an optional integer argument: one that was not given
// gets the default; one that was, 0 included, must be within [lo, hi] — the
// bounds the schema declares.
func checkRange(name string, v *int, given bool, lo, hi, def int) error {
	if !given {
		*v = def
		return nil
	}
	if *v < lo || *v > hi {
		return fmt.Errorf("%s must be between %d and %d (got %d); leave it out for the default %d", name, lo, hi, *v, def)
	}
	return nil
}

// checkLength refuses a text argument longer than most characters, saying
// how long it was and what to do instead.
func checkLength(name, v string, most int, instead string) error {
	if n := utf8.RuneCountInString(v); n > most {
		return fmt.Errorf("%s is %d characters long; at most %d are accepted: %s", name, n, most, instead)
	}
	return nil
}

// queryInstead is what a refusal of a too long search query says to do.
const queryInstead = "a search query is a few words, as typed into a search box"

// cleanList trims entries and drops empty ones.
func cleanList(in []string) []string {
	var out []string
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
