package egress

import (
	"errors"
	"fmt"
	"io"
)

// ErrTooLarge is returned (wrapped) by a LimitReader once the body passes its limit.
var ErrTooLarge = errors.New("response too large")

// LimitReader returns a reader that yields at most n bytes of r and then
// fails with ErrTooLarge if r has more. Put it after decompression: a few
// KB of gzip can expand to gigabytes.
func LimitReader(r io.Reader, n int64) io.Reader { return &limitReader{r: r, left: n, limit: n} }

type limitReader struct {
	r     io.Reader
	left  int64
	limit int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left < 0 {
		return 0, l.err()
	}
	// Ask for one byte more than allowed so "exactly n" and "more than n" differ.
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		n += int(l.left)
		return n, l.err()
	}
	return n, err
}

func (l *limitReader) err() error {
	return fmt.Errorf("%w: more than %d bytes (%.1f MB) after decompression", ErrTooLarge, l.limit, float64(l.limit)/(1<<20))
}
