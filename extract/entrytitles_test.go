package extract

import "testing"

func TestIsEntryTitleAt(t *testing.T) {
	tests := []struct {
		name, md string
		want     bool
	}{
		{"a grid's first card named by a plain link", "[Halden Standing Desk](/p/1)\n\n$449.00\n\nBamboo top, two motors\n\n[Corvo Desk Frame](/p/2)\n\n$499.00", true},
		{"a menu's links follow one another", "[Shop all desks](/c/desks)\n\n[Standing desk frames](/c/frames)\n\n[Office chairs and stools](/c/chairs)\n\nOur desks are built to order.", false},
		{"one linked line above an article", "[Back to all the stories](/news)\n\nThe council voted on Tuesday to close the bridge for a year.\n\nWork starts in May.", false},
		{"a short tab is no entry's name", "[Sale](/sale)\n\n$449.00\n\n[Gifts](/gifts)\n\n$20.00", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isEntryTitleAt(tt.md, markdownBlocks(tt.md), 0); got != tt.want {
				t.Errorf("isEntryTitleAt = %v, want %v", got, tt.want)
			}
		})
	}
}
