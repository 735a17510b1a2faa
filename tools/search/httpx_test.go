package search

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

func TestReadBodyDecodes(t *testing.T) {
	plain := []byte(`{"results":[]}`)
	var gz, br bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(plain)
	zw.Close()
	bw := brotli.NewWriter(&br)
	bw.Write(plain)
	bw.Close()
	// A body that is small compressed but over maxBody decoded must be refused.
	var bomb bytes.Buffer
	bz := gzip.NewWriter(&bomb)
	bz.Write(bytes.Repeat([]byte{'a'}, maxBody+10))
	bz.Close()

	tests := []struct {
		enc     string
		body    []byte
		want    []byte
		wantErr string
	}{
		{"", plain, plain, ""},
		{"gzip", gz.Bytes(), plain, ""},
		{"br", br.Bytes(), plain, ""},
		{"gzip", bomb.Bytes(), nil, "larger than"},
		{"zstd", plain, nil, "decoding"},
		{"compress", plain, nil, "unknown coding"},
		{"br," + strings.Repeat("x", 100000), plain, nil, "unknown coding"},
		{strings.Repeat("br,", 1000) + "br", plain, nil, "more than"},
	}
	for _, tt := range tests {
		resp := &http.Response{Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(tt.body))}
		if tt.enc != "" {
			resp.Header.Set("Content-Encoding", tt.enc)
		}
		got, err := readBody(resp)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || len(err.Error()) > 300 {
				t.Errorf("%.40s: err = %.400v, want %q in under 300 characters", tt.enc, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !bytes.Equal(got, tt.want) {
			t.Errorf("%s: got %q, %v", tt.enc, got, err)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 4, 14, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		header map[string]string
		want   time.Duration
	}{
		{map[string]string{"Retry-After": "3"}, 3 * time.Second},
		{map[string]string{"Retry-After": now.Add(90 * time.Second).Format(http.TimeFormat)}, 90 * time.Second},
		{map[string]string{"Retry-After": "soon"}, 0},
		{map[string]string{"X-RateLimit-Reset": "1, 1419704"}, time.Second},
		{map[string]string{}, 0},
	}
	for _, tt := range tests {
		h := http.Header{}
		for k, v := range tt.header {
			h.Set(k, v)
		}
		if got := retryAfter(h, now); got != tt.want {
			t.Errorf("%v: got %v, want %v", tt.header, got, tt.want)
		}
	}
}
