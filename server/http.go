package server

import (
	"bytes"
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"

	mcpserver "github.com/mark3labs/mcp-go/server"
)

// MaxRequestBody caps an HTTP request body; a JSON-RPC message to this
// server is a few kilobytes.
const MaxRequestBody = 4 << 20

// EndpointPath is where Streamable HTTP is served.
const EndpointPath = "/mcp"

// HTTPHandler is the Streamable HTTP endpoint at /mcp behind our checks:
// Origin (403), bearer token (401), body size (413). mcp-go's own DNS
// rebinding protection stays on: a loopback connection must carry a
// localhost Host header (403 otherwise). /healthz answers "ok".
func (s *Server) HTTPHandler() http.Handler {
	h, _, _ := s.httpHandler()
	return h
}

func (s *Server) httpHandler() (http.Handler, *mcpserver.StreamableHTTPServer, *sessionStore) {
	inFlight := newCalls()
	sessions := newSessionStore(inFlight)
	streamable := mcpserver.NewStreamableHTTPServer(s.MCP,
		mcpserver.WithEndpointPath(EndpointPath),
		mcpserver.WithHeartbeatInterval(30*time.Second),
		mcpserver.WithStreamableHTTPLogger(s.log.With("component", "mcp-http")),
		mcpserver.WithSessionIdManager(sessions),
		mcpserver.WithHTTPContextFunc(withStreamSession(s.MCP)),
	)
	mux := http.NewServeMux()
	mux.Handle(EndpointPath, &mcpEndpoint{next: streamable, sessions: sessions, calls: inFlight})
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = io.WriteString(w, "ok\n")
	})
	return &httpGuard{
		next:    mux,
		token:   []byte(s.cfg.AuthToken),
		origins: normalizeOrigins(s.cfg.AllowedOrigins),
		maxBody: MaxRequestBody,
		bodyTTL: bodyReadTimeout,
	}, streamable, sessions
}

// ListenAndServe listens on addr and serves until ctx is cancelled; ready (if not
// nil) is called with the bound address once it accepts connections.
func (s *Server) ListenAndServe(ctx context.Context, addr string, ready func(net.Addr)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	handler, streamable, sessions := s.httpHandler()
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          nil,
	}
	if ready != nil {
		ready(ln.Addr())
	}
	s.log.Info("serving MCP over Streamable HTTP", "url", "http://"+ln.Addr().String()+EndpointPath, "auth", len(s.cfg.AuthToken) > 0)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.drain(srv, streamable, sessions)
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// drain stops the HTTP server so that every call in flight is answered:
// no new connections, the standalone GET streams closed, then the calls get
// shutdownGrace to finish; those still running are cancelled (and answer at
// once, saying so) and get answerGrace to write their answers before the
// remaining connections are closed.
func (s *Server) drain(srv *http.Server, streamable *mcpserver.StreamableHTTPServer, sessions *sessionStore) {
	inFlight := sessions.calls
	sessions.drain()
	shut := make(chan struct{})
	go func() {
		// Shutdown closes the listener and idle connections, then waits
		// for the active ones; it never cancels a request.
		_ = srv.Shutdown(context.Background())
		close(shut)
	}()
	streamable.CloseSessions(context.Background())
	if n := inFlight.inFlight(); n > 0 {
		s.log.Info("shutting down: waiting for calls in flight", "calls", n, "grace", shutdownGrace)
	}
	select {
	case <-inFlight.idleChan():
	case <-time.After(shutdownGrace):
		s.log.Warn("shutting down: cancelling calls still running", "calls", inFlight.inFlight())
		inFlight.cancelAll(errShuttingDown)
		select {
		case <-inFlight.idleChan():
		case <-time.After(answerGrace):
			s.log.Warn("calls still running after cancellation; closing their connections")
		}
	}
	select {
	case <-shut:
	case <-time.After(answerGrace):
		_ = srv.Close()
		<-shut
	}
}

// answerGrace is how long cancelled calls get to write their answers.
const answerGrace = 3 * time.Second

// bodyReadTimeout bounds reading one request body. http.Server's own
// ReadTimeout cannot be used: it stays armed while the handler runs, and
// when it fires it cancels the request's context — every SSE stream and
// long deep_research call would die with it. Without any bound, a client
// that trickles its body a byte at a time holds a connection and a
// goroutine for ever (slowloris).
const bodyReadTimeout = 30 * time.Second

