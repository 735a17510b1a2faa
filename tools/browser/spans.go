package browser

import (
	"sync"
	"time"
)

// Phase is one timed step of a render (Rendered.Phases): where the time
// of a render goes, for the log, benchmarks and profiles.
type Phase struct {
	Name string
	D    time.Duration
}

// Phase names, in render order.
const (
	spanTab      = "wait-tab"   // waiting for a free tab slot
	spanContext  = "context"    // incognito browser context
	spanTarget   = "target"     // the tab and its DevTools session
	spanSetup    = "setup"      // domains, identity, blocked types, probe script
	spanNavigate = "navigate"   // Page.navigate until the document committed
	spanWait     = "wait"       // waiting for the content to settle
	spanLate     = "after-load" // of which: after the load event (what waiting for late content costs)
	spanSnapshot = "snapshot"   // serialising the DOM, hidden-element pass included
	spanHidden   = "hidden"     // of which: deciding what is hidden (measured in the page)
	spanSpare    = "spare"      // taking a tab opened ahead (instead of context, target, setup)
	spanClose    = "close"      // closing the tab and disposing its context
)

// spans records phases as they end.
type spans struct {
	mu   sync.Mutex
	last time.Time
	list []Phase
}

func newSpans() *spans { return &spans{last: time.Now()} }

// end closes the phase that started at the previous end.
func (s *spans) end(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	s.list = append(s.list, Phase{name, now.Sub(s.last)})
	s.last = now
}

// add records a phase measured elsewhere (not moving the clock).
func (s *spans) add(name string, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.list = append(s.list, Phase{name, d})
}

func (s *spans) phases() []Phase {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Phase(nil), s.list...)
}
