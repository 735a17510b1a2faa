package egress_test

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
)

func TestParseHosts(t *testing.T) {
	m, err := egress.ParseHosts(" Docs.Example.org.=127.0.0.1, v6.example=[::1],,")
	if err != nil {
		t.Fatal(err)
	}
	if m["docs.example.org"] != netip.MustParseAddr("127.0.0.1") || m["v6.example"] != netip.MustParseAddr("::1") || len(m) != 2 {
		t.Errorf("parsed %v", m)
	}
	for _, bad := range []string{"docs.example.org", "=127.0.0.1", "a.example=localhost", "a.example=1.2.3"} {
		if _, err := egress.ParseHosts(bad); err == nil || !strings.Contains(err.Error(), "host pin") {
			t.Errorf("ParseHosts(%q) = %v; want a host pin error", bad, err)
		}
	}
}

// TestPinnedHostStillGuarded: a pinned name reaches its address, and the
// address still passes the policy (loopback only with AllowPrivate).
func TestPinnedHostStillGuarded(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "host "+r.Host)
	}))
	defer srv.Close()
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	hosts := map[string]netip.Addr{"docs.example.org": netip.MustParseAddr("127.0.0.1")}
	u := "http://docs.example.org:" + port + "/"

	c := egress.New(egress.Policy{AllowPrivate: true, Hosts: hosts}).Client()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatalf("pinned host: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != "host docs.example.org:"+port {
		t.Errorf("answer %q", body)
	}

	c = egress.New(egress.Policy{Hosts: hosts}).Client()
	resp, err = c.Get(u)
	if err == nil {
		resp.Body.Close()
		t.Fatal("a name pinned to loopback was reached without AllowPrivate")
	}
	if _, ok := egress.IsPolicyError(err); !ok {
		t.Errorf("want a policy refusal, got %v", err)
	}
}
