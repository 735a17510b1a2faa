package browser

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/go-rod/rod/lib/cdp"
	"github.com/go-rod/rod/lib/proto"
)

// A browser that does not answer a trivial command within probeTimeout,
// probeStrikes times in a row, is wedged (a hostile page can keep its UI
// thread busy for minutes): it is killed (local) or dropped (remote) and
// replaced on the next render, instead of failing every render of every
// client meanwhile. A browser that is only slow (eight tabs opening at once
// on a loaded machine take it seconds to answer) must not be killed: hence
// 3 x 5 s. Tests shorten them (Pool.probeTimeout, Pool.probeStrikes).
const (
	probeEvery   = 2 * time.Second
	probeTimeout = 5 * time.Second
	probeStrikes = 3
)

// errUnresponsive is why a wedged browser was replaced.
var errUnresponsive = errors.New("the browser stopped answering DevTools commands")

// probe checks the browser's health until it dies. suspect (a render
// whose DevTools call timed out) makes it check at once.
func (in *instance) probe() {
	tick := time.NewTicker(probeEvery)
	defer tick.Stop()
	strikes := 0
	for {
		select {
		case <-in.dead:
			return
		case <-tick.C:
		case <-in.suspicion:
		}
		if in.ping() {
			strikes = 0
			continue
		}
		if in.isDead() {
			return
		}
		if strikes++; strikes < in.pool.probeStrikes {
			continue
		}
		silent := in.pool.probeTimeout * time.Duration(in.pool.probeStrikes)
		in.pool.log.Warn("browser unresponsive: replacing it", "browser", in.name, "silent", silent)
		in.pool.nWedged.Add(1)
		in.markDead(fmt.Errorf("%w for %s", errUnresponsive, fmtDur(silent)))
		if in.launcher != nil {
			in.kill()
		} else if in.ws != nil {
			_ = in.ws.Close()
		}
		return
	}
}

// ping is one Browser.getVersion within probeTimeout.
func (in *instance) ping() bool {
	ctx, cancel := context.WithTimeout(context.Background(), in.pool.probeTimeout)
	defer cancel()
	_, err := proto.BrowserGetVersion{}.Call(in.browser(ctx))
	return err == nil
}

// suspect asks the probe to check now (non-blocking).
func (in *instance) suspect() {
	select {
	case in.suspicion <- struct{}{}:
	default:
	}
}

// load decodes an event's parameters into v.
func load(e *cdp.Event, v any) bool {
	return json.Unmarshal(e.Params, v) == nil
}
