package server

import (
	"context"
	"log/slog"

	"github.com/mark3labs/mcp-go/mcp"
	mcpserver "github.com/mark3labs/mcp-go/server"
)

// clientLogHandler writes every record to next (stderr) and, when the record
// is logged with the context of a tool call, also sends it to that call's MCP
// client as notifications/message — mcp-go drops it below the level the
// client set with logging/setLevel, and before the session is initialized.
type clientLogHandler struct {
	next   slog.Handler
	attrs  []slog.Attr
	groups []string
}

func newClientLogHandler(next slog.Handler) slog.Handler { return &clientLogHandler{next: next} }

func (h *clientLogHandler) Enabled(ctx context.Context, l slog.Level) bool {
	if h.next.Enabled(ctx, l) {
		return true
	}
	// The client may want more detail than stderr gets.
	return mcpserver.ClientSessionFromContext(ctx) != nil
}

func (h *clientLogHandler) Handle(ctx context.Context, r slog.Record) error {
	var err error
	if h.next.Enabled(ctx, r.Level) {
		err = h.next.Handle(ctx, r)
	}
	if srv := mcpserver.ServerFromContext(ctx); srv != nil && mcpserver.ClientSessionFromContext(ctx) != nil {
		data := map[string]any{"message": r.Message}
		for _, a := range h.attrs {
			data[a.Key] = a.Value.Resolve().Any()
		}
		r.Attrs(func(a slog.Attr) bool {
			data[h.prefix()+a.Key] = a.Value.Resolve().Any()
			return true
		})
		// Not delivered (level filtered, client gone, channel full) is fine.
		_ = srv.SendLogMessageToClient(ctx, mcp.NewLoggingMessageNotification(mcpLevel(r.Level), Name, data))
	}
	return err
}

func (h *clientLogHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	c := *h
	c.next = h.next.WithAttrs(attrs)
	c.attrs = append([]slog.Attr{}, h.attrs...)
	for _, a := range attrs {
		c.attrs = append(c.attrs, slog.Attr{Key: h.prefix() + a.Key, Value: a.Value})
	}
	return &c
}

func (h *clientLogHandler) WithGroup(name string) slog.Handler {
	c := *h
	c.next = h.next.WithGroup(name)
	c.groups = append(append([]string{}, h.groups...), name)
	return &c
}

func (h *clientLogHandler) prefix() string {
	p := ""
	for _, g := range h.groups {
		p += g + "."
	}
	return p
}

func mcpLevel(l slog.Level) mcp.LoggingLevel {
	switch {
	case l >= slog.LevelError:
		return mcp.LoggingLevelError
	case l >= slog.LevelWarn:
		return mcp.LoggingLevelWarning
	case l >= slog.LevelInfo:
		return mcp.LoggingLevelInfo
	default:
		return mcp.LoggingLevelDebug
	}
}
