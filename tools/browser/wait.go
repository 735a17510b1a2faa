package browser

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/go-rod/rod/lib/proto"
)

// Waiting for content. The snapshot is taken when the page is whole: its
// main frame finished loading, no request is in flight or ended less than
// netSettle ago, no short timer or fetch the page started is pending (see
// activityJS; so netSettle only has to cover what it cannot see), and the
// body has not changed for textSettle. A page that
// never finishes loading is taken after stallQuiet without any network
// activity; one that keeps changing (a ticker, a long poll) lateWaitMax
// after it loaded. The render budget bounds everything, keeping
// snapshotReserve (at most a quarter of it) for the snapshot.
const (
	pollEvery       = 30 * time.Millisecond  // for the first pollFastFor after commit
	pollSlow        = 100 * time.Millisecond // then: each poll costs the page main-thread time
	pollFastFor     = 600 * time.Millisecond
	netSettle       = 50 * time.Millisecond
	textSettle      = 60 * time.Millisecond
	stallQuiet      = 2 * time.Second
	lateWaitMax     = 5 * time.Second
	snapshotReserve = 2 * time.Second
	closeTimeout    = 3 * time.Second
	heapCheckEvery  = 300 * time.Millisecond
)

// activityJS runs in the page's main world before its scripts, in every
// document, and counts the work a page has promised but not done yet:
// setTimeout callbacks due within 2 s, requestAnimationFrame callbacks and
// the first report of an IntersectionObserver (set in the first 3 s of the
// document, at most two deep, so a polling or animation loop does not hold
// the snapshot back for ever), fetches until their promise settled (and a body read
// until it was parsed), XMLHttpRequests until loadend. The hooks are
// Proxies of the originals (toString still says native code), and the
// probe is a non-enumerable property whose name is random per pool. The
// probe also measures the body's text with the DOM getters captured
// before the page could replace them.
const activityJS = `(() => {
  const KEY = %q;
  if (Object.prototype.hasOwnProperty.call(window, KEY)) return;
  const now = performance.now.bind(performance);
  const born = now();
  const st = window.setTimeout, ct = window.clearTimeout;
  const textOf = Object.getOwnPropertyDescriptor(Node.prototype, "textContent").get;
  const bodyOf = Object.getOwnPropertyDescriptor(Document.prototype, "body").get;
  const stateOf = Object.getOwnPropertyDescriptor(Document.prototype, "readyState").get;
  const apply = Reflect.apply, construct = Reflect.construct, P = Proxy;
  let pending = 0, depth = 0;
  const live = new Map(), mapGet = Map.prototype.get, mapSet = Map.prototype.set, mapDel = Map.prototype.delete;
  const done = id => { if (apply(mapDel, live, [id])) pending--; };
  const later = () => apply(st, window, [() => { pending--; }, 0]);
  window.setTimeout = new P(st, {apply(target, self, args) {
    const fn = args[0], delay = Number(args[1]) || 0;
    if (typeof fn !== "function" || delay > 2000 || depth >= 2 || now() - born > 3000) return apply(target, self, args);
    const mine = depth + 1;
    let id;
    args[0] = function () { done(id); const prev = depth; depth = mine; try { return apply(fn, this, arguments); } finally { depth = prev; } };
    id = apply(target, self, args);
    apply(mapSet, live, [id, 1]); pending++;
    return id;
  }});
  window.clearTimeout = new P(ct, {apply(target, self, args) { done(args[0]); return apply(target, self, args); }});
  // Frame callbacks likewise (the same depth and age limits): a script that
  // writes on the next frame, or the one after, is waited for. One that
  // waits longer than rafWait for its frame counts no more (a browser
  // that makes no frames, a hidden page).
  const raf = window.requestAnimationFrame, caf = window.cancelAnimationFrame, frames = new Map();
  const mapEach = Map.prototype.forEach, rafWait = 1000;
  if (raf && caf) {
    window.requestAnimationFrame = new P(raf, {apply(target, self, args) {
      const fn = args[0];
      if (typeof fn !== "function" || depth >= 2 || now() - born > 3000) return apply(target, self, args);
      const mine = depth + 1;
      let id;
      args[0] = function () { apply(mapDel, frames, [id]); const prev = depth; depth = mine; try { return apply(fn, this, arguments); } finally { depth = prev; } };
      id = apply(target, self, args);
      apply(mapSet, frames, [id, now()]);
      return id;
    }});
    window.cancelAnimationFrame = new P(caf, {apply(target, self, args) { apply(mapDel, frames, [args[0]]); return apply(target, self, args); }});
  }
  // An IntersectionObserver reports each target it starts observing at the
  // next frame, however far away the target is: until it did, the page
  // may yet write what it shows when a section comes into view.
  const IO = window.IntersectionObserver;
  if (IO && IO.prototype) {
    const observe = IO.prototype.observe, disconnect = IO.prototype.disconnect;
    window.IntersectionObserver = new P(IO, {construct(target, args, newTarget) {
      const cb = args[0];
      if (typeof cb === "function") args[0] = function (entries, o) { apply(mapDel, frames, [o]); return apply(cb, this, arguments); };
      return construct(target, args, newTarget);
    }});
    IO.prototype.observe = new P(observe, {apply(target, self, args) {
      if (now() - born <= 3000) apply(mapSet, frames, [self, now()]);
      return apply(target, self, args);
    }});
    IO.prototype.disconnect = new P(disconnect, {apply(target, self, args) { apply(mapDel, frames, [self]); return apply(target, self, args); }});
  }
  const framesDue = () => { let n = 0; const t = now(); apply(mapEach, frames, [at => { if (t - at < rafWait) n++; }]); return n; };
  const track = p => { pending++; const end = () => { later(); }; apply(Promise.prototype.then, p, [end, end]); return p; };
  if (window.fetch) window.fetch = new P(window.fetch, {apply(target, self, args) { return track(apply(target, self, args)); }});
  if (window.Response) for (const m of ["json", "text"]) {
    const orig = Response.prototype[m];
    Response.prototype[m] = new P(orig, {apply(target, self, args) { return track(apply(target, self, args)); }});
  }
  if (window.XMLHttpRequest) {
    const send = XMLHttpRequest.prototype.send, on = EventTarget.prototype.addEventListener;
    XMLHttpRequest.prototype.send = new P(send, {apply(target, self, args) {
      pending++; apply(on, self, ["loadend", later, {once: true}]);
      try { return apply(target, self, args); } catch (e) { later(); throw e; }
    }});
  }
  // History floods (100k pushState calls) keep Chromium's browser process,
  // and so every other tab, busy: past 100 calls a document's state changes
  // are dropped. No page needs more to show its content.
  let hist = 0;
  for (const m of ["pushState", "replaceState"]) {
    const orig = History.prototype[m];
    History.prototype[m] = new P(orig, {apply(target, self, args) { if (++hist > 100) return; return apply(target, self, args); }});
  }
  // When the body's content last changed (not the head: a ticking title),
  // counting from DOMContentLoaded: what the parser and the page's inline
  // scripts wrote before it is the page as served, and what it wrote before
  // the load event is there at load. The observer is attached at load: a
  // subtree observer makes each DOM insertion cost the depth of the tree,
  // so a page building a 100k-deep DOM while it loads would take minutes.
  // Records are not walked: only a change of the title alone is told apart.
  // After each report the observer rests 20 ms, so a mutation storm costs
  // one callback per 20 ms.
  let changed = now(), loadedAt = -1;
  const listen = EventTarget.prototype.addEventListener;
  const nameOf = Object.getOwnPropertyDescriptor(Node.prototype, "nodeName").get;
  const parentOf = Object.getOwnPropertyDescriptor(Node.prototype, "parentNode").get;
  const opts = {childList: true, subtree: true, characterData: true};
  const inTitle = n => { const p = n && apply(parentOf, n, []); return (n && apply(nameOf, n, []) === "TITLE") || (p && apply(nameOf, p, []) === "TITLE"); };
  const mo = new MutationObserver(recs => {
    if (recs.length === 1 && inTitle(recs[0].target)) return;
    changed = now();
    mo.disconnect();
    apply(st, window, [() => mo.observe(document, opts), 20]);
  });
  apply(listen, document, ["DOMContentLoaded", () => { changed = now(); }, {once: true}]);
  apply(listen, window, ["load", () => { loadedAt = now(); mo.observe(document, opts); }, {once: true, capture: true}]);
  Object.defineProperty(window, KEY, {enumerable: false, value: () => {
    const b = apply(bodyOf, document, []);
    return {rs: apply(stateOf, document, []), len: b ? apply(textOf, b, []).length : 0, pend: pending + framesDue(), quiet: now() - changed,
            sinceLoad: loadedAt < 0 ? -1 : now() - loadedAt};
  }});
})()`

