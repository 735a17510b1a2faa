// Package httpbody undoes HTTP Content-Encoding for clients that ask for
// compressed answers themselves (Go's transport then leaves decoding to
// them): the page fetcher and the search providers.
package httpbody

import (
	"bufio"
	"compress/flate"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// MaxCodings is the most content codings a response may stack. Browsers
// decode one or two (a CDN that gzips an already compressed body); a longer
// chain is an attack: each coding costs a decoder with its own window, so
// "br,br,br,…" in a 1 MB header would allocate gigabytes before one body
// byte is read.
const MaxCodings = 2

// ErrEncoding is wrapped by every *EncodingError.
var ErrEncoding = errors.New("unusable content encoding")

// EncodingError is a Content-Encoding header we refuse to decode. Its
// message never quotes the header: the value is the server's, and only a
// safe summary of it (a count, a known coding's name) reaches the model.
type EncodingError struct {
	Reason string
}

func (e *EncodingError) Error() string {
	return "Content-Encoding " + e.Reason
}

func (e *EncodingError) Unwrap() error { return ErrEncoding }

// Decode undoes contentEncoding (a Content-Encoding value: gzip, deflate,
// br, zstd, or a list of at most MaxCodings of them) on body. Encodings
// apply in the order listed, so they are undone last to first. The caller
// must call the returned func when done, and must limit what it reads: a
// small compressed body can expand enormously. A header Decode refuses is
// an *EncodingError.
func Decode(body io.Reader, contentEncoding string) (io.Reader, func(), error) {
	encs, err := Codings(contentEncoding)
	if err != nil {
		return nil, nil, err
	}
	closers := []func(){}
	closeAll := func() {
		for i := len(closers) - 1; i >= 0; i-- {
			closers[i]()
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
		}
	}
	return r, closeAll, nil
}

// Codings parses a Content-Encoding value into its codings (lower case,
// identity dropped), refusing more than MaxCodings and any coding Decode
// does not know. It looks at no more of the value than it needs: a
// megabyte-long list is refused after its third entry.
func Codings(contentEncoding string) ([]string, error) {
	var encs []string
	rest := contentEncoding
	for rest != "" {
		var e string
		e, rest, _ = strings.Cut(rest, ",")
		e = strings.ToLower(strings.TrimSpace(e))
		if e == "" || e == "identity" {
			continue
		}
		if len(encs) == MaxCodings {
			return nil, &EncodingError{Reason: fmt.Sprintf("lists more than %d codings (%d entries); browsers decode at most %d, so the server is broken or hostile", MaxCodings, strings.Count(contentEncoding, ",")+1, MaxCodings)}
		}
		switch e {
		case "gzip", "x-gzip", "deflate", "br", "zstd":
		default:
			return nil, &EncodingError{Reason: fmt.Sprintf("names the unknown coding %s; only gzip, deflate, br and zstd are decoded", safeToken(e))}
		}
		encs = append(encs, e)
	}
	return encs, nil
}

// safeToken reduces a server-sent token to something safe to show a model:
// short HTTP token characters only, else a neutral description.
func safeToken(s string) string {
	if len(s) > 16 {
		return "(a long unrecognised name)"
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return "(an unrecognised name)"
		}
	}
	return `"` + s + `"`
}
