package server

import (
	"testing"

	"go.uber.org/goleak"
)

// Every test must leave no goroutine behind: the server's Close and the HTTP
// shutdown are meant to stop everything they started.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m,
		// Keep-alive connections of http.DefaultClient, used by the tests themselves.
		goleak.IgnoreTopFunction("net/http.(*persistConn).readLoop"),
		goleak.IgnoreTopFunction("net/http.(*persistConn).writeLoop"),
	)
}
