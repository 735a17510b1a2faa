package tools

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEToolList fails when the README's tool reference no longer matches
// the code; `go generate ./tools` (or `go test ./tools -update`) rewrites it.
func TestREADMEToolList(t *testing.T) {
	const path = "../README.md"
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	i, j := strings.Index(readme, ReadmeBegin), strings.Index(readme, ReadmeEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the markers %q … %q", ReadmeBegin, ReadmeEnd)
	}
	want := ReadmeBegin + "\n\n" + ReadmeToolList() + "\n" + ReadmeEnd
	if got := readme[i : j+len(ReadmeEnd)]; got != want {
		if *update {
			if err := os.WriteFile(path, []byte(readme[:i]+want+readme[j+len(ReadmeEnd):]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("README.md tool reference is stale: run `go generate ./tools`")
	}
}
