package search_test

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/search"
)

// The engine queries the providers in order (here one SearXNG instance, the
// fixture web's), cleans and de-duplicates the results and applies the
// domain filters, whatever form they are written in.
func ExampleEngine_Search() {
	web := fixtures.Start()
	defer web.Close()
	client := egress.New(egress.Policy{Trusted: []string{web.Listener.Addr().String()}}).Client()
	defer client.CloseIdleConnections()

	e, err := search.New(search.Config{Order: []string{search.SearXNG}, SearXNGURL: web.URL + "/searxng"}, client, slog.New(slog.DiscardHandler))
	if err != nil {
		fmt.Println(err)
		return
	}
	resp, err := e.Search(context.Background(), search.Request{Query: "example guide", IncludeDomains: []string{"*.example.org"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("provider:", resp.Provider)
	for _, r := range resp.Results {
		fmt.Println(r.Rank, r.URL)
	}
	// Output:
	// provider: searxng
	// 1 https://docs.example.org/guide/intro
}