// httpGuard applies the transport's security checks before mcp-go sees a
// request.
type httpGuard struct {
	next    http.Handler
	token   []byte
	origins map[string]bool
	maxBody int64
	bodyTTL time.Duration // reading the body; 0: no bound
}

func (g *httpGuard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Browsers send Origin on cross-site requests; a page on another site
	// must not drive a local MCP server (MCP spec, Streamable HTTP security).
	if origin := r.Header.Get("Origin"); origin != "" && !g.originAllowed(origin) {
		http.Error(w, fmt.Sprintf("Forbidden: Origin %q is not allowed (allow it with --allowed-origins)", origin), http.StatusForbidden)
		return
	}
	// CORS: an allowed Origin is echoed, never "*", and every answer
	// varies with Origin so that no cache hands one origin's to another.
	h := w.Header()
	h.Add("Vary", "Origin")
	if origin := r.Header.Get("Origin"); origin != "" {
		h.Set("Access-Control-Allow-Origin", origin)
		h.Set("Access-Control-Expose-Headers", "Mcp-Session-Id, WWW-Authenticate")
	}
	// A CORS preflight never carries credentials.
	if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
		h.Set("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS")
		h.Set("Access-Control-Allow-Headers", "Content-Type, Authorization, Mcp-Session-Id, Mcp-Protocol-Version, Last-Event-ID")
		h.Set("Access-Control-Max-Age", "600")
		w.WriteHeader(http.StatusNoContent)
		return
	}
	// No OAuth here: an OAuth-aware client that finds no metadata shows
	// the plain 401 and its hint instead of starting a registration.
	if strings.HasPrefix(r.URL.Path, "/.well-known/") {
		http.Error(w, "Not Found: this server does not use OAuth; send Authorization: Bearer <DEEPRESEARCH_AUTH_TOKEN>", http.StatusNotFound)
		return
	}
	if r.URL.Path == "/healthz" {
		g.next.ServeHTTP(w, r)
		return
	}
	if len(g.token) > 0 && !g.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="deepresearch-mcp"`)
		http.Error(w, "Unauthorized: send Authorization: Bearer <DEEPRESEARCH_AUTH_TOKEN>", http.StatusUnauthorized)
		return
	}
	if r.Body != nil && r.Method == http.MethodPost {
		if r.ContentLength > g.maxBody {
			http.Error(w, fmt.Sprintf("Request body too large (limit %d bytes)", g.maxBody), http.StatusRequestEntityTooLarge)
			return
		}
		// Read it here (mcp-go would read it all anyway) so that an
		// oversized chunked body gets a 413 and not a JSON-RPC parse error.
		rc := http.NewResponseController(w)
		if g.bodyTTL > 0 {
			_ = rc.SetReadDeadline(time.Now().Add(g.bodyTTL))
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, g.maxBody+1))
		if g.bodyTTL > 0 {
			_ = rc.SetReadDeadline(time.Time{}) // the handler may run long; only the body was bounded
		}
		if err != nil {
			w.Header().Set("Connection", "close")
			if ne, ok := errors.AsType[net.Error](err); ok && ne.Timeout() {
				http.Error(w, fmt.Sprintf("Request body not received within %s", g.bodyTTL), http.StatusRequestTimeout)
				return
			}
			http.Error(w, "Could not read request body", http.StatusBadRequest)
			return
		}
		if int64(len(body)) > g.maxBody {
			http.Error(w, fmt.Sprintf("Request body too large (limit %d bytes)", g.maxBody), http.StatusRequestEntityTooLarge)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	g.next.ServeHTTP(w, r)
}

func (g *httpGuard) authorized(r *http.Request) bool {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(token)), g.token) == 1
}

// originAllowed: any port on localhost/loopback, or an origin listed with
// --allowed-origins (scheme://host[:port]).
func (g *httpGuard) originAllowed(origin string) bool {
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" {
		return false
	}
	if u.Scheme == "http" || u.Scheme == "https" {
		host := u.Hostname()
		if strings.EqualFold(host, "localhost") {
			return true
		}
		if ip, err := netip.ParseAddr(host); err == nil && ip.IsLoopback() {
			return true
		}
	}
	return g.origins[normalizeOrigin(origin)]
}

func normalizeOrigins(list []string) map[string]bool {
	m := map[string]bool{}
	for _, o := range list {
		if o = strings.TrimSpace(o); o != "" {
			m[normalizeOrigin(o)] = true
		}
	}
	return m
}

func normalizeOrigin(o string) string {
	return strings.TrimRight(strings.ToLower(strings.TrimSpace(o)), "/")
}
