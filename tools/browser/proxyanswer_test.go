package browser

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/go-rod/rod/lib/proto"
	"github.com/ysmood/gson"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
)

// The egress proxy's own answers, as Chromium would hand them over for the
// main document, map to the right kind: its refusal to ErrPolicy, its
// failures to ErrDNS / ErrTimeout / ErrNavigation; a site's own 502 is not
// the proxy's and maps to nothing.
func TestEgressProxyAnswers(t *testing.T) {
	// A listener nobody accepts on: the request waits for headers until the
	// proxy's timeout. A closed one: the connection is refused.
	hang, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer hang.Close()
	gone, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	gone.Close()
	site502 := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "upstream app server down", http.StatusBadGateway)
	}))
	defer site502.Close()

	tests := []struct {
		name         string
		allowPrivate bool
		url          string
		want         error // nil: not the proxy's answer
	}{
		{name: "refused by policy", url: site502.URL + "/", want: ErrPolicy},
		{name: "connection refused", allowPrivate: true, url: "http://" + gone.Addr().String() + "/", want: ErrNavigation},
		{name: "timeout", allowPrivate: true, url: "http://" + hang.Addr().String() + "/", want: ErrTimeout},
		{name: "the site's own 502", allowPrivate: true, url: site502.URL + "/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := egress.New(egress.Policy{AllowPrivate: tt.allowPrivate, Timeout: 300 * time.Millisecond})
			px, err := g.StartProxy(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			defer px.Close()
			status, h, body := throughProxy(t, px.URL, tt.url)
			p := New(Config{})
			got := p.proxyRefusal(context.Background(), tt.url, status, h, body)
			checkKind(t, got, tt.want)
		})
	}

	// The proxy's DNS failure, as tools/egress writes it (its own test
	// checks the header for a name that does not resolve).
	h := proto.NetworkHeaders{
		egress.PolicyHeader: gson.New("error"),
		"Proxy-Status":      gson.New(`deepresearch-egress; error=dns_error; details="egress proxy: dial tcp: lookup nxdomain.test: no such host"`),
	}
	checkKind(t, New(Config{}).proxyRefusal(context.Background(), "http://nxdomain.test/", 502, h, "egress proxy: ..."), ErrDNS)
}

func checkKind(t *testing.T, got, want error) {
	t.Helper()
	switch {
	case want == nil && got != nil:
		t.Errorf("got %v; want no proxy error (the site answered)", got)
	case want != nil && !errors.Is(got, want):
		t.Errorf("got %v; want %v", got, want)
	case want != nil:
		var e *Error
		if errors.As(got, &e) && (e.Detail == "" || e.Hint == "") {
			t.Errorf("%v: the model needs a reason and a hint", got)
		}
	}
}

func throughProxy(t *testing.T, proxyURL, target string) (int, proto.NetworkHeaders, string) {
	t.Helper()
	pu, _ := url.Parse(proxyURL)
	tr := &http.Transport{Proxy: http.ProxyURL(pu)}
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr}).Get(target)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	h := proto.NetworkHeaders{}
	for k := range resp.Header {
		h[k] = gson.New(resp.Header.Get(k))
	}
	return resp.StatusCode, h, string(b)
}
