package browser

import (
	"context"
	"sync"
	"time"

	"github.com/go-rod/rod/lib/proto"
)

// Spare tabs. On a warm browser most of a render's time went into opening
// its tab: a new incognito context, a target (Chromium starts a renderer
// process for it, as a renderer never serves two browser contexts) and
// the session's setup. So each browser keeps a few tabs opened ahead, each
// in a fresh context of its own, and a render takes one. A spare is used
// by one render only and disposed with it, so nothing (cookies, storage,
// cache, service workers) passes from one call to the next: a spare is
// exactly the tab the render would have opened itself, only earlier.
//
// The filler opens one spare at a time, in the background, after a render
// that took one ended (and once when the browser starts). Bounded: at most
// Config.SpareTabs ready or being opened per browser. A render that finds
// none ready waits for the one being opened (it is further along than a
// new one would be) unless another render already waits for it, and
// otherwise opens its own tab. Spares die with their browser: the filler
// stops when the browser dies or shuts down, and shutdown disposes the
// spares left before closing the browser.

// spareOpenTimeout bounds opening one spare.
const spareOpenTimeout = 20 * time.Second

// spareRetryAfter is the pause after a spare failed to open.
const spareRetryAfter = time.Second

// openedTab is a tab with its own browser context, attached and set up,
// whose events queue up until a render consumes them.
type openedTab struct {
	ctxID   proto.BrowserBrowserContextID
	target  proto.TargetTargetID
	session proto.TargetSessionID
	events  *eventQueue
}

type spares struct {
	in   *instance
	want int

	mu       sync.Mutex
	ready    []*openedTab
	crashed  map[proto.TargetTargetID]bool // ready spares whose renderer died
	building int                           // being opened now (0 or 1)
	waiters  []chan *openedTab             // renders waiting for the one being opened
	stopped  bool

	kick chan struct{}
	stop chan struct{}
	done chan struct{}
}

func newSpares(in *instance, want int) *spares {
	return &spares{in: in, want: want, crashed: map[proto.TargetTargetID]bool{},
		kick: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
}

// run is the filler; it ends when the browser dies or stopAndDrain is called.
func (s *spares) run() {
	defer close(s.done)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-s.stop:
		case <-s.in.dead:
		case <-ctx.Done():
		}
		cancel()
	}()
	for {
		if s.startBuilding() {
			octx, cancelOpen := context.WithTimeout(ctx, spareOpenTimeout)
			ot, err := s.in.pool.openTab(octx, s.in, nil)
			cancelOpen()
			if err != nil {
				s.failed()
				if ctx.Err() != nil {
					return
				}
				s.in.pool.log.Debug("opening a spare tab failed", "browser", s.in.name, "err", err)
				select {
				case <-time.After(spareRetryAfter):
				case <-ctx.Done():
					return
				}
				continue
			}
			if !s.put(ot) {
				s.in.pool.closeOpened(s.in, ot)
				return
			}
			continue
		}
		select {
		case <-s.kick:
		case <-ctx.Done():
			return
		}
	}
}

// startBuilding reserves the next spare to open, if one is wanted.
func (s *spares) startBuilding() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped || s.building > 0 || len(s.ready)+s.building >= s.want {
		return false
	}
	s.building++
	return true
}

// put hands a new spare to the first waiting render, else keeps it ready.
// false: the set was stopped meanwhile (the caller closes ot).
func (s *spares) put(ot *openedTab) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.building--
	if s.stopped {
		return false
	}
	if len(s.waiters) > 0 {
		ch := s.waiters[0]
		s.waiters = s.waiters[1:]
		ch <- ot // buffered
		return true
	}
	s.ready = append(s.ready, ot)
	return true
}

// failed ends a build that did not produce a spare: its waiter opens its own.
func (s *spares) failed() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.building--
	for _, ch := range s.waiters {
		ch <- nil
	}
	s.waiters = nil
}

// take returns a spare for a render, or nil: then the render opens its own
// tab. The render calls refill once it closed its tab.
func (s *spares) take(ctx context.Context) *openedTab {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	var dead []*openedTab
	defer func() {
		for _, ot := range dead {
			s.in.pool.closeOpened(s.in, ot)
		}
	}()
	for len(s.ready) > 0 {
		ot := s.ready[len(s.ready)-1]
		s.ready = s.ready[:len(s.ready)-1]
		if s.crashed[ot.target] {
			delete(s.crashed, ot.target)
			dead = append(dead, ot)
			continue
		}
		s.mu.Unlock()
		return ot
	}
	if s.stopped || s.building <= len(s.waiters) {
		s.mu.Unlock()
		return nil
	}
	ch := make(chan *openedTab, 1)
	s.waiters = append(s.waiters, ch)
	s.mu.Unlock()
	select {
	case ot := <-ch:
		return ot
	case <-ctx.Done():
	}
	s.mu.Lock()
	for i, w := range s.waiters {
		if w == ch {
			s.waiters = append(s.waiters[:i], s.waiters[i+1:]...)
			s.mu.Unlock()
			return nil
		}
	}
	s.mu.Unlock()
	// Handed over just as ctx ended: keep it for the next render.
	if ot := <-ch; ot != nil && !s.keep(ot) {
		dead = append(dead, ot)
	}
	return nil
}

// keep returns a spare nobody took to the ready list.
func (s *spares) keep(ot *openedTab) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped {
		return false
	}
	s.ready = append(s.ready, ot)
	return true
}

// refill asks the filler to replace the spares taken. Renders call it
// when they are done: the browser's UI thread opens windows and drives
// navigations one at a time, so a spare opened during a render's
// navigation would delay it (by ~150 ms, measured).
func (s *spares) refill() {
	if s == nil {
		return
	}
	select {
	case s.kick <- struct{}{}:
	default:
	}
}

// onCrash marks a ready spare whose renderer died; take discards it.
func (s *spares) onCrash(id proto.TargetTargetID) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ot := range s.ready {
		if ot.target == id {
			s.crashed[id] = true
		}
	}
}

// stopAndDrain stops the filler, waits for it and disposes the spares
// left (while the browser still answers).
func (s *spares) stopAndDrain() {
	if s == nil {
		return
	}
	s.mu.Lock()
	if !s.stopped {
		s.stopped = true
		close(s.stop)
	}
	left := s.ready
	s.ready = nil
	for _, ch := range s.waiters {
		ch <- nil
	}
	s.waiters = nil
	s.mu.Unlock()
	<-s.done
	for _, ot := range left {
		s.in.pool.closeOpened(s.in, ot)
	}
}

// count is how many spares are ready (tests).
func (s *spares) count() int {
	if s == nil {
		return 0
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.ready)
}
