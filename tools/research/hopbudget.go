package research

// What the decomposition tells the walk: how many searches its bridges may
// take, and how many pages and steps its chain may spend.

// chainLength is the number of hops a question chains (0 for comparisons:
// each side is researched on its own, with no chain).
func chainLength(p *Plan) int {
	if p == nil || p.Comparison {
		return 0
	}
	return len(p.Hops)
}

// hopSearchBudget is the hop searches a task's chains may run: more for a
// longer chain, never fewer than MaxHopSearches.
func hopSearchBudget(p *Plan, params *Params) int {
	return params.MaxHopSearches + params.HopSearchesPerHop*max(0, chainLength(p)-2)
}

// firstWaveFor is the first wave of pages read on the planned searches
// alone: FirstWave, or LongChainFirstWave (when set) for a chain of three
// hops or more, whose pages come from its hop searches, not from the
// question's own search.
func firstWaveFor(p *Plan, params *Params) int {
	if params.LongChainFirstWave > 0 && chainLength(p) >= 3 {
		return params.LongChainFirstWave
	}
	return params.FirstWave
}

// hopStepBudget is the longest walk of a chain: MaxHops, or one step more
// than the decomposition's hops when that is longer (a hop asking for a
// county may take a step through the town first).
func hopStepBudget(p *Plan, params *Params) int {
	return max(params.MaxHops, chainLength(p)+1)
}
