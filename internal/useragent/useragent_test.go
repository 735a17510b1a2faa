package useragent

import "testing"

func TestChromeVersion(t *testing.T) {
	tests := map[string]string{
		Chrome: ChromeMajor + ".0.0.0",
		"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.8078.114 Safari/537.36": "156.0.8078.114",
		"curl/8.0":       "",
		"x Chrome/140":   "140",
		"x Chrome/.beta": "",
	}
	for ua, want := range tests {
		if got := ChromeVersion(ua); got != want {
			t.Errorf("ChromeVersion(%q) = %q, want %q", ua, got, want)
		}
	}
}
