package browse_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/fetch"
)

// Read fetches a page over HTTP (no browser here: Render "never"),
// extracts its main content as Markdown and returns one window of it, with
// the links numbered.
func ExampleEngine_Read() {
	web := fixtures.Start()
	defer web.Close()
	guard := egress.New(egress.Policy{Trusted: []string{web.Listener.Addr().String()}})
	client := guard.Client()
	defer client.CloseIdleConnections()
	e := browse.New(browse.Config{Fetcher: fetch.New(client, 0, ""), Guard: guard})

	res, err := e.Read(context.Background(), browse.ReadRequest{URL: web.URL + "/pages/article", Render: browse.RenderNever, Query: "mercury bath"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Title)
	fmt.Println(res.Byline, res.Published)
	fmt.Println("rendered:", res.Rendered, "mentions the mercury bath:", strings.Contains(res.Content, "mercury bath"))
	// Output:
	// How Lighthouses Keep Their Lamps Turning
	// Marta Quill 2024-03-14T09:30:00Z
	// rendered: false mentions the mercury bath: true
}
