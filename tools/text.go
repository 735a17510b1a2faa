package tools

// The text each tool returns for the model. Only what the server says stays
// outside the fence; everything a page wrote (titles, snippets, content,
// link texts, quotes) goes inside it.

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

func webSearchText(out WebSearchOutput) string {
	var b strings.Builder
	if len(out.Results) == 0 {
		fmt.Fprintf(&b, "No results for %q (search engine: %s). Try broader or different words, or fewer domain filters.\n", out.Query, out.Provider)
		return b.String()
	}
	fmt.Fprintf(&b, "%d results for %q (search engine: %s). Read a page with browse_page.\n", len(out.Results), out.Query, out.Provider)
	var list strings.Builder
	for _, r := range out.Results {
		fmt.Fprintf(&list, "%d. %s — %s\n", r.Rank, oneLine(r.Title, 200), oneLine(r.URL, 2000))
		if r.Published != "" {
			fmt.Fprintf(&list, "   published %s\n", oneLine(r.Published, 40))
		}
		if s := oneLine(r.Snippet, 600); s != "" {
			fmt.Fprintf(&list, "   %s\n", s)
		}
	}
	b.WriteString(fenceWarning + "\n")
	b.WriteString(newFence().wrap(list.String()))
	return b.String()
}

func browsePageText(out BrowsePageOutput) string {
	var b strings.Builder
	// Outside the fence only what the server says; the page's own words
	// (title, byline, content, link texts) stay inside it.
	// The final URL is the server's (a redirect) or the page's
	// (history.replaceState): shown only in its re-serialised, encoded form.
	fmt.Fprintf(&b, "URL: %s\n", safeURL(out.FinalURL))
	if out.FinalURL != out.URL {
		fmt.Fprintf(&b, "Requested: %s (redirected)\n", safeURL(out.URL))
	}
	end := out.TotalChars
	if out.NextOffset != nil {
		end = *out.NextOffset
	}
	how := "fetched over HTTP"
	if out.Rendered {
		how = "rendered in Chromium"
	}
	if out.Cached {
		how += ", from cache"
	}
	switch {
	case out.passages:
		fmt.Fprintf(&b, "Showing the passages about %q: %d of the page's %d characters, from offset %d on (%s, %s); skipped text is marked.\n",
			oneLine(out.query, 200), utf8.RuneCountInString(out.Content), out.TotalChars, out.Offset, oneLine(out.ContentType, 100), how)
	default:
		fmt.Fprintf(&b, "Showing chars %d–%d of %d (%s, %s).\n", out.Offset, end, out.TotalChars, oneLine(out.ContentType, 100), how)
	}
	note := out.Note
	if out.passages {
		note = out.engineNote
	}
	if note != "" {
		fmt.Fprintf(&b, "Note: %s\n", oneLine(note, 700))
	}
	switch {
	case out.passages:
		b.WriteString("To read the whole page in order, call browse_page again with the same url and no query (offset=0, then each next_offset); that reads from the cache.\n")
	case out.NextOffset != nil:
		fmt.Fprintf(&b, "More follows: call browse_page again with offset=%d to read on.\n", *out.NextOffset)
	default:
		b.WriteString("This is the end of the page.\n")
	}
	var page strings.Builder
	title := oneLine(out.Title, 300)
	if title == "" {
		title = "(no title)"
	}
	fmt.Fprintf(&page, "Title: %s\n", title)
	if out.Byline != "" {
		fmt.Fprintf(&page, "By: %s\n", oneLine(out.Byline, 200))
	}
	if out.Published != "" {
		fmt.Fprintf(&page, "Published: %s\n", oneLine(out.Published, 60))
	}
	page.WriteString("\n")
	if strings.TrimSpace(out.Content) == "" {
		page.WriteString("(no readable text in this window)")
	} else {
		page.WriteString(out.Content)
	}
	f := newFence()
	b.WriteString(fenceWarning + "\n")
	b.WriteString(f.wrap(page.String()))
	if len(out.Links) > 0 {
		var links strings.Builder
		for i, l := range out.Links {
			if i == maxLinksInText {
				fmt.Fprintf(&links, "… and %d more links (see the structured content).\n", len(out.Links)-maxLinksInText)
				break
			}
			text := oneLine(l.Text, 100)
			if text == "" {
				text = "(no text)"
			}
			fmt.Fprintf(&links, "%d. %s — %s\n", l.N, text, oneLine(l.URL, 2000))
		}
		fmt.Fprintf(&b, "Links on the page (%d), numbered:\n", len(out.Links))
		b.WriteString(f.wrap(links.String()))
	}
	return b.String()
}

