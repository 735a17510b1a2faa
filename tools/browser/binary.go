package browser

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/go-rod/rod/lib/launcher"
	"github.com/go-rod/rod/lib/utils"
)

// headlessShells are the names of Chromium's headless shell, first on
// PATH, then where Debian's package keeps the binary. The shell is
// Chromium without the desktop browser around it (no windows, no
// omnibox, no profile UI): a new incognito context is only a context, so
// a render costs about half the CPU of a headless Chrome's (which builds
// a browser window for each context). Playwright runs it for headless
// by default too.
var headlessShells = []string{
	"chromium-headless-shell",                   // Debian's package (a wrapper script)
	"chrome-headless-shell",                     // Chrome for Testing
	"/usr/lib/chromium/chromium-headless-shell", // Debian's binary, when /usr/bin is not on PATH
}

// LookBinary is the browser binary a pool launches when Config.Bin is
// empty, without rod's download: the headless shell when installed, else
// the system's Chromium or Chrome. ok is false when neither is found.
func LookBinary() (path string, ok bool) {
	for _, name := range headlessShells {
		if p, err := exec.LookPath(name); err == nil {
			return resolveWrapper(p), true
		}
	}
	if p, ok := launcher.LookPath(); ok {
		return resolveWrapper(p), true
	}
	return "", false
}

// findBin picks the browser binary: the configured one, else LookBinary's,
// else (only when none exists) rod's managed download.
func findBin(ctx context.Context, configured string) (string, error) {
	if configured != "" {
		p, err := exec.LookPath(configured)
		if err != nil {
			return "", fmt.Errorf("%w: browser binary %q: %w", ErrNoBrowser, configured, err)
		}
		return resolveWrapper(p), nil
	}
	if p, ok := LookBinary(); ok {
		return p, nil
	}
	b := launcher.NewBrowser()
	b.Context = ctx
	b.Logger = utils.LoggerQuiet
	p, err := b.Get()
	if err != nil {
		return "", fmt.Errorf("%w (download of rod's managed Chromium failed: %w)", ErrNoBrowser, err)
	}
	return p, nil
}

// isHeadlessShell says bin is a headless shell (it is headless without
// being told, and has no new-headless mode to ask for).
func isHeadlessShell(bin string) bool {
	base := filepath.Base(bin)
	return strings.Contains(base, "headless-shell") || strings.Contains(base, "headless_shell")
}

// resolveWrapper returns the program a pass-through wrapper script runs,
// else path itself. Debian's /usr/bin/chromium-headless-shell is such a
// script ("/usr/lib/chromium/chromium-headless-shell "$@"", no exec): the
// shell it starts would be a child of the process we launch and signal,
// so a kill (crash recovery, shutdown, the heap cap's OOM) would stop the
// script, not the browser. Only a script whose one command is the program
// with all arguments passed on is resolved: one that sets flags or the
// environment first is run as it is.
func resolveWrapper(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return path
	}
	defer func() { _ = f.Close() }()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if !bytes.HasPrefix(head, []byte("#!")) || n == cap(head) {
		return path // a binary, or a script too long to be a plain wrapper
	}
	var cmd []string
	for _, line := range strings.Split(string(head), "\n")[1:] {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") || line == "set -e" {
			continue
		}
		if cmd != nil {
			return path // more than one command
		}
		cmd = strings.Fields(line)
	}
	if len(cmd) > 0 && cmd[0] == "exec" {
		cmd = cmd[1:]
	}
	if len(cmd) != 2 || !filepath.IsAbs(cmd[0]) || (cmd[1] != `"$@"` && cmd[1] != `"${@}"`) {
		return path
	}
	target := cmd[0]
	st, err := os.Stat(target)
	if err != nil || !st.Mode().IsRegular() || st.Mode().Perm()&0o111 == 0 {
		return path
	}
	return target
}
