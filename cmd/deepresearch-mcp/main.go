// Command deepresearch-mcp is an MCP server for research on the live web:
// web_search, browse_page and deep_research, over stdio (default) or
// Streamable HTTP, plus one-shot subcommands for people at a terminal.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/deepresearch-mcp/deepresearch-mcp/server"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/fetch"
)

// version is set at build time: -ldflags "-X main.version=v1.0.0".
var version = ""

// Exit statuses.
const (
	exitOK        = 0
	exitToolError = 1
	exitUsage     = 2
)

func main() {
	// A PDF worker (this binary re-executed to parse one PDF) stops here.
	fetch.PDFWorkerMain()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	var o options
	fs, rows := newFlagSet(&o, stderr)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage // the flag package printed the error and the usage
	}
	// "help", "help search", "version" and "search --help" work as a
	// person at a terminal expects.
	if len(pos) > 0 && pos[0] == "help" {
		pos, o.help = pos[1:], true // "help search" is "search --help"
	}
	if o.help {
		if len(pos) > 0 {
			if _, ok := commandHelp[pos[0]]; ok {
				printCommandUsage(stdout, pos[0])
				return exitOK
			}
		}
		printUsage(stdout, rows)
		return exitOK
	}
	if o.version || (len(pos) == 1 && pos[0] == "version") {
		fmt.Fprintln(stdout, "deepresearch-mcp", versionString())
		return exitOK
	}
	if err := applyEnv(fs, rows, &o, getenv); err != nil {
		fmt.Fprintln(stderr, "deepresearch-mcp:", err)
		return exitUsage
	}
	level, err := parseLevel(o.logLevel)
	if err != nil {
		fmt.Fprintln(stderr, "deepresearch-mcp:", err)
		return exitUsage
	}
	cmd := ""
	if len(pos) > 0 {
		if _, ok := oneShotTools[pos[0]]; !ok {
			fmt.Fprintf(stderr, "deepresearch-mcp: unknown command %q (want search, browse, research, help or version; see --help)\n", pos[0])
			return exitUsage
		}
		cmd = pos[0]
	}
	if err := checkCommand(fs, &o, cmd, pos[min(1, len(pos)):]); err != nil {
		fmt.Fprintln(stderr, "deepresearch-mcp:", err)
		return exitUsage
	}
	if len(pos) > 0 {
		if o.logLevel == "info" {
			level = slog.LevelWarn // a terminal user wants the result, not the server's chatter
		}
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		// After the first signal, a second one kills at once (default action).
		<-ctx.Done()
		stop()
	}()

	srv, err := server.New(o.serverConfig(log, versionString()))
	if err != nil {
		fmt.Fprintln(stderr, "deepresearch-mcp:", err)
		return exitUsage
	}
	defer func() {
		if err := srv.Close(); err != nil {
			log.Warn("shutdown", "err", err)
		}
	}()

	if len(pos) > 0 {
		return oneShot(ctx, srv, &o, pos[0], pos[1:], stdout, stderr)
	}
	if o.httpAddr != "" {
		if err := srv.ListenAndServe(ctx, o.httpAddr, nil); err != nil {
			log.Error("HTTP server stopped", "err", err)
			return exitToolError
		}
		return exitOK
	}
	out := stdout
	if f, ok := stdout.(*os.File); ok && f == os.Stdout {
		// Anything else that writes to fd 1 (a library, a child process)
		// would corrupt the JSON-RPC stream: keep fd 1 for MCP alone.
		out = reserveStdout(log)
	}
	log.Info("serving MCP over stdio", "version", versionString())
	if err := srv.ServeStdio(ctx, stdin, out); err != nil && !errors.Is(err, context.Canceled) {
		log.Error("stdio server stopped", "err", err)
		return exitToolError
	}
	return exitOK
}

// parseInterspersed parses flags that may come before or after positional
// arguments ("search --json golang"); "--" ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
