package server

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// stdioRelay stands between the client's pipes and mcp-go's stdio server so
// that cancellation follows the spec exactly (mcp-go's own keying cannot
// tell 61 from "61" and loses one of two calls sharing an id):
//
//   - every request reaches mcp-go under an id of the relay's own making,
//     unique for the process; its response gets the client's exact id back
//     (the bytes the client sent, so a large or odd number survives as is);
//   - notifications/cancelled is answered here: the calls with exactly that
//     id are cancelled in mcp-go by their own ids, and from then on nothing
//     is written for them — no response, no progress;
//   - progress whose call has already been answered is not written either
//     (mcp-go sends notifications on another goroutine, so one can trail the
//     response; a client then sees progress for a token it forgot).
type stdioRelay struct {
	calls   *calls
	toMCP   io.Writer // mcp-go's input
	toMCPMu sync.Mutex
	out     io.Writer // the client's output
	outMu   sync.Mutex

	mu      sync.Mutex
	next    uint64
	byWire  map[string]*relayed // the relay's id (decoded) -> call
	byToken map[string]*relayed // progress token (idKey) -> call
}

type relayed struct {
	clientID json.RawMessage
	wireID   string
	token    string
	call     *call
	progress progressGap
}

// stdioSession is the one session of the stdio transport in the registry.
const stdioSession = "stdio"

// wirePrefix marks the relay's ids; nothing else writes ids of that form.
const wirePrefix = "drmcp-"

func newStdioRelay(toMCP, out io.Writer) *stdioRelay {
	return &stdioRelay{calls: newCalls(), toMCP: toMCP, out: out, byWire: map[string]*relayed{}, byToken: map[string]*relayed{}}
}

// envelope is the part of a JSON-RPC message the relay looks at.
type envelope struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}

// pumpIn copies the client's messages to mcp-go, one line each, until in
// ends; then it closes mcp-go's input.
func (r *stdioRelay) pumpIn(in io.Reader, closeMCP func(error)) {
	br := bufio.NewReaderSize(in, 64<<10)
	for {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			if werr := r.fromClient(line); werr != nil {
				closeMCP(werr)
				return
			}
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = nil
			}
			closeMCP(err)
			return
		}
	}
}

// fromClient handles one line from the client.
func (r *stdioRelay) fromClient(line []byte) error {
	var env envelope
	if json.Unmarshal(line, &env) != nil {
		return r.writeMCP(line) // mcp-go answers the parse error
	}
	switch {
	case env.Method == "notifications/cancelled":
		var p struct {
			RequestID json.RawMessage `json:"requestId"`
		}
		_ = json.Unmarshal(env.Params, &p)
		r.calls.cancelRequest(stdioSession, p.RequestID)
		return nil
	case env.Method != "" && len(env.ID) > 0 && string(env.ID) != "null":
		return r.request(line, env)
	default:
		return r.writeMCP(line)
	}
}

// request gives a request the relay's id and registers it.
func (r *stdioRelay) request(line []byte, env envelope) error {
	var msg map[string]json.RawMessage
	if json.Unmarshal(line, &msg) != nil {
		return r.writeMCP(line)
	}
	r.mu.Lock()
	r.next++
	wire := fmt.Sprintf("%s%d", wirePrefix, r.next)
	rc := &relayed{clientID: append(json.RawMessage(nil), env.ID...), wireID: wire}
	var p struct {
		Meta struct {
			ProgressToken json.RawMessage `json:"progressToken"`
		} `json:"_meta"`
	}
	if json.Unmarshal(env.Params, &p) == nil {
		if tk, ok := idKey(p.Meta.ProgressToken); ok {
			rc.token = tk
			r.byToken[tk] = rc
		}
	}
	r.byWire[wire] = rc
	r.mu.Unlock()
	rc.call = r.calls.start(stdioSession, env.ID, func(error) {
		// mcp-go cancels exactly this call: its id is unique.
		n, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "method": "notifications/cancelled", "params": map[string]any{"requestId": wire}})
		_ = r.writeMCP(append(n, '\n'))
	})
	msg["id"], _ = json.Marshal(wire)
	b, err := json.Marshal(msg)
	if err != nil {
		return r.writeMCP(line)
	}
	return r.writeMCP(append(b, '\n'))
}

