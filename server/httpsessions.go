package server

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"sync"
)

// sessionStore is the Streamable HTTP session id manager: it mints random
// ids and knows which are live, so an id it did not mint or one that was
// ended gets 404 (mcp-go's default accepts any well-formed id). Ending a
// session cancels its calls.
type sessionStore struct {
	calls *calls
	max   int

	mu       sync.Mutex
	live     map[string]struct{}
	order    []string // minting order, for evicting the oldest past max
	draining bool     // shutting down: sessions end, their calls are still answered
}

// maxSessions bounds the live sessions: a client that initializes in a loop
// and never ends its sessions must not grow the server without end. The
// oldest is ended first.
const maxSessions = 10000

const sessionPrefix = "mcp-session-"

var errUnknownSession = errors.New("unknown or ended session")

func newSessionStore(c *calls) *sessionStore {
	return &sessionStore{calls: c, max: maxSessions, live: map[string]struct{}{}}
}

// Generate mints a session id (mcpserver.SessionIdManager).
func (s *sessionStore) Generate() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	id := sessionPrefix + hex.EncodeToString(b[:])
	var evicted []string
	s.mu.Lock()
	s.live[id] = struct{}{}
	s.order = append(s.order, id)
	for len(s.live) > s.max && len(s.order) > 0 {
		old := s.order[0]
		s.order = s.order[1:]
		if _, ok := s.live[old]; ok {
			delete(s.live, old)
			evicted = append(evicted, old)
		}
	}
	if len(s.order) > 2*s.max { // ended sessions leave gaps behind
		kept := s.order[:0]
		for _, o := range s.order {
			if _, ok := s.live[o]; ok {
				kept = append(kept, o)
			}
		}
		s.order = kept
	}
	s.mu.Unlock()
	for _, old := range evicted {
		s.calls.cancelSession(old)
	}
	return id
}

// Live reports whether id was minted here and not ended.
func (s *sessionStore) Live(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.live[id]
	return ok
}

// Validate (mcpserver.SessionIdManager): unknown and ended ids are errors,
// which mcp-go answers with 404.
func (s *sessionStore) Validate(id string) (isTerminated bool, err error) {
	if !s.Live(id) {
		return false, errUnknownSession
	}
	return false, nil
}

// Terminate ends a session and cancels its calls (mcpserver.SessionIdManager).
func (s *sessionStore) Terminate(id string) (isNotAllowed bool, err error) {
	s.mu.Lock()
	_, ok := s.live[id]
	delete(s.live, id)
	draining := s.draining
	s.mu.Unlock()
	if ok && !draining {
		s.calls.cancelSession(id)
	}
	return false, nil
}

// drain: from now on ending a session (mcp-go ends them all at shutdown)
// leaves its calls to finish and be answered.
func (s *sessionStore) drain() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.draining = true
}
