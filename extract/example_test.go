package extract_test

import (
	"fmt"
	"net/url"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
)

const examplePage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Tide tables | Harbour Notes</title></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<main><article><h1>Tide tables</h1>
<p>A tide table lists the times and heights of high and low water at one port for each day of the year.</p>
<p>Tides are driven by the Moon and the Sun; spring tides, the largest, come just after a new or full Moon.</p>
<p>See the <a href="/ports/dover">Dover table</a> for an example.</p>
</article></main><footer>© Harbour Notes</footer></body></html>`

func ExampleFromHTML() {
	base, _ := url.Parse("https://harbour.example/guides/tides")
	doc, err := extract.FromHTML(examplePage, base)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Title)
	for _, l := range doc.Links {
		fmt.Println(l.Text, "->", l.URL)
	}
	// Output:
	// Tide tables | Harbour Notes
	// Dover table -> https://harbour.example/ports/dover
}

func ExampleRankPassages() {
	md := "# Tides\n\nA tide table lists the times of high and low water.\n\nSpring tides come just after a new or full Moon.\n\nThe harbour office opens at nine."
	ranked := extract.RankPassages("when are spring tides", extract.SplitPassages(md, 80))
	fmt.Println(ranked[0].Text)
	// Output:
	// Spring tides come just after a new or full Moon.
}
