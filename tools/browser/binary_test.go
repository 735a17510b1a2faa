package browser

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

func writeExe(t *testing.T, path, body string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestResolveWrapper(t *testing.T) {
	dir := t.TempDir()
	target := writeExe(t, filepath.Join(dir, "real-shell"), "\x7fELF not really")
	plain := writeExe(t, filepath.Join(dir, "plain"), "\x7fELF")
	noexec := filepath.Join(dir, "noexec")
	if err := os.WriteFile(noexec, []byte("\x7fELF"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, script, want string // want "" = the script itself
	}{
		{"debian wrapper", "#!/bin/sh -e\n\n" + target + " \"$@\"\n", target},
		{"exec wrapper", "#!/bin/sh\n# comment\nset -e\nexec " + target + " \"${@}\"\n", target},
		{"sets flags first", "#!/bin/sh\n" + target + " --no-sandbox \"$@\"\n", ""},
		{"two commands", "#!/bin/sh\nexport X=1\n" + target + " \"$@\"\n", ""},
		{"unquoted args", "#!/bin/sh\n" + target + " $@\n", ""},
		{"relative target", "#!/bin/sh\nreal-shell \"$@\"\n", ""},
		{"target not executable", "#!/bin/sh\n" + noexec + " \"$@\"\n", ""},
		{"target missing", "#!/bin/sh\n" + filepath.Join(dir, "gone") + " \"$@\"\n", ""},
		{"empty script", "#!/bin/sh\n", ""},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeExe(t, filepath.Join(dir, "wrapper"+strconv.Itoa(i)), tt.script)
			want := tt.want
			if want == "" {
				want = p
			}
			if got := resolveWrapper(p); got != want {
				t.Errorf("resolveWrapper = %q, want %q", got, want)
			}
		})
	}
	if got := resolveWrapper(plain); got != plain {
		t.Errorf("a binary resolved to %q", got)
	}
	if got := resolveWrapper(filepath.Join(dir, "missing")); got != filepath.Join(dir, "missing") {
		t.Errorf("a missing path resolved to %q", got)
	}
}

// LookBinary prefers the headless shell over Chromium, and runs the
// binary behind the shell's wrapper script.
func TestLookBinaryPrefersHeadlessShell(t *testing.T) {
	dir := t.TempDir()
	real := writeExe(t, filepath.Join(dir, "lib-chromium-headless-shell"), "\x7fELF")
	writeExe(t, filepath.Join(dir, "chromium"), "\x7fELF")
	writeExe(t, filepath.Join(dir, "chromium-headless-shell"), "#!/bin/sh -e\n\n"+real+" \"$@\"\n")
	t.Setenv("PATH", dir)
	if got, ok := LookBinary(); !ok || got != real {
		t.Errorf("LookBinary = %q, %v; want %q", got, ok, real)
	}
	if err := os.Remove(filepath.Join(dir, "chromium-headless-shell")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(headlessShells[len(headlessShells)-1]); err == nil {
		return // the machine's own shell comes next
	}
	if got, ok := LookBinary(); !ok || filepath.Base(got) != "chromium" {
		t.Errorf("without a shell LookBinary = %q, %v; want the chromium on PATH", got, ok)
	}
}

// With Debian's chromium-headless-shell installed (CI installs it), a pool
// with no binary configured runs the shell's binary itself: the process we
// launch, signal and kill is the browser, not the wrapper script.
func TestDefaultBrowserIsHeadlessShell(t *testing.T) {
	const wrapper, binary = "/usr/bin/chromium-headless-shell", "/usr/lib/chromium/chromium-headless-shell"
	if _, err := os.Stat(wrapper); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true and no %s: .ci/run installs chromium-headless-shell", wrapper)
		}
		t.Skip("chromium-headless-shell not installed")
	}
	s := newSite(t, map[string]http.HandlerFunc{"/": html("<!doctype html><title>t</title><p>Shell page.</p>")})
	p := New(Config{MaxTabs: 1, SpareTabs: -1})
	t.Cleanup(func() {
		if err := p.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
		waitNoProcesses(t)
	})
	r, err := p.Render(context.Background(), s.url("/"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != 200 {
		t.Errorf("status %d", r.Status)
	}
	exe, err := os.Readlink("/proc/" + strconv.Itoa(p.BrowserPID()) + "/exe")
	if err != nil {
		t.Fatal(err)
	}
	if exe != binary {
		t.Errorf("the launched process runs %s, want %s", exe, binary)
	}
}
