package e2e

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools"
)

// rawServer is the binary on raw pipes: every stdout line is kept for inspection.
type rawServer struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	lines  chan []byte
	stderr *bytes.Buffer
	exited chan error
	notes  []string // methods of the notifications seen by collect and drain
}

// drain reads stdout to its end, checking every line is JSON-RPC 2.0.
func (r *rawServer) drain(t *testing.T) {
	t.Helper()
	for line := range r.lines {
		var m rpcMessage
		if err := json.Unmarshal(line, &m); err != nil || m.JSONRPC != "2.0" {
			t.Errorf("stdout carried a line that is not JSON-RPC 2.0: %q", line)
		}
		if m.Method != "" {
			r.notes = append(r.notes, m.Method)
		}
	}
}

func startRaw(t *testing.T, envv []string) *rawServer {
	t.Helper()
	cmd := exec.Command(bin)
	cmd.Env = envv
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	r := &rawServer{cmd: cmd, stdin: stdin, lines: make(chan []byte, 256), stderr: &bytes.Buffer{}, exited: make(chan error, 1)}
	cmd.Stderr = r.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
		for sc.Scan() {
			r.lines <- append([]byte(nil), sc.Bytes()...)
		}
		close(r.lines)
		r.exited <- cmd.Wait()
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		if t.Failed() {
			t.Logf("server stderr:\n%s", r.stderr.String())
		}
	})
	return r
}

func (r *rawServer) send(t *testing.T, msg string) {
	t.Helper()
	if _, err := io.WriteString(r.stdin, msg+"\n"); err != nil {
		t.Fatal(err)
	}
}

type rpcMessage struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Method  string          `json:"method"`
	Result  json.RawMessage `json:"result"`
	Error   json.RawMessage `json:"error"`
}

// collect reads stdout until every id in want has its response; every line
// must be one JSON-RPC 2.0 message.
func (r *rawServer) collect(t *testing.T, want ...string) map[string]rpcMessage {
	t.Helper()
	got := map[string]rpcMessage{}
	deadline := time.After(60 * time.Second)
	for len(got) < len(want) {
		select {
		case line, ok := <-r.lines:
			if !ok {
				t.Fatalf("stdout closed with %d of %d responses", len(got), len(want))
			}
			var m rpcMessage
			if err := json.Unmarshal(line, &m); err != nil || m.JSONRPC != "2.0" {
				t.Fatalf("stdout carried a line that is not JSON-RPC 2.0: %q", line)
			}
			if m.Method != "" { // a notification
				r.notes = append(r.notes, m.Method)
				continue
			}
			id := string(m.ID)
			if _, dup := got[id]; dup {
				t.Errorf("two responses for id %s", id)
			}
			got[id] = m
		case <-deadline:
			t.Fatalf("timed out with responses for %v", keys(got))
		}
	}
	return got
}

func keys(m map[string]rpcMessage) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