// newProbeKey names the page-world probe for one pool.
func newProbeKey() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return "__" + hex.EncodeToString(b[:])
}

// pageProbe is what the probe saw.
type pageProbe struct {
	ReadyState string  `json:"rs"`
	TextLen    int     `json:"len"`
	Pending    int     `json:"pend"`
	QuietMS    float64 `json:"quiet"`     // since the body's content last changed
	SinceLoad  float64 `json:"sinceLoad"` // since the load event, -1 before it
}

func (p *Pool) probeExpr() string {
	return fmt.Sprintf(`(() => { const f = window[%q]; return typeof f === "function" ? f() : null; })()`, p.probeKey)
}

// waitResult says how the wait ended.
type waitResult struct {
	settled bool          // the page was whole; false: a cap was reached first
	why     string        // for the log and Rendered.Wait
	late    time.Duration // from the load event to the end of the wait, as the page measured it
}

// waitContent polls the page until it is whole (see the constants), a cap
// passed, or ctx ends. It also stops a page whose JS heap passed the limit
// (by cancelling its tab with errOutOfMemory).
func (p *Pool) waitContent(ctx context.Context, page session, st *pageState, t *tab) (waitResult, error) {
	tick := time.NewTimer(pollEvery)
	defer tick.Stop()
	expr := p.probeExpr()
	var (
		lastLen   = -1
		lenSince  = time.Now()
		doneAt    time.Time // first seen complete
		lastHeap  time.Time
		heapLimit = float64(p.cfg.MaxHeapMB) * (1 << 20)
	)
	overHeap := func() bool {
		if heapLimit <= 0 {
			return false
		}
		lastHeap = time.Now()
		h, err := proto.RuntimeGetHeapUsage{}.Call(page.with(ctx))
		if err == nil && h.UsedSize > heapLimit {
			t.cancel(errOutOfMemory)
			return true
		}
		return false
	}
	var pr pageProbe
	settled := func(why string) (waitResult, error) {
		if overHeap() { // the page may be whole and still too big
			return waitResult{}, errOutOfMemory
		}
		return waitResult{settled: true, why: why, late: time.Duration(max(pr.SinceLoad, 0) * float64(time.Millisecond))}, nil
	}
	t0 := time.Now()
	for {
		loading, inflight, idle := st.network()
		pr = pageProbe{}
		r, err := proto.RuntimeEvaluate{Expression: expr, ReturnByValue: true}.Call(page.with(ctx))
		if err != nil && ctx.Err() != nil {
			return waitResult{}, ctx.Err()
		}
		ok := err == nil && r.ExceptionDetails == nil && r.Result.Value.Unmarshal(&pr) == nil && pr.ReadyState != ""
		now := time.Now()
		if ok && pr.TextLen != lastLen {
			lastLen, lenSince = pr.TextLen, now
		}
		complete := ok && pr.ReadyState == "complete" && !loading
		if complete && doneAt.IsZero() {
			doneAt = now
		} else if !complete {
			doneAt = time.Time{}
		}
		// Stable: no change in the body for textSettle (a page whole at load
		// last changed while it was parsed), or a text length that stayed
		// the same that long (a clock ticking in place).
		stable := ok && (pr.QuietMS >= float64(textSettle.Milliseconds()) || now.Sub(lenSince) >= textSettle)
		switch {
		case complete && inflight <= 0 && idle >= netSettle && pr.Pending <= 0 && stable:
			return settled("content settled")
		case idle >= stallQuiet && stable && pr.Pending <= 0:
			return settled("no network activity for " + fmtDur(stallQuiet))
		case !doneAt.IsZero() && now.Sub(doneAt) >= lateWaitMax:
			return waitResult{why: "still changing " + fmtDur(lateWaitMax) + " after load"}, nil
		}
		if now.Sub(lastHeap) >= heapCheckEvery && overHeap() {
			return waitResult{}, errOutOfMemory
		}
		next := pollEvery
		if time.Since(t0) > pollFastFor {
			next = pollSlow
		}
		if complete && inflight <= 0 && pr.Pending <= 0 {
			// Only time is missing: look again when it has passed, not
			// at the next poll.
			quiet := time.Duration(pr.QuietMS * float64(time.Millisecond))
			need := max(netSettle-idle, min(textSettle-quiet, textSettle-now.Sub(lenSince)), 0)
			next = min(next, need+time.Millisecond)
		}
		tick.Reset(next)
		select {
		case <-tick.C:
		case <-st.changed:
		case <-st.refused:
			return waitResult{settled: true, why: "refused by the egress proxy"}, nil
		case <-ctx.Done():
			return waitResult{}, ctx.Err()
		}
	}
}
