package search

import (
	"errors"
	"strings"
	"testing"
	"time"
)

var parseNow = time.Date(2026, 4, 14, 12, 0, 0, 0, time.UTC)

func TestParseJSONFixtures(t *testing.T) {
	tests := []struct {
		name  string
		parse func([]byte, time.Time) ([]Result, error)
		file  string
		want  []Result // Title and Snippet compared after cleanText
	}{
		{
			name: "searxng", parse: parseSearXNG, file: "searxng.json",
			want: []Result{
				{Title: "Fixture Article & Notes", URL: "http://fixture.invalid/pages/article?utm_source=searxng",
					Snippet: "Fixture results for FIXTURE_QUERY: an article about search & reading.", Published: "2025-03-14"},
				{Title: "Introduction - Guide - Example Docs", URL: "https://docs.example.org/guide/intro",
					Snippet: "The guide starts with installation, then covers configuration."},
				{Title: "A Blog Post on the Topic", URL: "https://blog.example.com/2025/01/post?id=7",
					Snippet: "A post that discusses the topic at length."},
				{Title: "Research Paper on Search", URL: "https://www.example.net/research/paper.pdf", Published: "2024-11-02"},
				{Title: "A Long Read", URL: "http://fixture.invalid/pages/long#part-2", Snippet: "A long page, for reading in several parts."},
			},
		},
		{
			name: "brave", parse: parseBrave, file: "brave.json",
			want: []Result{
				{Title: "Fixture Article & Notes", URL: "http://fixture.invalid/pages/article",
					Snippet: "Fixture results for FIXTURE_QUERY: an article about search & reading.", Published: "2025-03-14"},
				{Title: "Introduction - Guide - Example Docs", URL: "https://docs.example.org/guide/intro?utm_source=brave&utm_medium=search",
					Snippet: "The guide starts with installation, then covers configuration.", Published: "2026-04-12"},
				{Title: "News Story - Example News", URL: "https://news.example.com/world/story",
					Snippet: "A news story from a subdomain of example.com."},
			},
		},
		{
			name: "serper", parse: parseSerper, file: "serper.json",
			want: []Result{
				{Title: "Fixture Article & Notes", URL: "http://fixture.invalid/pages/article?gclid=Cj0KCQiA",
					Snippet: "Fixture results for FIXTURE_QUERY: an article about search & reading.", Published: "2025-03-14"},
				{Title: "Introduction - Guide - Example Docs", URL: "https://docs.example.org/guide/intro",
					Snippet: "The guide starts with installation, then covers configuration."},
				{Title: "A Blog Post on the Topic", URL: "https://blog.example.com/2025/01/post?id=7",
					Snippet: "A post that discusses the topic at length.", Published: "2026-04-11"},
				{Title: "A Long Read", URL: "http://fixture.invalid/pages/long", Snippet: "A long page, for reading in several parts."},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.parse(readFixture(t, tt.file), parseNow)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d results, want %d: %+v", len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				g := got[i]
				g.Title, g.Snippet = cleanText(g.Title), cleanText(g.Snippet)
				if g != w {
					t.Errorf("result %d:\n got %+v\nwant %+v", i+1, g, w)
				}
			}
		})
	}
}

func TestParseJSONTolerance(t *testing.T) {
	tests := []struct {
		name    string
		parse   func([]byte, time.Time) ([]Result, error)
		body    string
		wantN   int
		wantErr error
	}{
		{"searxng no results field", parseSearXNG, `{"query":"x"}`, 0, nil},
		{"searxng odd publishedDate and extras", parseSearXNG,
			`{"results":[{"url":"https://a.example/","title":"A","publishedDate":12345,"new_field":{"x":[1]}},{"url":"https://b.example/","publishedDate":null}]}`, 2, nil},
		{"searxng truncated", parseSearXNG, `{"results":[{"url":"https://a.exa`, 0, ErrMalformed},
		{"searxng html instead of json", parseSearXNG, `<!DOCTYPE html><html><body>SearXNG</body></html>`, 0, ErrMalformed},
		{"brave without web", parseBrave, `{"type":"search","query":{"original":"x"}}`, 0, nil},
		{"brave wrong type", parseBrave, `{"web":{"results":"nope"}}`, 0, ErrMalformed},
		{"serper no organic", parseSerper, `{"searchParameters":{"q":"x"}}`, 0, nil},
		{"serper truncated", parseSerper, `{"organic":[{"title":`, 0, ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.parse([]byte(tt.body), parseNow)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.wantN {
				t.Fatalf("got %d results, want %d", len(got), tt.wantN)
			}
		})
	}
}

func TestMalformedJSONSaysWhat(t *testing.T) {
	_, err := parseSearXNG([]byte(`<html><body>login</body></html>`), parseNow)
	var pe *ProviderError
	if !errors.As(err, &pe) || pe.Provider != "searxng" || !strings.Contains(pe.Error(), "HTML instead of JSON") {
		t.Fatalf("err = %v; want a searxng ProviderError saying it got HTML", err)
	}
}
