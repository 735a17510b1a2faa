package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools"
)

// A one-shot subcommand's flags are checked here, before any server is
// built: a value out of range, or a flag the subcommand does not take, is a
// usage error (exit 2) named by its flag, as a person typed it.

// commandFlags are the one-shot flags each subcommand takes.
var commandFlags = map[string][]string{
	"search":   {"json", "max-results", "recency"},
	"browse":   {"json", "offset", "max-chars", "render", "query"},
	"research": {"json", "max-pages", "time-budget"},
}

// commandHelp is each subcommand's --help text.
var commandHelp = map[string]string{
	"search": fmt.Sprintf(`Usage: deepresearch-mcp [flags] search QUERY...
Run web_search once and print the results. The words of QUERY are joined.
  --max-results N   how many results, %d to %d (default %d)
  --recency R       only results from the last day, week, month or year
  --json            print the structured content
`, tools.MinSearchResults, tools.MaxSearchResults, tools.DefaultSearchResults),
	"browse": fmt.Sprintf(`Usage: deepresearch-mcp [flags] browse URL
Run browse_page once on one URL and print the page as Markdown.
  --max-chars N     characters to show, %d to %d (default %d)
  --offset N        start at this character (the next_offset of a previous read)
  --query TEXT      show the passages about TEXT first
  --render MODE     auto (default), always (Chromium) or never (plain HTTP)
  --json            print the structured content
`, tools.MinMaxChars, tools.MaxMaxChars, tools.DefaultMaxChars),
	"research": fmt.Sprintf(`Usage: deepresearch-mcp [flags] research QUESTION...
Run deep_research once and print the evidence with its sources.
  --max-pages N     most pages to read, %d to %d (default %d)
  --time-budget S   seconds to spend, %d to %d (default %d)
  --json            print the structured content
`, tools.MinResearchPages, tools.MaxResearchPages, tools.DefaultResearchPages, tools.MinTimeBudgetS, tools.MaxTimeBudgetS, tools.DefaultTimeBudgetS),
}

// checkCommand validates the one-shot flags given for cmd (cmd is "" when
// serving, which takes none of them) and the positional arguments.
func checkCommand(fs *flag.FlagSet, o *options, cmd string, rest []string) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	allowed := commandFlags[cmd]
	for _, list := range commandFlags {
		for _, name := range list {
			if !given[name] || slices.Contains(allowed, name) {
				continue
			}
			if cmd == "" {
				return fmt.Errorf("--%s is an option of the one-shot commands (%s), not of the server", name, strings.Join(commandsWith(name), ", "))
			}
			return fmt.Errorf("--%s does not apply to %s (it is an option of %s); see deepresearch-mcp %s --help", name, cmd, strings.Join(commandsWith(name), ", "), cmd)
		}
	}
	if cmd == "" {
		return nil
	}
	if len(rest) == 0 || strings.TrimSpace(strings.Join(rest, " ")) == "" {
		return fmt.Errorf("%s needs an argument, e.g. deepresearch-mcp %s %s", cmd, cmd, oneShotTools[cmd].example)
	}
	if cmd == "browse" && len(rest) > 1 {
		return fmt.Errorf("browse reads one URL (got %d: %s); run it once per page", len(rest), strings.Join(rest, " "))
	}
	for _, r := range []struct {
		flag   string
		v      int
		lo, hi int
	}{
		{"max-results", o.maxResults, tools.MinSearchResults, tools.MaxSearchResults},
		{"max-chars", o.maxChars, tools.MinMaxChars, tools.MaxMaxChars},
		{"offset", o.offset, 0, 1 << 30},
		{"max-pages", o.maxPages, tools.MinResearchPages, tools.MaxResearchPages},
		{"time-budget", o.timeBudget, tools.MinTimeBudgetS, tools.MaxTimeBudgetS},
	} {
		if given[r.flag] && (r.v < r.lo || r.v > r.hi) {
			if r.flag == "offset" {
				return fmt.Errorf("--offset must be 0 or more (got %d)", r.v)
			}
			return fmt.Errorf("--%s must be between %d and %d (got %d)", r.flag, r.lo, r.hi, r.v)
		}
	}
	for _, e := range []struct {
		flag, v string
		want    []string
	}{
		{"render", o.render, []string{"auto", "always", "never"}},
		{"recency", o.recency, []string{"day", "week", "month", "year"}},
	} {
		if given[e.flag] && !slices.Contains(e.want, strings.ToLower(strings.TrimSpace(e.v))) {
			return fmt.Errorf("--%s must be %s (got %q)", e.flag, strings.Join(e.want, ", "), e.v)
		}
	}
	if given["query"] && strings.TrimSpace(o.query) == "" {
		return fmt.Errorf("--query needs some text (or leave it out)")
	}
	return nil
}

func commandsWith(flagName string) []string {
	var out []string
	for _, cmd := range []string{"search", "browse", "research"} {
		if slices.Contains(commandFlags[cmd], flagName) {
			out = append(out, cmd)
		}
	}
	return out
}

func printCommandUsage(w io.Writer, cmd string) {
	fmt.Fprint(w, commandHelp[cmd])
	fmt.Fprint(w, "\nServer settings (--search, --searxng-url, ...) apply too; see deepresearch-mcp --help.\nExit status: 0 ok, 1 the tool failed, 2 usage error.\n")
}
