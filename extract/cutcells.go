package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// Trafilatura (v1.12.2, handleTable) reads a table cell that has child
// elements as the text before its first child plus what it makes of each
// child alone: a link's text and all that follows it in the cell are
// lost, and so is a list in a cell. "Know how much cover you need with
// our <a>calculator</a>, then compare." comes out as "Know how much cover
// you need with our", and a cell that opens with a link is dropped. The
// table it keeps is the page's table cut short, cell by cell.
// restoreCutTables puts the page's own table back in place of such a
// table: the source table whose cells, in order, begin with the kept
// cells' text and hold more.

// restoreCutTables replaces each table of content that is the cut copy
// of a table of src's page (cutCopyOf) with a copy of that table.
func restoreCutTables(content *html.Node, src *pageText, cfg *config) {
	if src == nil || src.doc == nil {
		return
	}
	kept := keptTables(content, nil)
	if len(kept) == 0 {
		return
	}
	// The page's innermost tables (a layout table holds the page: its
	// cells are no data cells), their cells read once.
	var sources []cellTable
	for _, n := range innermostTables(src.doc) {
		sources = append(sources, newCellTable(n, cellKeys(n, nil)))
	}
	used := make([]bool, len(sources))
	for _, t := range kept {
		cells := cellKeys(t, nil)
		for i, s := range sources {
			if !used[i] && cutCopyOf(cells, s, cfg) {
				used[i] = true
				t.Parent.InsertBefore(cloneNode(s.n), t)
				t.Parent.RemoveChild(t)
				break
			}
		}
	}
}

// cellTable is a table with the letterKey of each of its cells, and how
// many of them hold text and how long that text is, counted once: each
// kept table is tried against every page table.
type cellTable struct {
	n                 *html.Node
	cells             []string
	withText, textLen int
}

// newCellTable is the cellTable of n with cells (cellKeys).
func newCellTable(n *html.Node, cells []string) cellTable {
	t := cellTable{n: n, cells: cells}
	for _, s := range cells {
		if s != "" {
			t.withText++
			t.textLen += len(s)
		}
	}
	return t
}

// keptTables appends the outermost tables of n (by name: trafilatura
// renames nodes without updating DataAtom).
func keptTables(n *html.Node, out []*html.Node) []*html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.Data == "table" {
			out = append(out, c)
			continue
		}
		out = keptTables(c, out)
	}
	return out
}

// cellKeys appends the letterKey of each cell of table t, in order,
// skipping the cells of tables inside it.
func cellKeys(t *html.Node, out []string) []string {
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.Data == "table" {
			continue
		}
		if isCell(c) {
			out = append(out, letterKey(textOf(c)))
			continue
		}
		out = cellKeys(c, out)
	}
	return out
}

// cutCopyOf: kept (a kept table's cells) is table's cells (a page table)
// cut short: each kept cell, in order, is the start of a source cell (an
// empty one of any), the source holds more text than they do (a cell cut
// or dropped), and the kept cells are cfg.CutTableCells of the source's
// cells with text or more (a table trafilatura kept but a few cells of;
// not a small table that happens to begin like a part of a large one).
func cutCopyOf(kept []string, table cellTable, cfg *config) bool {
	source := table.cells
	if len(kept) == 0 || len(kept) > len(source) {
		return false
	}
	if float64(len(kept)) < cfg.CutTableCells*float64(table.withText) {
		return false
	}
	keptLen, j := 0, 0
	for _, k := range kept {
		for j < len(source) && !strings.HasPrefix(source[j], k) {
			j++
		}
		if j == len(source) {
			return false
		}
		keptLen += len(k)
		j++
	}
	return keptLen < table.textLen
}
