package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// startHTTPServer runs the binary with --http on a free loopback port and
// returns its /mcp URL; the process is killed when the test ends.
func startHTTPServer(t testing.TB, envv []string) (string, *exec.Cmd) {
	t.Helper()
	cmd := exec.Command(bin, "--http", "127.0.0.1:0")
	cmd.Env = envv
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	urlc := make(chan string, 1)
	waited := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
		for sc.Scan() {
			if m := servingURL.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case urlc <- m[1]:
				default:
				}
			}
		}
		_, _ = io.Copy(io.Discard, stderr)
		_ = cmd.Wait()
		close(waited)
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-waited
	})
	select {
	case u := <-urlc:
		return u, cmd
	case <-time.After(30 * time.Second):
		t.Fatal("the server never said where it listens")
	}
	return "", nil
}

const initBody = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw-http","version":"0"}}}`

type httpReq struct {
	name    string
	host    string // Host header; empty: the URL's
	header  map[string]string
	body    io.Reader
	chunked bool
	want    int
}

func (r httpReq) do(t *testing.T, endpoint string) *http.Response {
	t.Helper()
	body := r.body
	if body == nil {
		body = strings.NewReader(initBody)
	}
	if r.chunked {
		body = io.MultiReader(body) // hides the length: sent chunked
	}
	req, err := http.NewRequest(http.MethodPost, endpoint, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	for k, v := range r.header {
		req.Header.Set(k, v)
	}
	if r.host != "" {
		req.Host = r.host
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s: %v", r.name, err)
	}
	return resp
}

// TestHTTPTransportChecks: the binary's HTTP front door — Origin (403),
// DNS-rebinding Host (403), bearer token (401, constant-time compare in the
// server), body cap (413) — checked on the wire, and a request that passes
// them all.
func TestHTTPTransportChecks(t *testing.T) {
	noLeaks(t)
	web := startWeb(t)
	endpoint, _ := startHTTPServer(t, env(web.URL, "DEEPRESEARCH_AUTH_TOKEN=s3cret-token"))
	u, _ := url.Parse(endpoint)
	_, port, _ := net.SplitHostPort(u.Host)
	auth := map[string]string{"Authorization": "Bearer s3cret-token"}
	with := func(kv ...string) map[string]string {
		m := map[string]string{"Authorization": "Bearer s3cret-token"}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	big := bytes.Repeat([]byte(" "), 5<<20) // over the 4 MiB cap

	for _, r := range []httpReq{
		{name: "all checks pass", header: auth, want: 200},
		{name: "no token", want: 401},
		{name: "wrong token", header: map[string]string{"Authorization": "Bearer s3cret-tokem"}, want: 401},
		{name: "token with a suffix", header: map[string]string{"Authorization": "Bearer s3cret-token2"}, want: 401},
		{name: "token prefix", header: map[string]string{"Authorization": "Bearer s3cret"}, want: 401},
		{name: "basic auth", header: map[string]string{"Authorization": "Basic czNjcmV0LXRva2Vu"}, want: 401},
		{name: "scheme in lower case", header: map[string]string{"Authorization": "bearer s3cret-token"}, want: 200},
		{name: "foreign origin", header: with("Origin", "https://evil.example"), want: 403},
		{name: "origin null", header: with("Origin", "null"), want: 403},
		{name: "origin lookalike", header: with("Origin", "http://localhost.evil.example"), want: 403},
		{name: "foreign origin without token", header: map[string]string{"Origin": "https://evil.example"}, want: 403},
		{name: "localhost origin", header: with("Origin", "http://localhost:5173"), want: 200},
		{name: "loopback origin", header: with("Origin", "http://127.0.0.1:6274"), want: 200},
		{name: "rebinding host", host: "evil.example:" + port, header: auth, want: 403},
		{name: "rebinding host, no port", host: "attacker.example", header: auth, want: 403},
		{name: "localhost host", host: "localhost:" + port, header: auth, want: 200},
		{name: "body over the cap", header: auth, body: bytes.NewReader(big), want: 413},
		{name: "chunked body over the cap", header: auth, body: bytes.NewReader(big), chunked: true, want: 413},
	} {
		t.Run(r.name, func(t *testing.T) {
			resp := r.do(t, endpoint)
			b, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
			resp.Body.Close()
			if resp.StatusCode != r.want {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, r.want, b)
			}
			if r.want == 401 && !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("401 without a Bearer challenge: %v", resp.Header)
			}
			if r.want == 200 && !strings.Contains(string(b), `"protocolVersion"`) {
				t.Errorf("initialize answered without a result: %s", b)
			}
		})
	}
}

// TestHTTPDisconnectCancels: a client that hangs up mid-call cancels the
// call all the way down to its outbound request, and the server goes on
// serving.
func TestHTTPDisconnectCancels(t *testing.T) {
	noLeaks(t)
	arrived := make(chan struct{}, 4)
	abandoned := make(chan struct{}, 4)
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		select {
		case <-r.Context().Done():
			abandoned <- struct{}{}
		case <-time.After(60 * time.Second):
		}
	}))
	t.Cleanup(hang.Close)
	endpoint, _ := startHTTPServer(t, env(hang.URL))

	post := func(ctx context.Context, session, body string) (*http.Response, error) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		req.Header.Set("Mcp-Protocol-Version", "2025-11-25")
		if session != "" {
			req.Header.Set("Mcp-Session-Id", session)
		}
		return http.DefaultClient.Do(req)
	}
	resp, err := post(context.Background(), "", initBody)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	session := resp.Header.Get("Mcp-Session-Id")
	if resp.StatusCode != 200 {
		t.Fatalf("initialize: %d", resp.StatusCode)
	}
	if resp, err := post(context.Background(), session, `{"jsonrpc":"2.0","method":"notifications/initialized"}`); err == nil {
		resp.Body.Close()
	}

	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		resp, err := post(ctx, session, `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"web_search","arguments":{"query":"hangs until the client leaves"}}}`)
		if err == nil {
			_, err = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
		errc <- err
	}()
	select {
	case <-arrived:
	case <-time.After(20 * time.Second):
		t.Fatal("the call never reached the provider")
	}
	cancel() // the client hangs up
	select {
	case <-abandoned:
	case <-time.After(15 * time.Second):
		t.Fatal("hanging up did not cancel the call's outbound request")
	}
	<-errc

	// Still serving: a ping on the same session.
	resp, err = post(context.Background(), session, `{"jsonrpc":"2.0","id":3,"method":"ping"}`)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var msg struct {
		ID     int             `json:"id"`
		Result json.RawMessage `json:"result"`
	}
	line := string(b)
	if i := strings.Index(line, "data: "); i >= 0 { // an SSE answer
		line = strings.TrimSpace(strings.SplitN(line[i+6:], "\n", 2)[0])
	}
	if err := json.Unmarshal([]byte(line), &msg); err != nil || msg.ID != 3 {
		t.Fatalf("ping after a hang-up: %d %s", resp.StatusCode, b)
	}
}
