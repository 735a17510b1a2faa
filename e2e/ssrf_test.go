package e2e

import (
	"bufio"
	"net"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
)

// The SSRF matrix through the MCP client. Three servers on loopback:
//   - attacker: the fixture web, allowed for page reads by --allow-host
//     (DEEPRESEARCH_ALLOW_HOSTS, set by env), so its redirecting and
//     embedding pages can be read while the rest of loopback is refused;
//   - control: allowed too; the hostile page embeds it next to the victim,
//     proving each kind of sub-resource was really requested and went
//     through the guard;
//   - victim: an untrusted loopback listener that must accept zero
//     connections unless --allow-private.
//
// RFC 1918 and 100.64/10 targets are only ever refused: no test sends them
// traffic, and the guard must refuse them before connecting.

// loopbackSpellings are the ways to write this machine's address that a
// browser accepts; hostsName adds a DNS name that resolves to 127.0.0.1.
func loopbackSpellings(t *testing.T) []string {
	hs := []string{"127.0.0.1", "localhost", "localhost.", "2130706433", "0x7f000001", "0177.0.0.1", "127.1",
		"0", "0.0.0.0", "[::]", "[::1]", "[::ffff:127.0.0.1]", "127.0.0.2",
		// More spellings browsers accept: mixed radix, padded octal, upper
		// case, expanded and hex IPv4-mapped IPv6, IPv4-compatible, NAT64.
		"0x7f.1", "127.000.000.001", "LOCALHOST", "[0:0:0:0:0:ffff:7f00:1]", "[::ffff:7f00:1]", "[::127.0.0.1]", "[64:ff9b::7f00:1]"}
	if n := hostsName(); n != "" {
		hs = append(hs, n)
	} else {
		t.Log("no name other than localhost resolves to 127.0.0.1 in /etc/hosts: the DNS-name row is localhost only")
	}
	return hs
}

// sampleOf picks the URLs containing each of the parts.
func sampleOf(urls []string, parts ...string) []string {
	var out []string
	for _, p := range parts {
		for _, u := range urls {
			if strings.Contains(u, p) {
				out = append(out, u)
				break
			}
		}
	}
	return out
}

// hostPortOf is the host:port of a URL.
func hostPortOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Host
}

// hostsName is a name from /etc/hosts (other than localhost) that resolves to 127.0.0.1.
func hostsName() string {
	f, err := os.Open("/etc/hosts")
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(strings.SplitN(sc.Text(), "#", 2)[0])
		if len(fs) < 2 || !strings.HasPrefix(fs[0], "127.") {
			continue
		}
		for _, n := range fs[1:] {
			if !strings.HasPrefix(n, "localhost") && !strings.HasPrefix(n, "ip6-") {
				return n
			}
		}
	}
	return ""
}

// metadataTargets are cloud metadata endpoints, refused even with --allow-private.
var metadataTargets = []string{
	"http://169.254.169.254/latest/meta-data/",
	"http://2852039166/latest/meta-data/",          // 169.254.169.254, decimal
	"http://0251.0376.0251.0376/latest/meta-data/", // octal
	"http://0xa9fea9fe/latest/meta-data/",          // hex
	"http://169.254.43518/latest/meta-data/",       // two-part
	"http://[::ffff:169.254.169.254]/latest/meta-data/",
	"http://[fd00:ec2::254]/latest/meta-data/",
	"http://metadata.google.internal/computeMetadata/v1/",
	"http://100.100.100.200/latest/meta-data/",
	"http://[fe80::1%25lo]/",                        // link-local with a zone
	"http://[64:ff9b::a9fe:a9fe]/latest/meta-data/", // NAT64 of 169.254.169.254
}

// privateTargets are private ranges; never contacted by these tests.
var privateTargets = []string{
	"http://10.0.0.1/", "http://172.16.0.1/", "http://192.168.0.1/", "http://100.64.0.1/",
	"http://[fc00::1]/", "http://[fd12:3456::1]/",
}

func schemeTargets(vport string) []string {
	return []string{
		"file:///etc/passwd",
		"view-source:http://127.0.0.1:" + vport + "/",
		"chrome://version",
		"chrome://crash",
		"data:text/html,<p>data page</p>",
		"javascript:alert(1)",
		"gopher://127.0.0.1:" + vport + "/",
		"ftp://127.0.0.1:" + vport + "/",
	}
}

type ssrfRow struct {
	name, url, render string
}

func ssrfServers(t *testing.T) (attacker *fixtures.Web, control, victim *listener) {
	t.Helper()
	attacker = fixtures.Start()
	t.Cleanup(attacker.Close)
	return attacker, startListener(t), startListener(t)
}

