package research

import (
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browser"
)

// Defaults applied by Run to zero fields of a Request. The tool layer may
// pass its own values; these are the ones the benchmark was tuned with.
const (
	DefaultMaxPages   = 20
	DefaultMaxDepth   = 2
	DefaultTimeBudget = 60 * time.Second
	// DefaultMaxEvidenceTokens leaves a margin under the 1,200-token
	// evidence target: assembly widens quotes until the budget is full.
	DefaultMaxEvidenceTokens = 1150
	// DefaultMaxTabs is used when New is given maxTabs <= 0: as many
	// pages read at once as the browser has tabs.
	DefaultMaxTabs = browser.DefaultMaxTabs
	// DefaultPerHost bounds concurrent reads from one remote host, to be
	// polite. Loopback hosts (the operator's own) are bounded by maxTabs only.
	DefaultPerHost = 2
)

// assembleReserve is kept back from the deadline to assemble the answer.
const assembleReserve = 300 * time.Millisecond
