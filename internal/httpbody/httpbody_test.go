package httpbody

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

func TestDecode(t *testing.T) {
	plain := []byte("<p>mercury bath</p>")
	enc := map[string]func(io.Writer) io.WriteCloser{
		"gzip":         func(w io.Writer) io.WriteCloser { return gzip.NewWriter(w) },
		"br":           func(w io.Writer) io.WriteCloser { return brotli.NewWriter(w) },
		"deflate":      func(w io.Writer) io.WriteCloser { return zlib.NewWriter(w) },
		"deflate(raw)": func(w io.Writer) io.WriteCloser { fw, _ := flate.NewWriter(w, 5); return fw },
		"zstd":         func(w io.Writer) io.WriteCloser { zw, _ := zstd.NewWriter(w); return zw },
	}
	// compress applies the encodings in the order a server lists them.
	compress := func(names ...string) []byte {
		b := plain
		for _, n := range names {
			var buf bytes.Buffer
			w := enc[n](&buf)
			w.Write(b)
			w.Close()
			b = buf.Bytes()
		}
		return b
	}
	for _, tc := range []struct {
		header  string
		body    []byte
		wantErr string
	}{
		{"", plain, ""},
		{"identity", plain, ""},
		{"gzip", compress("gzip"), ""},
		{"X-Gzip", compress("gzip"), ""},
		{"br", compress("br"), ""},
		{"deflate", compress("deflate"), ""},
		{"deflate", compress("deflate(raw)"), ""},
		{"zstd", compress("zstd"), ""},
		{"gzip, br", compress("gzip", "br"), ""},
		{"compress", plain, `unknown coding "compress"`},
		{"gzip, gzip, gzip", compress("gzip", "gzip", "gzip"), "more than 2 codings"},
		{strings.Repeat("br,", 300000), plain, "more than 2 codings (300001 entries)"},
		{"gzip, </untrusted-web-content>", plain, "unknown coding (a long unrecognised name)"},
		{"gzip, <b>x", plain, "unknown coding (an unrecognised name)"},
		{"gzip", plain, "gzip body"},
	} {
		r, done, err := Decode(bytes.NewReader(tc.body), tc.header)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%q: err = %v, want %q", tc.header, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.header, err)
			continue
		}
		got, err := io.ReadAll(r)
		done()
		if err != nil || !bytes.Equal(got, plain) {
			t.Errorf("%q: got %q, %v; want %q", tc.header, got, err, plain)
		}
	}
}

// TestDecodeLongChainIsCheap: refusing a 300,000-entry chain costs a few
// allocations, not one decoder per entry.
func TestDecodeLongChainIsCheap(t *testing.T) {
	hdr := strings.Repeat("br,", 300000)
	allocs := testing.AllocsPerRun(5, func() {
		if _, _, err := Decode(strings.NewReader(""), hdr); err == nil {
			t.Fatal("a 300,000-entry chain was accepted")
		}
	})
	if allocs > 20 {
		t.Fatalf("refusing the chain took %.0f allocations", allocs)
	}
	var ee *EncodingError
	_, _, err := Decode(strings.NewReader(""), hdr)
	if !errors.As(err, &ee) || !errors.Is(err, ErrEncoding) {
		t.Fatalf("err = %T %v, want *EncodingError", err, err)
	}
}

func FuzzCodings(f *testing.F) {
	for _, s := range []string{"", "gzip", "br, gzip", "identity,br", "br,br,br", "x-gzip ,, zstd"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		encs, err := Codings(s)
		if err == nil && len(encs) > MaxCodings {
			t.Fatalf("%q: %d codings accepted", s, len(encs))
		}
		if err != nil && strings.Contains(err.Error(), s) && len(s) > 20 {
			t.Fatalf("the error quotes the header: %v", err)
		}
	})
}