// TestSSRFRefused: with loopback refused, every spelling of a local,
// private or metadata target and every non-http scheme is refused with a
// policy error — as the requested URL, as a redirect target and as a
// sub-resource of a rendered page — and the victim accepts no connection.
func TestSSRFRefused(t *testing.T) {
	noLeaks(t)
	chromiumOrSkip(t)
	attacker, control, victim := ssrfServers(t)
	s := spawnServer(t, env(attacker.URL, "DUCKDUCKGO_URL="+control.URL, "DEEPRESEARCH_ALLOW_HOSTS="+hostPortOf(attacker.URL)+","+hostPortOf(control.URL)))
	c := s.c
	vport := victim.port()

	var victimURLs []string
	for _, h := range loopbackSpellings(t) {
		victimURLs = append(victimURLs, "http://"+h+":"+vport+"/victim")
	}
	refused := append(append(append([]string{}, victimURLs...), metadataTargets...), privateTargets...)

	var rows []ssrfRow
	for _, render := range []string{"never", "always"} {
		// As the requested URL.
		for _, u := range append(append([]string{}, refused...), schemeTargets(vport)...) {
			rows = append(rows, ssrfRow{"direct " + u, u, render})
		}
	}
	// As an HTTP redirect target: every target with every code on the
	// HTTP path; on the Chromium path (each render costs a tab for a few
	// seconds) a sample that covers each code, each kind of spelling
	// (dotted, hex, IPv4-mapped, trailing dot, a DNS name), metadata,
	// private ranges and other schemes.
	codes := []string{"301", "302", "307", "308"}
	redirectTargets := append(append([]string{}, refused...), "file:///etc/passwd", "gopher://127.0.0.1:"+vport+"/")
	for _, u := range redirectTargets {
		for _, code := range codes {
			via := attacker.URL + "/pages/redirect-to?code=" + code + "&url=" + url.QueryEscape(u)
			rows = append(rows, ssrfRow{code + " to " + u, via, "never"})
		}
	}
	chromeSample := append(sampleOf(victimURLs, "//127.0.0.1:", "//0x7f000001:", "//[::ffff:127.0.0.1]:", "//localhost.:", "//"+hostsName()+":"),
		metadataTargets[0], metadataTargets[7], privateTargets[0], privateTargets[3], "file:///etc/passwd", "gopher://127.0.0.1:"+vport+"/")
	for i, u := range chromeSample {
		code := codes[i%len(codes)]
		rows = append(rows, ssrfRow{code + " to " + u, attacker.URL + "/pages/redirect-to?code=" + code + "&url=" + url.QueryEscape(u), "always"})
	}

	each(rows, 6, func(r ssrfRow) {
		res, took := call(t, c, "browse_page", map[string]any{"url": r.url, "render": r.render}, 45*time.Second)
		if took > 3*time.Second {
			t.Logf("slow: %v render=%s %s", took, r.render, r.name)
		}
		if res == nil {
			return
		}
		if !policyRefusal(res) {
			t.Errorf("render=%s %s: want a policy refusal, got isError=%v %.300q", r.render, r.name, res.IsError, text(res))
		}
	})
	if n := victim.conns.Load(); n != 0 {
		t.Fatalf("the loopback victim accepted %d connections: %v", n, victim.kinds())
	}

	// Meta refresh and JS location in the main document: the HTTP path
	// does not follow them; Chromium does, and must be refused. The result
	// is the redirecting page or a policy refusal, never the victim.
	var navRows []ssrfRow
	for i, u := range chromeSample[:len(chromeSample)-2] {
		for j, p := range []string{"/pages/meta-refresh?url=", "/pages/js-redirect?url="} {
			render := "always"
			if i == 0 {
				render = "never"
			}
			if (i+j)%2 == 0 || i == 0 {
				navRows = append(navRows, ssrfRow{p + u, attacker.URL + p + url.QueryEscape(u), render})
			}
		}
	}
	each(navRows, 4, func(r ssrfRow) {
		res, took := call(t, c, "browse_page", map[string]any{"url": r.url, "render": r.render}, 45*time.Second)
		if took > 3*time.Second {
			t.Logf("slow: %v render=%s %s", took, r.render, r.name)
		}
		if res == nil {
			return
		}
		if strings.Contains(text(res), "VICTIM-SECRET-FACT") {
			t.Errorf("render=%s %s: the victim's text came back", r.render, r.name)
		}
		if res.IsError && !policyRefusal(res) {
			t.Errorf("render=%s %s: an error that is not a policy refusal: %.300q", r.render, r.name, text(res))
		}
	})
	if n := victim.conns.Load(); n != 0 {
		t.Fatalf("meta refresh / JS location reached the loopback victim (%d connections): %v", n, victim.kinds())
	}

	// Sub-resources of one rendered page: script, stylesheet, img, iframe,
	// fetch, XHR and WebSocket to every target, plus the trusted control.
	// The control comes first: Chromium opens WebSockets one at a time,
	// and the refused ones ahead of it would use up the render's time.
	q := url.Values{}
	q.Add("target", control.URL+"/control")
	for _, u := range append(append(append([]string{}, victimURLs...), metadataTargets...), privateTargets...) {
		q.Add("target", u)
	}
	res, _ := call(t, c, "browse_page", map[string]any{"url": attacker.URL + "/pages/ssrf?" + q.Encode(), "render": "always"}, 60*time.Second)
	if res == nil || res.IsError || !strings.Contains(text(res), "SSRF-PAGE-FACT") {
		t.Fatalf("the embedding page itself was not read: %v", res)
	}
	if n := victim.conns.Load(); n != 0 {
		t.Fatalf("sub-resources reached the loopback victim (%d connections): %v", n, victim.kinds())
	}
	// Images are blocked by the browser before any request, so they are
	// not expected at the control either.
	kinds := control.kinds()
	for _, k := range []string{"script", "css", "iframe", "fetch", "xhr", "upgrade:websocket"} {
		if kinds[k] == 0 {
			t.Errorf("no %s request reached the trusted control server (it saw %v): the page's sub-resources were not exercised", k, kinds)
		}
	}

	// The server still serves an allowed page after all of this.
	res, _ = call(t, c, "browse_page", map[string]any{"url": attacker.URL + "/pages/article", "render": "never"}, 30*time.Second)
	if res == nil || res.IsError {
		t.Fatalf("a trusted page after the matrix: %v", res)
	}
}

