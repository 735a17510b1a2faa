package server

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// A client that trickles its request body is cut off after the body
// deadline with 408, and the deadline does not outlive the body: a handler
// that runs longer than it keeps its connection (and its context).
func TestHTTPGuardSlowBody(t *testing.T) {
	const ttl = 300 * time.Millisecond
	slowHandler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(3 * ttl): // longer than the body deadline
			_, _ = io.WriteString(w, "done")
		case <-r.Context().Done():
			http.Error(w, "context cancelled", http.StatusServiceUnavailable)
		}
	})
	ts := httptest.NewServer(&httpGuard{next: slowHandler, maxBody: MaxRequestBody, bodyTTL: ttl})
	t.Cleanup(ts.Close)

	// A trickled body: 408 well before the client would have finished.
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /mcp HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
	stop := make(chan struct{})
	go func() {
		for range 100 {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
			}
			if _, err := conn.Write([]byte(" ")); err != nil {
				return
			}
		}
	}()
	defer close(stop)
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer to a trickled body: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestTimeout || time.Since(start) > 2*time.Second {
		t.Errorf("trickled body: status %d after %v; want 408 after about %v", resp.StatusCode, time.Since(start), ttl)
	}

	// A prompt body with a handler that outlasts the body deadline.
	resp, err = http.Post(ts.URL+"/mcp", "application/json", strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"ping"}`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(b) != "done" {
		t.Errorf("long handler after a prompt body: %d %q; the body deadline must not outlive the body", resp.StatusCode, b)
	}
}
