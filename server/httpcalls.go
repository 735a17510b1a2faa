package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"

	"github.com/mark3labs/mcp-go/mcp"
)

// mcpEndpoint stands in front of mcp-go's Streamable HTTP handler. It checks
// sessions (mcp-go creates a session for any id a GET names, and its
// default manager accepts any well-formed id), answers notifications/cancelled
// itself with calls keyed by session and exact id, and gives each request
// its own response stream (postStream).
type mcpEndpoint struct {
	next     http.Handler
	sessions *sessionStore
	calls    *calls
}

// message is what the endpoint reads of a POSTed JSON-RPC message.
type message struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Params struct {
		RequestID json.RawMessage `json:"requestId"`
		Meta      *mcp.Meta       `json:"_meta"`
	} `json:"params"`
}

func (e *mcpEndpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Protocol 2026-07-28 has no sessions: mcp-go answers its GET and DELETE.
	modern := mcp.IsModernProtocol(r.Header.Get(mcp.HeaderProtocolVersion))
	switch r.Method {
	case http.MethodGet, http.MethodDelete:
		if !modern && !e.sessionOK(w, r) {
			return
		}
		e.next.ServeHTTP(w, r)
		return
	case http.MethodPost:
	default:
		e.next.ServeHTTP(w, r)
		return
	}
	body, err := io.ReadAll(r.Body) // already read into memory by httpGuard
	if err != nil {
		http.Error(w, "Could not read request body", http.StatusBadRequest)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	var msg message
	if json.Unmarshal(body, &msg) != nil {
		e.next.ServeHTTP(w, r) // mcp-go answers the parse error
		return
	}
	modern = modern || (msg.Params.Meta != nil && mcp.IsModernProtocol(msg.Params.Meta.ProtocolVersion()))
	session := ""
	if !modern && msg.Method != string(mcp.MethodInitialize) {
		if !e.sessionOK(w, r) {
			return
		}
		session = r.Header.Get("Mcp-Session-Id")
	}
	_, isRequest := idKey(msg.ID)
	switch {
	case msg.Method == string(mcp.MethodNotificationCancelled):
		// At 2026-07-28 closing the stream is the cancellation, and a
		// sessionless notice could name anyone's call: it reaches none.
		if !modern {
			e.calls.cancelRequest(session, msg.Params.RequestID)
		}
		w.WriteHeader(http.StatusAccepted)
	case msg.Method != "" && isRequest:
		e.serveRequest(w, r, session, modern, msg)
	default:
		e.next.ServeHTTP(w, r)
	}
}

// serveRequest runs one request with its own cancellation and stream.
func (e *mcpEndpoint) serveRequest(w http.ResponseWriter, r *http.Request, session string, modern bool, msg message) {
	if modern {
		// Each modern request stands alone: no notice can name it.
		session = "\x00modern"
		msg.ID = nil
	}
	c := e.calls.start(session, msg.ID, nil)
	defer e.calls.finish(c)
	ctx := withCall(r.Context(), c)
	ps := newPostStream(w, c)
	defer ps.close()
	if msg.Method == string(mcp.MethodToolsCall) && !modern {
		ctx = context.WithValue(ctx, postStreamKey{}, ps)
	}
	e.next.ServeHTTP(ps, r.WithContext(ctx))
}

// sessionOK answers 400 for a request without a session id and 404 for an
// id that is unknown or ended (MCP Streamable HTTP, session management).
func (e *mcpEndpoint) sessionOK(w http.ResponseWriter, r *http.Request) bool {
	id := r.Header.Get("Mcp-Session-Id")
	switch {
	case id == "":
		http.Error(w, "Bad Request: Mcp-Session-Id header is required; start a session with initialize", http.StatusBadRequest)
		return false
	case !e.sessions.Live(id):
		http.Error(w, "Not Found: unknown or ended session; start a new one with initialize", http.StatusNotFound)
		return false
	}
	return true
}
