package research

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadParamsOverridesDefaults(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "p.json")
	if err := os.WriteFile(good, []byte(`{"FirstWave": 5, "KeepRatio": 0.3}`), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := LoadParams(good)
	if err != nil {
		t.Fatal(err)
	}
	d := DefaultParams()
	if p.FirstWave != 5 || p.KeepRatio != 0.3 {
		t.Errorf("overrides not applied: FirstWave %d KeepRatio %v", p.FirstWave, p.KeepRatio)
	}
	if p.MaxFollowUps != d.MaxFollowUps || p.QuoteMaxChars != d.QuoteMaxChars {
		t.Errorf("fields not in the file lost their defaults: %+v", p)
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"FirstWav": 5}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadParams(bad); err == nil || !strings.Contains(err.Error(), "FirstWav") {
		t.Errorf("a misspelt field must be an error naming it, got %v", err)
	}
}

func TestQuoteLimitTiers(t *testing.T) {
	p := DefaultParams()
	for _, tt := range []struct{ rank, want int }{{0, p.QuoteMaxChars}, {1, p.QuoteMaxChars}, {2, 500}, {5, 360}, {9, 220}} {
		if got := p.quoteLimit(tt.rank); got != tt.want {
			t.Errorf("quoteLimit(%d) = %d, want %d", tt.rank, got, tt.want)
		}
	}
}