func deepResearchText(out DeepResearchOutput) string {
	var b strings.Builder
	f := newFence()
	fmt.Fprintf(&b, "Research: %s\n", oneLine(out.Question, 500))
	// Follow-up queries are built from page text: they are shown inside
	// the sources' fence (or a fence of their own), never outside.
	searches := ""
	if len(out.Queries) > 0 {
		searches = "Searches run: " + oneLine(strings.Join(out.Queries, " | "), 1000) + "\n"
	}
	if len(out.Evidence) == 0 {
		b.WriteString(noEvidenceText(out))
	} else {
		// Group by source, in order of each source's best passage.
		var order []int
		bySource := map[int][]ResearchEvidence{}
		for _, e := range out.Evidence {
			if _, seen := bySource[e.Source]; !seen {
				order = append(order, e.Source)
			}
			bySource[e.Source] = append(bySource[e.Source], e)
		}
		var ev strings.Builder
		for _, n := range order {
			first := bySource[n][0]
			fmt.Fprintf(&ev, "[%d] %s — %s\n", n, oneLine(first.Title, 200), oneLine(first.URL, 2000))
			for _, e := range bySource[n] {
				fmt.Fprintf(&ev, "%s\n\n", strings.TrimSpace(e.Quote))
			}
		}
		fmt.Fprintf(&b, "Evidence (%d passages from %d sources; cite them by [n]):\n", len(out.Evidence), len(order))
		b.WriteString(fenceWarning + "\n")
		b.WriteString(f.wrap(ev.String()))
	}
	if len(out.Sources) > 0 {
		// Titles are the pages' words: fenced like the evidence.
		var src strings.Builder
		src.WriteString(searches)
		for _, s := range out.Sources {
			line := fmt.Sprintf("[%d] %s — %s — %s", s.N, oneLine(s.Status, 20), oneLine(s.Title, 120), oneLine(s.URL, 2000))
			if s.Rendered {
				line += " (rendered)"
			}
			if s.Reason != "" {
				line += " — " + oneLine(s.Reason, 200)
			}
			src.WriteString(line + "\n")
		}
		fmt.Fprintf(&b, "Sources (%d pages tried), after the searches run:\n", len(out.Sources))
		b.WriteString(f.wrap(src.String()))
	} else if searches != "" {
		fmt.Fprintf(&b, "Searches run (%d), no pages tried:\n", len(out.Queries))
		b.WriteString(f.wrap(searches))
	}
	st := out.Stats
	fmt.Fprintf(&b, "Stats: %d searches, %d pages read, %d failed, %d from cache, %.1f s.\n", st.Searches, st.PagesRead, st.PagesFailed, st.CacheHits, float64(st.ElapsedMS)/1000)
	if !out.Complete {
		b.WriteString("complete: false — time budget ran out; the evidence above is what was gathered. Call again with a larger time_budget_s or narrower question for more.\n")
	}
	return b.String()
}

// noEvidenceText says why nothing was found: when domain filters were given
// they are the first suspect, and are named.
func noEvidenceText(out DeepResearchOutput) string {
	var filters []string
	if len(out.include) > 0 {
		filters = append(filters, "include_domains ["+oneLine(strings.Join(out.include, ", "), 300)+"]")
	}
	if len(out.exclude) > 0 {
		filters = append(filters, "exclude_domains ["+oneLine(strings.Join(out.exclude, ", "), 300)+"]")
	}
	if len(filters) == 0 {
		return "No evidence found that bears on the question. Try rewording it, adding queries, or a larger max_pages / time_budget_s.\n"
	}
	f := strings.Join(filters, " and ")
	if len(out.Sources) == 0 {
		return fmt.Sprintf("No evidence found: no page was read, because the domain filter %s left none of the search results. Widen or remove the filter, or add queries that find pages on those domains.\n", f)
	}
	return fmt.Sprintf("No evidence found that bears on the question among the pages the domain filter %s allowed. Widen or remove the filter, reword the question, or add queries.\n", f)
}
