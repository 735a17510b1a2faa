package tools

import (
	"context"
	"sync"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// heartbeat is how often the latest progress is re-sent while a call runs:
// clients that reset their timeout on progress keep waiting for a long call.
var heartbeat = 2 * time.Second // a var so tests can shorten it

// progress sends notifications/progress for one call. It is a no-op when the
// call carries no progress token. The spec wants each value to increase, so a
// re-send or a value at or below the last one is nudged just above it.
//
// Nothing relies on a final notification: mcp-go writes notifications on a
// separate path, and one sent right before the response can arrive after it.
type progress struct {
	ctx   context.Context
	srv   *server.MCPServer
	token mcp.ProgressToken

	mu       sync.Mutex
	last     float64
	total    float64
	message  string
	sent     bool
	lastSend time.Time

	stop chan struct{}
	done chan struct{}
}

// startProgress returns a reporter for req; call stop when the call ends.
func startProgress(ctx context.Context, req mcp.CallToolRequest) *progress {
	p := &progress{}
	if req.Params.Meta == nil || req.Params.Meta.ProgressToken == nil {
		return p
	}
	srv := server.ServerFromContext(ctx)
	if srv == nil {
		return p
	}
	p.ctx, p.srv, p.token = ctx, srv, req.Params.Meta.ProgressToken
	p.stop, p.done = make(chan struct{}), make(chan struct{})
	go p.beat()
	return p
}

func (p *progress) active() bool { return p != nil && p.srv != nil }

// report sends a progress update; total 0 means unknown.
func (p *progress) report(value, total float64, message string) {
	if !p.active() {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.sent && value <= p.last {
		value = p.last + 0.001
	}
	p.last, p.total, p.message = value, total, message
	p.sendLocked()
}

func (p *progress) sendLocked() {
	params := map[string]any{"progressToken": p.token, "progress": p.last}
	if p.total > 0 {
		params["total"] = p.total
	}
	if p.message != "" {
		params["message"] = p.message
	}
	p.sent = true
	p.lastSend = time.Now()
	// A full notification channel or a gone client is not the call's failure.
	_ = p.srv.SendNotificationToClient(p.ctx, "notifications/progress", params)
}

func (p *progress) beat() {
	defer close(p.done)
	t := time.NewTicker(heartbeat / 4)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-p.ctx.Done():
			return
		case <-t.C:
			p.mu.Lock()
			if p.sent && time.Since(p.lastSend) >= heartbeat*3/4 {
				p.last += 0.001
				p.sendLocked()
			}
			p.mu.Unlock()
		}
	}
}

// finish stops the heartbeat and waits for it.
func (p *progress) finish() {
	if !p.active() {
		return
	}
	close(p.stop)
	<-p.done
}