const rawInit = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"0"}}}`

func TestStdoutCarriesOnlyJSONRPC(t *testing.T) {
	web := startWeb(t)
	r := startRaw(t, env(web.URL, "DEEPRESEARCH_ALLOW_PRIVATE=1"))
	r.send(t, rawInit)
	r.collect(t, "1")
	r.send(t, `{"jsonrpc":"2.0","method":"notifications/initialized"}`)
	r.send(t, `{"jsonrpc":"2.0","id":2,"method":"logging/setLevel","params":{"level":"debug"}}`)
	r.send(t, `{"jsonrpc":"2.0","id":3,"method":"tools/list"}`)
	r.send(t, `{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"web_search","arguments":{"query":7}}}`)
	r.send(t, `{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"browse_page","arguments":{"url":"http://127.0.0.1:1/closed-port"}}}`)
	r.send(t, `{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"deep_research","arguments":{"question":"x","max_depth":99}}}`)
	r.send(t, `{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"no_such_tool","arguments":{}}}`)
	r.send(t, `this is not json`)
	r.send(t, `{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"web_search","arguments":{"query":"raft"}}}`)
	r.send(t, `{"jsonrpc":"2.0","id":9,"method":"ping"}`)
	got := r.collect(t, "2", "3", "4", "5", "6", "7", "null", "8", "9")

	for _, id := range []string{"4", "5", "6"} {
		var res struct {
			IsError bool `json:"isError"`
			Content []struct {
				Text string `json:"text"`
			} `json:"content"`
		}
		if err := json.Unmarshal(got[id].Result, &res); err != nil || !res.IsError || len(res.Content) == 0 || res.Content[0].Text == "" {
			t.Errorf("call %s: want an isError result with a message, got %s %s", id, got[id].Result, got[id].Error)
		}
	}
	if !strings.Contains(string(got["4"].Result), `argument \"query\" must be a string`) {
		t.Errorf("bad argument type not explained: %s", got["4"].Result)
	}
	if len(got["7"].Error) == 0 || len(got["null"].Error) == 0 {
		t.Errorf("unknown tool and unparsable line must be protocol errors: %s / %s", got["7"].Error, got["null"].Error)
	}

	// tools/list exactly as it went over the wire matches the golden snapshots.
	var list struct {
		Tools []json.RawMessage `json:"tools"`
	}
	if err := json.Unmarshal(got["3"].Result, &list); err != nil || len(list.Tools) != 3 {
		t.Fatalf("tools/list: %s", got["3"].Result)
	}
	for _, raw := range list.Tools {
		var name struct{ Name string }
		_ = json.Unmarshal(raw, &name)
		norm, err := tools.NormalizeSnapshot(raw)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "tools", "__toolsnaps__", name.Name+".snap"))
		if err != nil || !bytes.Equal(norm, want) {
			t.Errorf("%s on the wire differs from its golden snapshot (%v):\n%s", name.Name, err, norm)
		}
	}

	// stdin EOF shuts the server down cleanly.
	r.stdin.Close()
	r.drain(t)
	if !slices.Contains(r.notes, "notifications/message") {
		t.Errorf("no MCP log message after logging/setLevel debug; notifications seen: %v", r.notes)
	}
	select {
	case err := <-r.exited:
		if err != nil {
			t.Errorf("exit after stdin EOF: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("server did not exit after stdin EOF")
	}
}

func TestSignalShutdown(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			web := startWeb(t)
			r := startRaw(t, env(web.URL))
			r.send(t, rawInit)
			r.collect(t, "1")
			if err := r.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			go func() {
				for range r.lines {
				}
			}()
			select {
			case err := <-r.exited:
				if err != nil {
					t.Errorf("exit after %v: %v", sig, err)
				}
			case <-time.After(15 * time.Second):
				t.Fatalf("server did not exit after %v", sig)
			}
		})
	}
}

func TestOneShotCommands(t *testing.T) {
	web := startWeb(t)
	run := func(args ...string) (string, string, int) {
		cmd := exec.Command(bin, args...)
		cmd.Env = env(web.URL)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return stdout.String(), stderr.String(), code
	}
	out, errOut, code := run("search", "--json", "raft", "consensus")
	switch code {
	case 0:
		var v struct {
			Query    string `json:"query"`
			Provider string `json:"provider"`
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil || v.Query == "" || v.Provider != "searxng" {
			t.Errorf("search --json printed %q (%v)", out, err)
		}
	case 1:
		t.Logf("search failed (exit 1): %s", errOut)
		if out != "" {
			t.Errorf("a failed call must print nothing on stdout, got %q", out)
		}
	default:
		t.Errorf("search: exit %d: %s", code, errOut)
	}
	if _, errOut, code := run("browse", "file:///etc/passwd"); code != 1 || !strings.Contains(errOut, "refused by policy") {
		t.Errorf("browse file: exit %d, stderr %q; want 1 and a policy refusal", code, errOut)
	}
	if _, _, code := run("research"); code != 2 {
		t.Errorf("research without a question: exit %d, want 2", code)
	}
	if out, _, code := run("--version"); code != 0 || !strings.HasPrefix(out, "deepresearch-mcp ") {
		t.Errorf("--version: %d %q", code, out)
	}
	if out, _, code := run("--help"); code != 0 || strings.Contains(out, "-rod") || !strings.Contains(out, "DEEPRESEARCH_MAX_TABS") {
		t.Errorf("--help: exit %d, output %q", code, out)
	}
}
