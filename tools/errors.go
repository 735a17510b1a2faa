package tools

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browser"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
)

// guard wraps a handler so that a panic becomes an isError result the model
// can see (mcp-go's WithRecovery would turn it into a protocol error), and
// so that a Go error from a handler is never a protocol error either.
func (h *Handlers) guard(name string, next server.ToolHandlerFunc) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (res *mcp.CallToolResult, err error) {
		defer func() {
			if r := recover(); r != nil {
				h.log().ErrorContext(ctx, "tool panicked", "tool", name, "panic", r, "stack", string(debug.Stack()))
				res, err = mcp.NewToolResultError(fmt.Sprintf("%s failed with an internal error (%v). This is a bug in the server; retrying may not help — try different arguments or another tool.", name, r)), nil
			}
		}()
		start := time.Now()
		res, err = next(ctx, req)
		if err != nil {
			res, err = toolError(name, err), nil
		}
		// With the call's context, so the client sees it too if it asked
		// for debug logs (logging/setLevel).
		h.log().DebugContext(ctx, "tool call", "tool", name, "duration_ms", time.Since(start).Milliseconds(), "is_error", res != nil && res.IsError)
		return res, nil
	}
}

// toolError turns an engine error into an isError result that says what went
// wrong and what to try. The engines word their own errors for a model; this
// adds the cases every tool shares.
func toolError(name string, err error) *mcp.CallToolResult {
	var policy *egress.PolicyError
	switch {
	case errors.As(err, &policy):
		return mcp.NewToolResultError(fmt.Sprintf("%s: %v. The server only reads public http(s) addresses; loopback and private networks need --allow-private, and link-local or cloud-metadata addresses are never allowed. Try a public URL.", name, err))
	case errors.Is(err, context.Canceled) && !brokeUnderneath(err):
		return mcp.NewToolResultError(name + " was cancelled before it finished.")
	case errors.Is(err, context.DeadlineExceeded):
		return mcp.NewToolResultError(fmt.Sprintf("%s timed out (%v). The site may be slow or unreachable: try again, or try another source.", name, err))
	default:
		return mcp.NewToolResultError(fmt.Sprintf("%s failed: %v", name, err))
	}
}

// brokeUnderneath: the work was cancelled because the browser under it
// died or its tab crashed, not because the client cancelled; the model
// must hear what happened (and that a retry works), not "cancelled".
func brokeUnderneath(err error) bool {
	return errors.Is(err, browser.ErrBrowserGone) || errors.Is(err, browser.ErrCrashed)
}

// invalid is the result for arguments a model should fix.
func invalid(name string, err error) *mcp.CallToolResult {
	return mcp.NewToolResultError(fmt.Sprintf("%s: invalid arguments: %v.", name, err))
}

// unavailable is the result when the server was built without an engine.
func unavailable(name string) *mcp.CallToolResult {
	return mcp.NewToolResultError(name + " is not available in this server (its engine is not configured). Use another tool.")
}
