// Package norodflag stops go-rod from registering and parsing its global
// "-rod" command-line flag, which panics on values it does not know and
// clutters programs that have their own flags.
//
// It works by ordering: Go initialises packages whose dependencies are ready
// in import-path order, and this package (github.com/deepresearch-mcp/...)
// sorts before github.com/go-rod/rod/lib/defaults and depends only on os, so
// its init runs before rod reads the environment. Import it for its side
// effect from every package that imports rod.
package norodflag

import "os"

func init() {
	if _, set := os.LookupEnv("DISABLE_ROD_FLAG"); !set {
		_ = os.Setenv("DISABLE_ROD_FLAG", "1")
	}
}
