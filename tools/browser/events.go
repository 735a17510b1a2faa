package browser

import (
	"sync"

	"github.com/go-rod/rod/lib/cdp"
)

// maxQueuedEvents bounds the events one tab may have waiting for its
// handler. A page that produces them faster than we handle them (a history
// or console flood) fails its own render; it never slows the connection
// the other tabs share.
const maxQueuedEvents = 20000

// router reads the DevTools connection and hands each event to the tab
// session it belongs to. It never blocks on a tab: events are queued per
// session, so one tab's flood cannot delay another tab's events or any
// command's response (they arrive on the same socket, read by one loop).
type router struct {
	mu    sync.Mutex
	subs  map[string]*eventQueue // by session id
	onAny func(*cdp.Event)       // browser-session events (no session id)
}

func newRouter() *router { return &router{subs: map[string]*eventQueue{}} }

// run reads events until the connection closes.
func (r *router) run(events <-chan *cdp.Event) {
	for e := range events {
		if e.SessionID == "" {
			if r.onAny != nil {
				r.onAny(e)
			}
			continue
		}
		r.mu.Lock()
		q := r.subs[e.SessionID]
		r.mu.Unlock()
		if q != nil {
			q.push(e)
		}
	}
	r.mu.Lock()
	for id, q := range r.subs {
		q.close()
		delete(r.subs, id)
	}
	r.mu.Unlock()
}

// subscribe returns the queue of session id's events; unsubscribe with
// drop. Subscribing after the router ended returns a closed queue.
func (r *router) subscribe(id string) *eventQueue {
	q := newEventQueue()
	r.mu.Lock()
	r.subs[id] = q
	r.mu.Unlock()
	return q
}

func (r *router) drop(id string) {
	r.mu.Lock()
	q := r.subs[id]
	delete(r.subs, id)
	r.mu.Unlock()
	if q != nil {
		q.close()
	}
}

// eventQueue is an unblocking, bounded FIFO of one session's events.
type eventQueue struct {
	mu       sync.Mutex
	items    []*cdp.Event
	closed   bool
	overflow bool
	ready    chan struct{} // one token when items or closed changed
}

func newEventQueue() *eventQueue { return &eventQueue{ready: make(chan struct{}, 1)} }

func (q *eventQueue) push(e *cdp.Event) {
	q.mu.Lock()
	switch {
	case q.closed || q.overflow:
	case len(q.items) >= maxQueuedEvents:
		q.overflow, q.items = true, nil
	default:
		q.items = append(q.items, e)
	}
	q.mu.Unlock()
	q.signal()
}

func (q *eventQueue) close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.signal()
}

func (q *eventQueue) signal() {
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// take returns the queued events (nil when none), whether the queue
// overflowed, and whether it is closed.
func (q *eventQueue) take() (batch []*cdp.Event, overflow, closed bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	batch, q.items = q.items, nil
	return batch, q.overflow, q.closed
}
