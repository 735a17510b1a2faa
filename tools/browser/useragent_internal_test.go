package browser

import (
	"testing"

	"github.com/go-rod/rod/lib/proto"

	"github.com/deepresearch-mcp/deepresearch-mcp/internal/useragent"
)

// TestUserAgentHintsMatch: the client hints claim the version the UA string
// does, whether the UA is the browser's own or the configured one.
func TestUserAgentHintsMatch(t *testing.T) {
	ver := &proto.BrowserGetVersionResult{
		Product:   "HeadlessChrome/150.0.7000.1",
		UserAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/150.0.7000.1 Safari/537.36",
	}
	tests := []struct {
		configured, wantUA, wantMajor, wantFull string
	}{
		{"", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.7000.1 Safari/537.36", "150", "150.0.7000.1"},
		{useragent.Chrome, useragent.Chrome, useragent.ChromeMajor, useragent.ChromeMajor + ".0.0.0"},
		{"TestAgent/1.0", "TestAgent/1.0", "", ""},
	}
	for _, tt := range tests {
		ua, meta := userAgent(tt.configured, ver)
		if ua != tt.wantUA {
			t.Errorf("configured %q: UA %q, want %q", tt.configured, ua, tt.wantUA)
		}
		if tt.wantMajor == "" {
			if meta != nil {
				t.Errorf("configured %q: Chrome client hints for an agent that is not Chrome", tt.configured)
			}
			continue
		}
		if meta == nil || meta.Brands[0].Version != tt.wantMajor || meta.FullVersionList[0].Version != tt.wantFull {
			t.Errorf("configured %q: hints %+v, want Chromium %s / %s", tt.configured, meta, tt.wantMajor, tt.wantFull)
		}
	}
}
