package browser

import (
	"context"

	"github.com/go-rod/rod/lib/cdp"
	"github.com/go-rod/rod/lib/proto"
)

// session sends commands to one target (or to the browser when id is "")
// straight over the DevTools connection. Renders do not go through
// rod.Browser/rod.Page: rod.Browser.Call records every call's parameters
// in a map keyed by session and browser context that it never prunes,
// which grows with every render of a long-running server.
type session struct {
	conn *cdp.Client
	ctx  context.Context
	id   proto.TargetSessionID
}

var (
	_ proto.Client      = session{}
	_ proto.Contextable = session{}
	_ proto.Sessionable = session{}
)

func (s session) Call(ctx context.Context, sessionID, method string, params any) ([]byte, error) {
	return s.conn.Call(ctx, sessionID, method, params)
}

func (s session) GetContext() context.Context { return s.ctx }

func (s session) GetSessionID() proto.TargetSessionID { return s.id }

// with returns the session bound to ctx for the next calls.
func (s session) with(ctx context.Context) session {
	s.ctx = ctx
	return s
}
