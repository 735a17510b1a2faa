package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"sync"
	"sync/atomic"

	"github.com/mark3labs/mcp-go/mcp"
	mcpserver "github.com/mark3labs/mcp-go/server"
)

// mcp-go keys its in-flight calls by fmt.Sprintf("%s:%v", session, id): the
// numeric id 61 and the string id "61" share a key, a second call with an id
// already in flight overwrites the first one's entry, and every sessionless
// (2026-07-28) request over HTTP shares the session "". The transports below
// therefore keep their own registry, keyed by session and the exact JSON-RPC
// id, and answer notifications/cancelled themselves.

// Why a call's context ended, as seen by context.Cause.
var (
	// errCancelledByClient: the client sent notifications/cancelled (or
	// ended its session). Nothing more is sent for the call.
	errCancelledByClient = errors.New("cancelled by the client")
	// errShuttingDown: the server is stopping; the call is still answered.
	errShuttingDown = errors.New("the server is shutting down")
)

// callKey names one request: its session and its exact id.
type callKey struct {
	session string
	id      string // idKey of the JSON-RPC id
}

// idKey is a JSON-RPC id as a map key that keeps its type: the number 61 is
// "n:61" and the string "61" is "s:61". ok is false for a missing or null id
// (a notification) and for anything that is not a valid id.
func idKey(raw json.RawMessage) (key string, ok bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", false
	}
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return "", false
		}
		return "s:" + s, true
	default:
		var n json.Number
		if json.Unmarshal(raw, &n) != nil {
			return "", false
		}
		return "n:" + n.String(), true
	}
}

// call is one request in flight.
type call struct {
	key callKey
	// onCancel, when set, is how the transport cancels the request (stdio
	// forwards a cancel to mcp-go under the relay's unique id).
	onCancel func(cause error)
	// dropped: the client cancelled the call; its response and any further
	// notification must not be sent.
	dropped atomic.Bool

	mu    sync.Mutex
	cause error
	tools []context.CancelCauseFunc // contexts of the call's tool handler
}

// Dropped reports whether nothing more may be sent for the call.
func (c *call) Dropped() bool { return c != nil && c.dropped.Load() }

// cancelWith ends the call's tool handler (and, over stdio, the request).
func (c *call) cancelWith(cause error) {
	c.mu.Lock()
	if c.cause == nil {
		c.cause = cause
	}
	fns := append([]context.CancelCauseFunc(nil), c.tools...)
	c.mu.Unlock()
	for _, f := range fns {
		f(cause)
	}
	if c.onCancel != nil {
		c.onCancel(cause)
	}
}

// attach derives the tool handler's context: cancelling the call ends it
// without ending the request's own context, so that mcp-go still writes
// the answer of a call cancelled by a shutdown.
func (c *call) attach(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancelCause(ctx)
	c.mu.Lock()
	if c.cause != nil {
		cancel(c.cause)
	} else {
		c.tools = append(c.tools, cancel)
	}
	c.mu.Unlock()
	return ctx, func() { cancel(nil) }
}

type callCtxKey struct{}

// withCall puts c in ctx for the tool middleware.
func withCall(ctx context.Context, c *call) context.Context {
	return context.WithValue(ctx, callCtxKey{}, c)
}

// callContext is the tool handler middleware that ties a handler's context
// to its call in the registry.
func callContext(next mcpserver.ToolHandlerFunc) mcpserver.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if c, ok := ctx.Value(callCtxKey{}).(*call); ok {
			var done context.CancelFunc
			ctx, done = c.attach(ctx)
			defer done()
		}
		return next(ctx, req)
	}
}

// calls is the registry of requests in flight on one transport.
type calls struct {
	mu    sync.Mutex
	byKey map[callKey][]*call
	n     int
	idle  chan struct{} // closed while n == 0; replaced when a call starts
}

func newCalls() *calls {
	idle := make(chan struct{})
	close(idle)
	return &calls{byKey: map[callKey][]*call{}, idle: idle}
}

// start registers a request; onCancel (may be nil) is called when it is
// cancelled. A second request with an id already in flight is registered
// beside the first: a cancel reaches both.
func (cs *calls) start(session string, id json.RawMessage, onCancel func(error)) *call {
	k, ok := idKey(id)
	if !ok {
		k = "" // cannot be cancelled by id; still counted for shutdown
	}
	c := &call{key: callKey{session: session, id: k}, onCancel: onCancel}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	cs.byKey[c.key] = append(cs.byKey[c.key], c)
	if cs.n == 0 {
		cs.idle = make(chan struct{})
	}
	cs.n++
	return c
}

// finish unregisters c once its handler has returned.
func (cs *calls) finish(c *call) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	list := cs.byKey[c.key]
	for i, x := range list {
		if x == c {
			list = append(list[:i], list[i+1:]...)
			cs.n--
			if cs.n == 0 {
				close(cs.idle)
			}
			break
		}
	}
	if len(list) == 0 {
		delete(cs.byKey, c.key)
	} else {
		cs.byKey[c.key] = list
	}
}

// cancelRequest answers notifications/cancelled: every call of session with
// exactly this id is cancelled and will send nothing more. It reports how
// many calls it reached; an unknown id (finished, never sent, or from
// another session) reaches none, which the spec allows.
func (cs *calls) cancelRequest(session string, id json.RawMessage) int {
	k, ok := idKey(id)
	if !ok {
		return 0
	}
	cs.mu.Lock()
	list := append([]*call(nil), cs.byKey[callKey{session: session, id: k}]...)
	cs.mu.Unlock()
	for _, c := range list {
		c.dropped.Store(true)
		c.cancelWith(errCancelledByClient)
	}
	return len(list)
}

// cancelSession cancels every call of an ended session; none is answered.
func (cs *calls) cancelSession(session string) {
	cs.mu.Lock()
	var list []*call
	for k, l := range cs.byKey {
		if k.session == session {
			list = append(list, l...)
		}
	}
	cs.mu.Unlock()
	for _, c := range list {
		c.dropped.Store(true)
		c.cancelWith(errCancelledByClient)
	}
}

// cancelAll cancels every call with cause; they are still answered.
func (cs *calls) cancelAll(cause error) {
	cs.mu.Lock()
	var list []*call
	for _, l := range cs.byKey {
		list = append(list, l...)
	}
	cs.mu.Unlock()
	for _, c := range list {
		c.cancelWith(cause)
	}
}

// idleChan is closed once no call is in flight.
func (cs *calls) idleChan() <-chan struct{} {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	return cs.idle
}

// inFlight is how many calls are registered.
func (cs *calls) inFlight() int {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	return cs.n
}
