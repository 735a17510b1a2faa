package e2e

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
)

// TestHostileMetadataAddresses: every cloud's documented metadata address
// (Azure's WireServer is a public address; Oracle's and the IPv6 ones sit in
// ranges --allow-private opens) is refused before any connection, with and
// without --allow-private, over HTTP and in Chromium, directly and by
// redirect.
func TestHostileMetadataAddresses(t *testing.T) {
	noLeaks(t)
	chromiumOrSkip(t)
	web := fixtures.Start()
	t.Cleanup(web.Close)
	targets := []string{
		"http://168.63.129.16/machine?comp=goalstate",
		"http://[::ffff:168.63.129.16]/machine",
		"http://[::ffff:a83f:8110]/machine",
		"http://2822734096/machine", // 168.63.129.16 as one number
		"http://192.0.0.192/latest/",
		"http://[fd20:ce::254]/computeMetadata/v1/",
		"http://[fd00:c1::a9fe:a9fe]/opc/v2/",
		"http://[fd00:ec2::23]/",
		"http://metadata.tencentyun.com/latest/meta-data/",
	}
	for _, allowPrivate := range []string{"0", "1"} {
		s := spawnServer(t, env(web.URL, "DEEPRESEARCH_ALLOW_PRIVATE="+allowPrivate))
		type row struct{ url, render string }
		var rows []row
		for i, u := range targets {
			rows = append(rows, row{u, []string{"never", "always"}[i%2]},
				row{web.URL + "/pages/redirect-to?url=" + url.QueryEscape(u), []string{"always", "never"}[i%2]})
		}
		each(rows, 4, func(r row) {
			res, _ := call(t, s.c, "browse_page", map[string]any{"url": r.url, "render": r.render}, 30*time.Second)
			if res == nil {
				return
			}
			if !policyRefusal(res) {
				t.Errorf("allow-private=%s render=%s %s: want a policy refusal, got isError=%v %.300q", allowPrivate, r.render, r.url, res.IsError, text(res))
			} else if !strings.Contains(text(res), "never allowed") && !strings.Contains(text(res), "refused target") {
				t.Errorf("allow-private=%s %s: the refusal does not say it is never allowed: %.300q", allowPrivate, r.url, text(res))
			}
		})
	}
}
