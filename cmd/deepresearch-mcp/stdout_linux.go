package main

import (
	"io"
	"log/slog"
	"os"

	"golang.org/x/sys/unix"
)

// reserveStdout moves the MCP stream to a private duplicate of fd 1 and
// points fd 1 at stderr, so stray writes to stdout (by a library, or by a
// child process that inherits it) end up in the log instead of in the
// JSON-RPC stream.
func reserveStdout(log *slog.Logger) io.Writer {
	fd, err := unix.Dup(int(os.Stdout.Fd()))
	if err != nil {
		log.Warn("cannot reserve stdout for MCP", "err", err)
		return os.Stdout
	}
	unix.CloseOnExec(fd)
	if err := unix.Dup3(int(os.Stderr.Fd()), int(os.Stdout.Fd()), 0); err != nil {
		unix.Close(fd)
		log.Warn("cannot reserve stdout for MCP", "err", err)
		return os.Stdout
	}
	return os.NewFile(uintptr(fd), "mcp-stdout")
}
