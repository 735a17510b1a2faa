package server

import (
	"context"
	"errors"
	"io"
	"log"
	"log/slog"
	"time"

	mcpserver "github.com/mark3labs/mcp-go/server"
)

// stdioWorkers is how many tool calls run at once over stdio. mcp-go's
// default of 5 lets a few long deep_research calls starve quick ones; 16
// still let renders waiting for a tab hold every worker while searches and
// HTTP reads queued behind them (p50 3.3 s against 0.3 s over HTTP in
// BenchmarkLoadStdio at 64 concurrent calls). A worker is only a goroutine:
// the engines bound the real resources (tabs, connections), as over HTTP.
// 100 is the most mcp-go accepts.
const stdioWorkers = 100

// ServeStdio serves MCP on in/out until in reaches EOF or ctx is cancelled
// (SIGINT/SIGTERM in the binary). In-flight calls are cancelled when it
// returns. Only MCP messages are written to out.
//
// mcp-go keeps the stdio session in a package variable: serve stdio once per
// process.
func (s *Server) ServeStdio(ctx context.Context, in io.Reader, out io.Writer) error {
	stdio := mcpserver.NewStdioServer(s.MCP)
	stdio.SetErrorLogger(log.New(slogWriter{s.log}, "", 0))
	mcpserver.WithWorkerPoolSize(stdioWorkers)(stdio)
	mcpserver.WithQueueSize(1000)(stdio)

	// mcp-go reads the relay's copy of the client's messages and writes
	// through it (see stdioRelay).
	pr, pw := io.Pipe()
	relay := newStdioRelay(pw, out)
	go relay.pumpIn(in, func(err error) { pw.CloseWithError(err) })
	done := make(chan error, 1)
	go func() {
		err := stdio.Listen(ctx, pr, mcpOut{relay})
		pr.Close() // the pump stops at its next line
		done <- err
	}()
	select {
	case err := <-done:
		if errors.Is(err, context.Canceled) {
			return nil
		}
		return err
	case <-ctx.Done():
		// Listen cancels in-flight calls and waits for them; an engine that
		// ignores cancellation must not keep the process alive.
		select {
		case <-done:
		case <-time.After(shutdownGrace):
			s.log.Warn("tool calls still running at shutdown; exiting anyway")
		}
		return nil
	}
}

// slogWriter turns mcp-go's log.Logger output into slog records on stderr.
type slogWriter struct{ log *slog.Logger }

func (w slogWriter) Write(p []byte) (int, error) {
	msg := string(p)
	for len(msg) > 0 && msg[len(msg)-1] == '\n' {
		msg = msg[:len(msg)-1]
	}
	w.log.Warn(msg, "component", "mcp-stdio")
	return len(p), nil
}
