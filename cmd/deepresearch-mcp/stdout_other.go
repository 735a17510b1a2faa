//go:build !linux

package main

import (
	"io"
	"log/slog"
	"os"
)

// reserveStdout keeps stdout as is on systems without dup3.
func reserveStdout(*slog.Logger) io.Writer { return os.Stdout }
