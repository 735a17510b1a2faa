package extract

import (
	"strings"
	"testing"
)

func TestKeepBlocks(t *testing.T) {
	md := "# Kettle\n\nQuick view\n\nCapacity 1.7 l\n\nQuick view"
	tests := []struct {
		name string
		keep func(string) bool
		want string
	}{
		{"all kept", func(string) bool { return true }, md},
		{"some dropped, order kept", func(b string) bool { return b != "Quick view" }, "# Kettle\n\nCapacity 1.7 l"},
		{"never everything", func(string) bool { return false }, md},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var seen []string
			got := keepBlocks(md, func(b string) bool { seen = append(seen, b); return tc.keep(b) })
			if got != tc.want {
				t.Errorf("keepBlocks = %q, want %q", got, tc.want)
			}
			if strings.Join(seen, "|") != "# Kettle|Quick view|Capacity 1.7 l|Quick view" {
				t.Errorf("keep saw %q, want each block once, in order", seen)
			}
		})
	}
}
