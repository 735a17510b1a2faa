package research

import (
	"context"
	"sync"
)

// The reading schedule. Pages are numbered in the order they are chosen
// and their reports are taken in that order, each as soon as it and every
// page before it are in (a slow page holds back only the decisions after
// it, not a whole round). Page n is chosen once exactly need(n) reports are
// in: the first wave on the search results alone, every later page
// ReadAhead reports behind. Follow-up searches run at fixed report counts.
// So every decision is made on the same information whichever page
// finishes first: the evidence depends on the web and the question, not on
// timing, while up to ReadAhead pages are read at once.

// need is how many reports are in before page n is chosen.
func (r *run) need(n int) int {
	first := r.firstWave()
	if n < first {
		return 0
	}
	return max(first, n-max(1, r.p.ReadAhead)+1)
}

func (r *run) firstWave() int {
	return max(1, min(firstWaveFor(r.plan, r.p), r.req.MaxPages/2))
}

// checkpoint reports whether the regular follow-up searches are chosen
// after the done-th report: at the end of the first wave, then every
// RoundPages reports.
func (r *run) checkpoint(done int) bool {
	first := r.firstWave()
	return done == first || (done > first && (done-first)%max(1, r.p.RoundPages) == 0)
}

// readLoop is the coordinator: it starts pages as the schedule allows,
// takes their reports in order, runs the hop and follow-up searches they
// lead to, and stops when the page budget is spent, the frontier is empty,
// or every hop of the question has its evidence.
func (r *run) readLoop(ctx context.Context) {
	rctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel()
	tabs := make(chan struct{}, max(1, r.e.maxTabs))
	hosts := map[string]chan struct{}{}
	var reports []chan pageDone
	start := func() bool {
		it := r.next()
		if it == nil {
			return false
		}
		idx := r.startPage(*it)
		ch := make(chan pageDone, 1)
		reports = append(reports, ch)
		h := hostOf(it.url)
		if hosts[h] == nil {
			hosts[h] = make(chan struct{}, max(1, r.e.hostLimit(it.url)))
		}
		host := hosts[h]
		r.report("reading " + it.url)
		wg.Go(func() {
			ch <- r.readScheduled(rctx, idx, *it, host, tabs)
		})
		return true
	}
	done := 0
	for {
		for !r.stoppedEarly && len(reports) < r.req.MaxPages && done >= r.need(len(reports)) && ctx.Err() == nil {
			if !start() {
				break
			}
		}
		if done == len(reports) {
			return // nothing in flight, nothing left to start
		}
		r.pageFinished(<-reports[done])
		done++
		if ctx.Err() != nil {
			r.cutShort = true
			continue // the rest report the deadline; take them as they come
		}
		if done < r.firstWave() {
			continue
		}
		var qs []proposal
		if len(reports) < r.req.MaxPages && !r.stoppedEarly {
			qs = append(append(r.takeNameChecks(), r.takeNextPages()...), r.advanceChains(true)...)
			if r.checkpoint(done) {
				qs = append(qs, r.followUpQueries()...)
			}
		}
		r.runSearches(ctx, qs)
		r.rankHopReads()
		if !r.stoppedEarly && r.everyHopAnswered() {
			// No new pages; those already chosen are still taken (they
			// were chosen on the same information whatever the timing).
			r.stoppedEarly = true
			r.report("every hop has evidence: stopping early")
		}
	}
}

// readScheduled reads one page within the host's and the tabs' bounds.
func (r *run) readScheduled(ctx context.Context, idx int, it item, host, tabs chan struct{}) pageDone {
	select {
	case host <- struct{}{}:
	case <-ctx.Done():
		return pageDone{idx: idx, err: ctx.Err()}
	}
	defer func() { <-host }()
	select {
	case tabs <- struct{}{}:
	case <-ctx.Done():
		return pageDone{idx: idx, err: ctx.Err()}
	}
	defer func() { <-tabs }()
	d := r.readOne(ctx, idx, it)
	r.mu.Lock()
	r.pagesDone++
	r.mu.Unlock()
	r.report("read " + it.url)
	return d
}

// runSearches runs follow-up searches at once and merges their answers in
// the order they were asked.
func (r *run) runSearches(ctx context.Context, qs []proposal) {
	answers := make([]searchDone, len(qs))
	var wg sync.WaitGroup
	for i, q := range qs {
		depth := r.pages[q.from].depth + 1
		wg.Go(func() { answers[i] = r.searchOne(ctx, q, depth) })
	}
	wg.Wait()
	for _, a := range answers {
		r.searchFinished(a)
	}
}
