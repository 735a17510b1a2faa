package browser_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browser"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
)

// A pool renders pages in headless Chromium, every request going through
// the egress guard's proxy. The fixture page is a JavaScript-only app: its
// text exists only once the script has run.
func ExamplePool_Render() {
	web := fixtures.Start()
	defer web.Close()
	guard := egress.New(egress.Policy{Trusted: []string{web.Listener.Addr().String()}})
	proxy, err := guard.StartProxy(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	defer proxy.Close()
	pool := browser.New(browser.Config{MaxTabs: 1, ProxyURL: proxy.URL, Diagnose: proxy.Diagnose})
	defer pool.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	page, err := pool.Render(ctx, web.URL+"/pages/spa")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(page.Status, strings.Contains(page.HTML, fixtures.SPAPhrase))
	// Output:
	// 200 true
}
