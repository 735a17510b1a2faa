package egress_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
)

// TestEndpointClientTrustsOnlyItsEndpoint: the search client reaches its
// configured loopback endpoint; the same host:port under another path, the
// same server by another spelling, a redirect off the endpoint, and every
// other client of the guard stay under the normal policy.
func TestEndpointClientTrustsOnlyItsEndpoint(t *testing.T) {
	tg := newTarget(t)
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, tg.URL+"/other", http.StatusFound)
	}))
	t.Cleanup(redirector.Close)
	g := egress.New(egress.Policy{Timeout: 5 * time.Second})
	sc, err := g.EndpointClient([]string{tg.URL + "/searxng", redirector.URL + "/api"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sc.CloseIdleConnections)
	get := func(c *http.Client, u string) error {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		resp, err := c.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		return err
	}
	if err := get(sc, tg.URL+"/searxng/search?q=x"); err != nil {
		t.Fatalf("the search client's own request: %v", err)
	}
	_, port, _ := strings.Cut(strings.TrimPrefix(tg.URL, "http://"), ":")
	for _, u := range []string{
		tg.URL + "/",
		tg.URL + "/searxngother",
		tg.URL + "/pages/secret",
		"http://localhost:" + port + "/searxng/search",
		"http://[::ffff:127.0.0.1]:" + port + "/searxng/search",
		redirector.URL + "/api/search", // trusted itself, but redirects off the endpoint
	} {
		err := get(sc, u)
		if _, ok := egress.IsPolicyError(err); !ok {
			t.Errorf("search client %s: %v, want a policy refusal", u, err)
		}
	}
	pc := client(t, g)
	if _, ok := egress.IsPolicyError(get(pc, tg.URL+"/searxng/search")); !ok {
		t.Error("the page client reached the search endpoint")
	}
	if n := tg.hits.Load(); n != 1 {
		t.Fatalf("the endpoint served %d requests, want only the search client's own", n)
	}
	if _, err := g.EndpointClient([]string{"ftp://x"}); err == nil {
		t.Error("an ftp endpoint was accepted")
	}
}

// TestMetadataAddressesAlwaysRefused: every cloud's documented metadata
// address, in plain and IPv4-mapped form, is refused with and without
// AllowPrivate and even when listed as trusted.
func TestMetadataAddressesAlwaysRefused(t *testing.T) {
	hosts := []string{
		"169.254.169.254", "[::ffff:169.254.169.254]",
		"168.63.129.16", "[::ffff:168.63.129.16]", "[::ffff:a83f:8110]", "2822734096", "[64:ff9b::a83f:8110]",
		"100.100.100.200", "[::ffff:100.100.100.200]",
		"192.0.0.192", "[fd00:ec2::254]", "[fd00:ec2::23]", "[fd20:ce::254]", "[fd00:c1::a9fe:a9fe]",
		"169.254.170.2", "169.254.0.23",
		"metadata.google.internal", "metadata.goog", "metadata.tencentyun.com", "instance-data.ec2.internal",
	}
	var trusted []string
	for _, h := range hosts {
		trusted = append(trusted, h+":80")
	}
	for _, p := range []egress.Policy{{}, {AllowPrivate: true}, {AllowPrivate: true, Trusted: trusted}} {
		g := egress.New(p)
		for _, h := range hosts {
			u := "http://" + h + "/latest/meta-data/"
			_, err := g.CheckURL(u)
			if err == nil {
				// Names are judged at dial time.
				ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
				_, err = g.DialContext(ctx, "tcp", strings.TrimPrefix(strings.TrimSuffix(u, "/latest/meta-data/"), "http://")+":80")
				cancel()
			}
			pe, ok := egress.IsPolicyError(err)
			if !ok || !strings.Contains(pe.Reason, "never allowed") {
				t.Errorf("allowPrivate=%v trusted=%d %s: %v, want a refusal that is never lifted", p.AllowPrivate, len(p.Trusted), u, err)
			}
		}
	}
}
