package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Trafilatura keeps a table that stands inside a list item as its bare
// cells: the <table> and its rows are stripped, every <th> and <td> stays,
// and the Markdown of that run of cells is one line of words glued
// together ("Plan APlan BCost$318$467Best for…").
// restoreTables puts the page's own table back in place of such a run:
// the source table whose text is exactly the run's.

// restoreTables replaces each run of cells in content that no row holds
// with a copy of the table of src's page that has the same text. A run no
// table matches is left as it is.
func restoreTables(content *html.Node, src *pageText) {
	if src == nil || src.doc == nil {
		return
	}
	runs := orphanCellRuns(content, nil)
	if len(runs) == 0 {
		return
	}
	// Only innermost tables: a data table in a list item is one, and
	// reading only their text keeps this linear in the page (layout
	// tables nest the whole page).
	tables := map[string]*html.Node{}
	for _, n := range innermostTables(src.doc) {
		if k := letterKey(textOf(n)); k != "" && tables[k] == nil {
			tables[k] = n
		}
	}
	for _, run := range runs {
		if t, n := matchingTable(run, tables); t != nil {
			parent := run.nodes[0].Parent
			parent.InsertBefore(cloneNode(t), run.nodes[0])
			for _, c := range run.nodes[:n] {
				parent.RemoveChild(c)
			}
		}
	}
}

// maxTrailingNodes bounds the nodes after a run's last cell that may
// still be the table's (the bare links of its last cells): each try reads
// the run's text again.
const maxTrailingNodes = 4

// matchingTable is the table of tables (by letterKey of their text) whose
// text is that of run's first n nodes, the longest such, trying the run
// down to its last cell from at most maxTrailingNodes past it (what follows it may be the bare link of a last
// cell, or the text after the table).
func matchingTable(run cellRun, tables map[string]*html.Node) (*html.Node, int) {
	for n := min(len(run.nodes), run.cells+maxTrailingNodes); n >= run.cells; n-- {
		var text strings.Builder
		for _, c := range run.nodes[:n] {
			text.WriteString(textOf(c))
		}
		if t := tables[letterKey(text.String())]; t != nil {
			return t, n
		}
	}
	return nil, 0
}

// isCell: a table cell, by name (trafilatura renames nodes without
// updating DataAtom).
func isCell(n *html.Node) bool {
	return n.Type == html.ElementNode && (n.Data == "td" || n.Data == "th")
}

// cellRun is a run of sibling nodes from a cell no row holds: cells, and
// the blank text and inline elements between and after them (a cell that
// held only a link comes out as the bare link). cells is the length of
// the run up to its last cell.
type cellRun struct {
	nodes []*html.Node
	cells int
}

// orphanCellRuns appends to runs each run of sibling cells whose parent
// is not a row, in document order.
func orphanCellRuns(n *html.Node, runs []cellRun) []cellRun {
	var run cellRun
	end := func() {
		if run.cells > 0 {
			runs = append(runs, run)
		}
		run = cellRun{}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case isCell(c) && n.Data != "tr":
			run.nodes = append(run.nodes, c)
			run.cells = len(run.nodes)
			continue
		case run.cells > 0 && (c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" ||
			c.Type == html.ElementNode && isInlineTag(c.Data)):
			run.nodes = append(run.nodes, c)
			continue
		}
		end()
		if c.Type == html.ElementNode && !isCell(c) {
			runs = orphanCellRuns(c, runs)
		}
	}
	end()
	return runs
}

// innermostTables lists the tables under root that hold no table, in
// document order of their ends (children before parents). A layout table
// holds the whole page and its cells are no data cells; the tables it
// nests are the page's data, and reading only those keeps a caller that
// reads each table's text linear in the page.
func innermostTables(root *html.Node) []*html.Node {
	var tables []*html.Node
	var walk func(n *html.Node) (holdsTable bool)
	walk = func(n *html.Node) bool {
		inner := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			inner = walk(c) || inner
		}
		if n.Type != html.ElementNode || n.DataAtom != atom.Table {
			return inner
		}
		if !inner {
			tables = append(tables, n)
		}
		return true
	}
	walk(root)
	return tables
}
