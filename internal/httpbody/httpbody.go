// Package httpbody undoes HTTP Content-Encoding for clients that ask for
// compressed answers themselves (Go's transport then leaves decoding to
// them): the page fetcher and the search providers.
package httpbody

import (
	"bufio"
	"compress/flate"
	"compress/zlib"
	"fmt"
	"io"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// Decode undoes contentEncoding (a Content-Encoding value: gzip, deflate,
// br, zstd, or a list of them) on body. Encodings apply in the order
// listed, so they are undone last to first. The caller must call the
// returned func when done, and must limit what it reads: a small
// compressed body can expand enormously.
func Decode(body io.Reader, contentEncoding string) (io.Reader, func(), error) {
	closers := []func(){}
	closeAll := func() {
		for i := len(closers) - 1; i >= 0; i-- {
			closers[i]()
		}
	}
	var encs []string
	for _, e := range strings.Split(contentEncoding, ",") {
		if e = strings.ToLower(strings.TrimSpace(e)); e != "" && e != "identity" {
			encs = append(encs, e)
		}
	}
	r := body
	for i := len(encs) - 1; i >= 0; i-- {
		switch encs[i] {
		case "gzip", "x-gzip":
			zr, err := gzip.NewReader(r)
			if err != nil {
				closeAll()
				return nil, nil, fmt.Errorf("gzip body: %w", err)
			}
			closers = append(closers, func() { zr.Close() })
			r = zr
		case "deflate":
			// "deflate" means zlib by the RFC, raw deflate in some servers: sniff.
			br := bufio.NewReader(r)
			hdr, _ := br.Peek(2)
			if len(hdr) == 2 && hdr[0]&0x0f == 8 && (uint16(hdr[0])<<8|uint16(hdr[1]))%31 == 0 {
				zr, err := zlib.NewReader(br)
				if err != nil {
					closeAll()
					return nil, nil, fmt.Errorf("deflate body: %w", err)
				}
				closers = append(closers, func() { zr.Close() })
				r = zr
			} else {
				fr := flate.NewReader(br)
				closers = append(closers, func() { fr.Close() })
				r = fr
			}
		case "br":
			r = brotli.NewReader(r)
		case "zstd":
			zr, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(64<<20), zstd.WithDecoderLowmem(true))
			if err != nil {
				closeAll()
				return nil, nil, fmt.Errorf("zstd body: %w", err)
			}
			closers = append(closers, zr.Close)
			r = zr
		default:
			closeAll()
			return nil, nil, fmt.Errorf("unknown content encoding %q", encs[i])
		}
	}
	return r, closeAll, nil
}