func (r *stdioRelay) writeMCP(b []byte) error {
	r.toMCPMu.Lock()
	defer r.toMCPMu.Unlock()
	_, err := r.toMCP.Write(b)
	return err
}

// mcpOut is the writer mcp-go's stdio server writes to: one message per
// Write, newline-terminated.
type mcpOut struct{ r *stdioRelay }

func (w mcpOut) Write(p []byte) (int, error) {
	out, keep := w.r.fromMCP(p)
	if !keep {
		return len(p), nil
	}
	if err := w.r.writeOut(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (r *stdioRelay) writeOut(b []byte) error {
	r.outMu.Lock()
	defer r.outMu.Unlock()
	_, err := r.out.Write(b)
	return err
}

// fromMCP maps one message from mcp-go to what the client gets, if anything.
func (r *stdioRelay) fromMCP(p []byte) ([]byte, bool) {
	var env envelope
	if json.Unmarshal(p, &env) != nil {
		return p, true
	}
	switch {
	case env.Method == "" && len(env.ID) > 0:
		var wire string
		if json.Unmarshal(env.ID, &wire) != nil || !strings.HasPrefix(wire, wirePrefix) {
			return p, true // not one of ours (a parse error's null id)
		}
		r.mu.Lock()
		rc := r.byWire[wire]
		delete(r.byWire, wire)
		if rc != nil && rc.token != "" && r.byToken[rc.token] == rc {
			delete(r.byToken, rc.token)
		}
		r.mu.Unlock()
		if rc == nil {
			return p, true
		}
		r.calls.finish(rc.call)
		if rc.call.Dropped() {
			return nil, false
		}
		rc.progress.wait()
		return withID(p, env.ID, rc.clientID), true
	case env.Method == "notifications/progress":
		var pp struct {
			ProgressToken json.RawMessage `json:"progressToken"`
		}
		_ = json.Unmarshal(env.Params, &pp)
		tk, _ := idKey(pp.ProgressToken)
		r.mu.Lock()
		rc := r.byToken[tk]
		r.mu.Unlock()
		if rc == nil || rc.call.Dropped() {
			return nil, false // its call was answered or cancelled
		}
		rc.progress.sent()
		return p, true
	default:
		return p, true
	}
}

// progressGap is the least time between a call's last progress notification
// and its response. The TypeScript SDK handles a notification on a later
// microtask than a response read in the same chunk, and then reports
// progress "for an unknown token"; a gap puts the two in separate reads.
// Only a response that follows progress closely waits, and at most this.
const progressGapMin = 40 * time.Millisecond

// progressGap remembers when a call's progress was last written.
type progressGap struct{ last atomic.Int64 }

func (g *progressGap) sent() { g.last.Store(time.Now().UnixNano()) }

// wait returns once the call's last progress is progressGapMin old.
func (g *progressGap) wait() {
	if t := g.last.Load(); t != 0 {
		if d := progressGapMin - time.Since(time.Unix(0, t)); d > 0 {
			time.Sleep(d)
		}
	}
}

// withID puts id in place of the message's id old. mcp-go writes the id
// before the result, so the first `"id":old` is it; the whole message is
// re-encoded only if that is not found.
func withID(p []byte, old, id json.RawMessage) []byte {
	for _, sep := range []string{`"id":`, `"id": `} {
		if i := bytes.Index(p, []byte(sep+string(old))); i >= 0 {
			out := make([]byte, 0, len(p)+len(id))
			out = append(out, p[:i+len(sep)]...)
			out = append(out, id...)
			return append(out, p[i+len(sep)+len(old):]...)
		}
	}
	var msg map[string]json.RawMessage
	if json.Unmarshal(p, &msg) != nil {
		return p
	}
	msg["id"] = id
	b, err := json.Marshal(msg)
	if err != nil {
		return p
	}
	return append(b, '\n')
}
