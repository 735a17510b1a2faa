package browser

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
)

// With the real egress proxy in front of Chromium, a loopback page (and a
// loopback sub-resource) is refused by policy unless private targets are
// allowed; the refusal names the reason.
func TestWithEgressProxy(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/page": html(`<!doctype html><html><head><title>Local</title></head><body><p>local text</p>
			<script>fetch("/secret").then(r => r.text()).then(t => document.body.insertAdjacentHTML("beforeend", "<p>" + t + "</p>"))</script></body></html>`),
		"/secret": func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("secret data")) },
	})
	tests := []struct {
		name         string
		allowPrivate bool
	}{
		{name: "private refused", allowPrivate: false},
		{name: "private allowed", allowPrivate: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := egress.New(egress.Policy{AllowPrivate: tc.allowPrivate})
			px, err := g.StartProxy(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = px.Close() })
			p := newTestPool(t, Config{MaxTabs: 1, ProxyURL: px.URL, Diagnose: px.Diagnose, RenderTimeout: 8 * time.Second})
			before := s.count("/page")
			r, err := p.Render(context.Background(), s.url("/page"))
			if !tc.allowPrivate {
				var pe *egress.PolicyError
				if !errors.Is(err, ErrPolicy) || !errors.As(err, &pe) {
					t.Fatalf("err = %v, want a policy refusal carrying *egress.PolicyError", err)
				}
				t.Logf("refusal: %v", err)
				if s.count("/page") != before {
					t.Errorf("the loopback server saw the request")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(r.HTML, "local text") || !strings.Contains(r.HTML, "secret data") {
				t.Errorf("content missing: %s", r.HTML)
			}
		})
	}
}
