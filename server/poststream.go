package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"sync"

	"github.com/mark3labs/mcp-go/mcp"
	mcpserver "github.com/mark3labs/mcp-go/server"
)

// mcp-go serves every POST of a session from the session's one notification
// channel, and every POST stream in flight as well as the standalone GET
// stream read from it: a call's progress ends up spread over all of them and
// arrives out of order. A tool call over HTTP therefore gets a session of
// its own for notifications (streamSession), and postStream writes them on
// the call's own POST response, before its result and never after it, or
// not at all once the client has cancelled the call.

// streamSession is the client's session as one call sees it: everything is
// the session's, except that notifications go to the call's own stream.
type streamSession struct {
	mcpserver.ClientSession
	notes chan mcp.JSONRPCNotification
}

func (s *streamSession) NotificationChannel() chan<- mcp.JSONRPCNotification { return s.notes }

// The log level is the session's (logging/setLevel).
func (s *streamSession) SetLogLevel(l mcp.LoggingLevel) {
	if b, ok := s.ClientSession.(mcpserver.SessionWithLogging); ok {
		b.SetLogLevel(l)
	}
}

func (s *streamSession) GetLogLevel() mcp.LoggingLevel {
	if b, ok := s.ClientSession.(mcpserver.SessionWithLogging); ok {
		return b.GetLogLevel()
	}
	return mcp.LoggingLevelEmergency
}

type postStreamKey struct{}

// withStreamSession is the HTTP context function: a tool call's handler sees
// its streamSession.
func withStreamSession(srv *mcpserver.MCPServer) mcpserver.HTTPContextFunc {
	return func(ctx context.Context, r *http.Request) context.Context {
		ps, _ := r.Context().Value(postStreamKey{}).(*postStream)
		base := mcpserver.ClientSessionFromContext(ctx)
		if ps == nil || base == nil {
			return ctx
		}
		return srv.WithContext(ctx, &streamSession{ClientSession: base, notes: ps.notes})
	}
}

// postStream is the http.ResponseWriter mcp-go writes one call's response
// to. Notifications the handler sends turn the response into an SSE stream
// (the spec allows it for any request); mcp-go's JSON response is then
// written as the stream's last event.
type postStream struct {
	w     http.ResponseWriter
	call  *call
	notes chan mcp.JSONRPCNotification
	gap   progressGap

	mu      sync.Mutex
	hdr     http.Header // mcp-go's headers
	status  int
	started bool // the real response's headers are sent
	sse     bool // ... and it is an SSE stream
	done    chan struct{}
	pumped  chan struct{}
}

func newPostStream(w http.ResponseWriter, c *call) *postStream {
	ps := &postStream{w: w, call: c, notes: make(chan mcp.JSONRPCNotification, 100), hdr: http.Header{}, done: make(chan struct{}), pumped: make(chan struct{})}
	go ps.pump()
	return ps
}

func (ps *postStream) pump() {
	defer close(ps.pumped)
	for {
		select {
		case n := <-ps.notes:
			ps.mu.Lock()
			ps.noteLocked(n)
			ps.mu.Unlock()
		case <-ps.done:
			return
		}
	}
}

// noteLocked writes a notification as an SSE event, unless the call was
// cancelled or its response is already written.
func (ps *postStream) noteLocked(n mcp.JSONRPCNotification) {
	if ps.call.Dropped() || (ps.started && !ps.sse) {
		return
	}
	b, err := json.Marshal(n)
	if err != nil {
		return
	}
	if !ps.started {
		ps.startSSELocked()
	}
	fmt.Fprintf(ps.w, "event: message\ndata: %s\n\n", b)
	ps.flushLocked()
	if n.Method == "notifications/progress" {
		ps.gap.sent()
	}
}

func (ps *postStream) drainLocked() {
	for {
		select {
		case n := <-ps.notes:
			ps.noteLocked(n)
		default:
			return
		}
	}
}

func (ps *postStream) startSSELocked() {
	h := ps.w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	ps.w.WriteHeader(http.StatusOK)
	ps.started, ps.sse = true, true
}

func (ps *postStream) flushLocked() {
	if f, ok := ps.w.(http.Flusher); ok {
		f.Flush()
	}
}

func (ps *postStream) Header() http.Header { return ps.hdr }

func (ps *postStream) WriteHeader(code int) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if ps.status == 0 {
		ps.status = code
	}
}

// Write takes mcp-go's bytes: the response (JSON), an SSE event of its own,
// or an HTTP error.
func (ps *postStream) Write(p []byte) (int, error) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if ps.call.Dropped() {
		return len(p), nil
	}
	ps.drainLocked() // what the handler sent before returning comes first
	ct, _, _ := mime.ParseMediaType(ps.hdr.Get("Content-Type"))
	switch {
	case !ps.started:
		for k, v := range ps.hdr {
			ps.w.Header()[k] = v
		}
		status := ps.status
		if status == 0 {
			status = http.StatusOK
		}
		ps.w.WriteHeader(status)
		ps.started, ps.sse = true, ct == "text/event-stream"
	case ps.sse && ct != "text/event-stream":
		// The JSON response becomes the stream's last event.
		ps.mu.Unlock()
		ps.gap.wait()
		ps.mu.Lock()
		if ps.call.Dropped() {
			return len(p), nil
		}
		fmt.Fprintf(ps.w, "event: message\ndata: %s\n\n", bytes.TrimSpace(p))
		ps.flushLocked()
		return len(p), nil
	}
	n, err := ps.w.Write(p)
	ps.flushLocked()
	return n, err
}

func (ps *postStream) Flush() {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if ps.started {
		ps.flushLocked()
	}
}

// Unwrap lets http.ResponseController (write deadlines) reach the connection.
func (ps *postStream) Unwrap() http.ResponseWriter { return ps.w }

// close ends the stream once mcp-go is done with it. A call cancelled
// before anything was written gets an empty event stream: a response the
// client can read that carries no message.
func (ps *postStream) close() {
	close(ps.done)
	<-ps.pumped
	ps.mu.Lock()
	defer ps.mu.Unlock()
	switch {
	case ps.started:
	case ps.call.Dropped():
		ps.startSSELocked()
	default:
		for k, v := range ps.hdr {
			ps.w.Header()[k] = v
		}
		if ps.status != 0 {
			ps.w.WriteHeader(ps.status)
		}
	}
}
