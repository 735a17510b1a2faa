package httpbody

import (
	"bytes"
	"compress/gzip"
	"io"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/zstd"
)

// FuzzDecode: any body under any Content-Encoding decodes or fails with an
// error, never a panic, and the release func is safe to call; identity
// bodies come back byte for byte.
func FuzzDecode(f *testing.F) {
	text := []byte("<html><body><p>Hello, decoded world.</p></body></html>")
	var gz, br, zs bytes.Buffer
	gw := gzip.NewWriter(&gz)
	_, _ = gw.Write(text)
	_ = gw.Close()
	bw := brotli.NewWriter(&br)
	_, _ = bw.Write(text)
	_ = bw.Close()
	zw, _ := zstd.NewWriter(&zs)
	_, _ = zw.Write(text)
	_ = zw.Close()
	for _, s := range []struct {
		body []byte
		enc  string
	}{
		{text, ""}, {text, "identity"}, {gz.Bytes(), "gzip"}, {gz.Bytes(), "x-gzip"}, {br.Bytes(), "br"},
		{zs.Bytes(), "zstd"}, {gz.Bytes(), "identity, gzip"}, {gz.Bytes(), "gzip, gzip"}, {[]byte{0x78, 0x9c, 0x03, 0x00}, "deflate"},
		{text, "compress"}, {gz.Bytes()[:10], "gzip"}, {br.Bytes(), "br, br, br, br, br, br, br, br, br"},
	} {
		f.Add(s.body, s.enc)
	}
	f.Fuzz(func(t *testing.T, body []byte, enc string) {
		r, done, err := Decode(bytes.NewReader(body), enc)
		if err != nil {
			if r != nil || done != nil {
				t.Fatalf("Decode(%q) failed (%v) but returned a reader", enc, err)
			}
			return
		}
		out, _ := io.ReadAll(io.LimitReader(r, 1<<20))
		done()
		if (enc == "" || enc == "identity") && !bytes.Equal(out, body) {
			t.Fatalf("identity body changed: %q -> %q", body, out)
		}
	})
}
