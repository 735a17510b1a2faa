package browser

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/go-rod/rod/lib/cdp"
	"github.com/go-rod/rod/lib/launcher"
	"github.com/go-rod/rod/lib/proto"
)

// instance is one browser: launched here (launcher != nil) or remote.
type instance struct {
	pool     *Pool
	name     string
	launcher *launcher.Launcher
	dir      string // profile directory of a local browser

	ws      *cdp.WebSocket
	conn    *cdp.Client // renders talk over it directly (see session)
	events  *router     // the connection's events, per tab session
	ua      string
	uaMeta  *proto.EmulationUserAgentMetadata
	product string

	spares  *spares      // tabs opened ahead (spare.go); nil: none
	active  atomic.Int64 // renders using it (least-busy choice)
	closing atomic.Bool  // shutdown asked: losing it is expected

	dead       chan struct{}
	deadOnce   sync.Once
	deadErr    error         // why it died; set before dead is closed
	exited     chan struct{} // local: process gone and profile removed
	eventsDone chan struct{} // event watcher ended (connection closed)
	suspicion  chan struct{} // asks the health probe to check now

	mu   sync.Mutex
	tabs map[*tab]struct{}
}

func newInstance(p *Pool, name string, l *launcher.Launcher, dir string) *instance {
	in := &instance{
		pool: p, name: name, launcher: l, dir: dir,
		dead:       make(chan struct{}),
		exited:     make(chan struct{}),
		eventsDone: make(chan struct{}),
		suspicion:  make(chan struct{}, 1),
		tabs:       map[*tab]struct{}{},
	}
	if l == nil {
		close(in.exited)
	}
	return in
}

func (in *instance) isDead() bool {
	select {
	case <-in.dead:
		return true
	default:
		return false
	}
}

// markDead fails every render on this browser; the pool replaces it on the
// next call. why becomes the cause of those renders' ErrBrowserGone.
func (in *instance) markDead(why error) {
	in.deadOnce.Do(func() {
		in.deadErr = why
		close(in.dead)
		if !in.closing.Load() {
			in.pool.nLost.Add(1)
			in.pool.log.Warn("browser lost", "browser", in.name, "why", why)
		}
		in.cancelAll(ErrBrowserGone)
	})
}

// deathCause is why the browser died (the DevTools connection error, the
// process exit), or nil while it lives.
func (in *instance) deathCause() error {
	if !in.isDead() {
		return nil
	}
	return in.deadErr
}

func (in *instance) cancelAll(cause error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	for t := range in.tabs {
		t.cancel(cause)
	}
}

func (in *instance) addTab(t *tab) {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.tabs[t] = struct{}{}
}

func (in *instance) removeTab(t *tab) {
	in.mu.Lock()
	defer in.mu.Unlock()
	delete(in.tabs, t)
}

// onCrash fails the render whose renderer died. Chromium reports it only
// on the browser session; the page's own calls would hang until deadline.
func (in *instance) onCrash(id proto.TargetTargetID, status string) {
	in.spares.onCrash(id)
	in.mu.Lock()
	defer in.mu.Unlock()
	for t := range in.tabs {
		if t.targetID() == id {
			in.pool.nCrashes.Add(1)
			// V8 running out of its capped heap ends as a plain crash (status
			// "crashed", SIGTRAP) like any other; only a renderer the OS
			// killed for memory says "oom".
			if strings.Contains(status, "oom") {
				t.cancel(errOutOfMemory)
			} else {
				t.cancel(ErrCrashed)
			}
		}
	}
}

// watchEvents routes the connection's events until it closes.
func (in *instance) watchEvents() {
	defer close(in.eventsDone)
	in.events.run(in.conn.Event())
	in.markDead(errConnClosed)
}

// onBrowserEvent handles events of the browser session itself: only a
// renderer crash matters (Chromium reports it there, with its reason).
func (in *instance) onBrowserEvent(e *cdp.Event) {
	if e.Method != "Target.targetCrashed" {
		return
	}
	var crashed proto.TargetTargetCrashed
	if load(e, &crashed) {
		in.onCrash(crashed.TargetID, crashed.Status)
	}
}

// browser is a session on the browser target bound to ctx.
func (in *instance) browser(ctx context.Context) session {
	return session{conn: in.conn, ctx: ctx}
}

// watchProcess waits for a local browser to exit, then removes its profile.
func (in *instance) watchProcess() {
	in.launcher.Cleanup() // waits for exit, removes the user-data-dir
	close(in.exited)
	in.markDead(errProcessExited)
}

// kill sends SIGKILL to the browser's process group (leakless guard,
// Chromium and the helpers that stayed in the group) and to Chromium.
func (in *instance) kill() bool {
	pid := in.launcher.PID()
	if pid <= 0 {
		return false
	}
	if pgid, err := syscall.Getpgid(pid); err == nil && pgid > 1 && pgid != syscall.Getpgrp() {
		_ = syscall.Kill(-pgid, syscall.SIGKILL)
	}
	return syscall.Kill(pid, syscall.SIGKILL) == nil
}

// shutdown closes the browser (local) or the connection (remote) and waits
// until nothing of it is left.
func (in *instance) shutdown() error {
	in.closing.Store(true)
	in.spares.stopAndDrain()
	if in.launcher != nil && in.conn != nil && !in.isDead() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		_ = proto.BrowserClose{}.Call(in.browser(ctx))
		cancel()
	}
	var err error
	if in.launcher != nil {
		select {
		case <-in.exited:
		case <-time.After(3 * time.Second):
			in.kill()
			select {
			case <-in.exited:
			case <-time.After(5 * time.Second):
				err = fmt.Errorf("close browser: process %d did not exit after SIGKILL", in.launcher.PID())
			}
		}
	}
	if in.ws != nil {
		_ = in.ws.Close()
		select {
		case <-in.eventsDone:
		case <-time.After(2 * time.Second):
			err = errors.Join(err, errors.New("close browser: DevTools connection did not close"))
		}
	}
	if in.dir != "" {
		_ = os.RemoveAll(in.dir)
	}
	in.markDead(errShutdown)
	return err
}
