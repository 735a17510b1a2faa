package dateparser

import (
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	var p Parser
	cfg := &Configuration{PreferredDateSource: Past, StrictParsing: true}
	for _, tc := range []struct {
		in   string
		want string // "" means no date
	}{
		{"2021-03-04", "2021-03-04"},
		{"March 4, 2021", "2021-03-04"},
		{" 4  March 2021 ", "2021-03-04"},
		{"Thu, 4 Mar 2021", "2021-03-04"},
		{"04.03.2021", "2021-03-04"},
		{"04/03/2021", "2021-03-04"},
		{"2021-03-04T10:00:00Z", "2021-03-04"},
		{"next Tuesday", ""},
		{"March 2021", ""},
		{"", ""},
	} {
		d, err := p.Parse(cfg, tc.in)
		got := ""
		if err == nil {
			got = d.Time.Format(time.DateOnly)
		}
		if got != tc.want {
			t.Errorf("Parse(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	d, err := p.Parse(&Configuration{DateOrder: MDY}, "03/04/2021")
	if err != nil || d.Time.Format(time.DateOnly) != "2021-03-04" {
		t.Errorf("MDY: %v %v", d, err)
	}
}
