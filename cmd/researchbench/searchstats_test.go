package main

import (
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures/miniweb"
)

func TestSearchStats(t *testing.T) {
	site := miniweb.New([]miniweb.Page{
		{Title: "Kirton End", Sentences: []string{"Kirton End is a hamlet in the Boston district of Lincolnshire."}},
		{Title: "Boston, Lincolnshire", Sentences: []string{"Boston is a market town in Lincolnshire with a population of 35,124."}},
		{Title: "Alien (film)", Sentences: []string{"Alien is a 1979 science-fiction horror film directed by Ridley Scott."}},
	})
	gold := func(a, b string) [][]any { return [][]any{{a, 0.0}, {b, 0.0}} }
	tests := []struct {
		name string
		qs   []question
		want []float64
	}{
		{"both found", []question{{Question: "Kirton End Boston Lincolnshire", SupportingFacts: gold("Kirton End", "Boston, Lincolnshire")}}, []float64{1, 1, 1}},
		{"one missing", []question{{Question: "Kirton End hamlet", SupportingFacts: gold("Kirton End", "Nowhere")}}, []float64{0, 0, 0}},
		{"half", []question{
			{Question: "Alien Ridley Scott film", SupportingFacts: gold("Alien (film)", "Alien (film)")},
			{Question: "Boston town", SupportingFacts: gold("Boston, Lincolnshire", "Missing page")},
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