// TestSSRFAllowPrivate: --allow-private opens loopback (the victim is read,
// on both paths) but cloud metadata and link-local targets stay refused.
func TestSSRFAllowPrivate(t *testing.T) {
	noLeaks(t)
	chromiumOrSkip(t)
	attacker, _, victim := ssrfServers(t)
	s := spawnServer(t, env(attacker.URL, "DEEPRESEARCH_ALLOW_PRIVATE=1"))
	c := s.c
	vport := victim.port()

	var rows []ssrfRow
	for _, h := range []string{"127.0.0.1", "localhost", "2130706433", "0x7f000001", "0177.0.0.1", "127.1", "[::ffff:127.0.0.1]"} {
		rows = append(rows, ssrfRow{"loopback " + h, "http://" + h + ":" + vport + "/victim?h=" + url.QueryEscape(h), "never"})
	}
	rows = append(rows, ssrfRow{"loopback rendered", "http://127.0.0.1:" + vport + "/victim?rendered", "always"})
	each(rows, 4, func(r ssrfRow) {
		res, took := call(t, c, "browse_page", map[string]any{"url": r.url, "render": r.render}, 45*time.Second)
		if took > 3*time.Second {
			t.Logf("slow: %v render=%s %s", took, r.render, r.name)
		}
		if res != nil && (res.IsError || !strings.Contains(text(res), "VICTIM-SECRET-FACT")) {
			t.Errorf("render=%s %s with --allow-private: %.300q", r.render, r.name, text(res))
		}
	})
	if victim.conns.Load() == 0 {
		t.Fatal("the victim saw no connection although private targets are allowed")
	}

	var refused []ssrfRow
	for i, u := range append(append([]string{}, metadataTargets...), "http://169.254.1.1/", "http://[fe80::1]/") {
		render := []string{"never", "always"}[i%2]
		refused = append(refused,
			ssrfRow{"direct " + u, u, render},
			ssrfRow{"302 to " + u, attacker.URL + "/pages/redirect-to?url=" + url.QueryEscape(u), []string{"always", "never"}[i%2]})
	}
	each(refused, 6, func(r ssrfRow) {
		res, took := call(t, c, "browse_page", map[string]any{"url": r.url, "render": r.render}, 45*time.Second)
		if took > 3*time.Second {
			t.Logf("slow: %v render=%s %s", took, r.render, r.name)
		}
		if res != nil && !policyRefusal(res) {
			t.Errorf("render=%s %s with --allow-private: want a policy refusal, got %.300q", r.render, r.name, text(res))
		}
	})
	if res, _ := call(t, c, "browse_page", map[string]any{"url": "file:///etc/passwd", "render": "always"}, 10*time.Second); res != nil && !policyRefusal(res) {
		t.Errorf("file: with --allow-private: %.300q", text(res))
	}
}

// TestSSRFWebRTC: a rendered page's WebRTC (STUN and TURN over UDP and TCP)
// cannot reach a loopback victim around the egress proxy.
func TestSSRFWebRTC(t *testing.T) {
	noLeaks(t)
	chromiumOrSkip(t)
	attacker, _, victim := ssrfServers(t)
	udp, err := net.ListenPacket("udp", "127.0.0.1:"+victim.port())
	if err != nil {
		t.Skipf("no UDP listener on the victim's port: %v", err)
	}
	defer udp.Close()
	var packets atomic.Int64
	go func() {
		buf := make([]byte, 2048)
		for {
			if _, _, err := udp.ReadFrom(buf); err != nil {
				return
			}
			packets.Add(1)
		}
	}()
	s := spawnServer(t, env(attacker.URL))
	res, _ := call(t, s.c, "browse_page", map[string]any{"url": attacker.URL + "/hostile/webrtc?target=127.0.0.1:" + victim.port(), "render": "always"}, 45*time.Second)
	if res == nil || res.IsError || !strings.Contains(text(res), "WEBRTC-STARTED") {
		t.Fatalf("the WebRTC page did not run: %v", res)
	}
	time.Sleep(time.Second) // STUN retransmits for a while; give strays time to land
	if n, c := packets.Load(), victim.conns.Load(); n != 0 || c != 0 {
		t.Fatalf("WebRTC reached the loopback victim: %d UDP packets, %d TCP connections", n, c)
	}
	t.Logf("page: %.1500q", text(res))
}
