package main

import (
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures/miniweb"
)

func TestSearchStats(t *testing.T) {
	site := miniweb.New([]miniweb.Page{
		{Title: "Wyke Hollow", Sentences: []string{"Wyke Hollow is a hamlet in the Marlow district of Wexland."}},
		{Title: "Marlow, Wexland", Sentences: []string{"Marlow is a market town in Wexland with a population of 21,806."}},
		{Title: "Tidewater (film)", Sentences: []string{"Tidewater is a 1984 mystery film directed by Oona Farrell."}},
	})
	gold := func(a, b string) [][]any { return [][]any{{a, 0.0}, {b, 0.0}} }
	tests := []struct {
		name string
		qs   []question
		want []float64
	}{
		{"both found", []question{{Question: "Wyke Hollow Marlow Wexland", SupportingFacts: gold("Wyke Hollow", "Marlow, Wexland")}}, []float64{1, 1, 1}},
		{"one missing", []question{{Question: "Wyke Hollow hamlet", SupportingFacts: gold("Wyke Hollow", "Nowhere")}}, []float64{0, 0, 0}},
		{"half", []question{
			{Question: "Tidewater Oona Farrell film", SupportingFacts: gold("Tidewater (film)", "Tidewater (film)")},
			{Question: "Marlow town", SupportingFacts: gold("Marlow, Wexland", "Missing page")},
		}, []float64{0.5, 0.5, 0.5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := searchStats(site, tt.qs)
			for k := range tt.want {
				if got[k] != tt.want[k] {
					t.Errorf("top %d = %.3f, want %.3f", searchLimits[k], got[k], tt.want[k])
				}
			}
		})
	}
}
