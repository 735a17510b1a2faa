package browser

import (
	"fmt"
	"strings"
	"time"

	"github.com/go-rod/rod/lib/proto"
)

type snapshotResult struct {
	html, title, url, text string
	hidden                 time.Duration // time the hidden-element pass took in the page
}

// snapshot serialises the visible DOM from an isolated world, and with
// withText the start of its text. A navigation racing with it (a late JS
// redirect) destroys the world: retry.
func (p *Pool) snapshot(pg session, frame proto.PageFrameID, withText bool) (*snapshotResult, error) {
	ctx := pg.ctx
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		world, err := proto.PageCreateIsolatedWorld{FrameID: frame, WorldName: "deepresearch-snapshot"}.Call(pg)
		if err == nil {
			var r *proto.RuntimeEvaluateResult
			r, err = proto.RuntimeEvaluate{
				Expression:    timedSnapshotJS[withText],
				ContextID:     world.ExecutionContextID,
				ReturnByValue: true,
			}.Call(pg)
			if err == nil && r.ExceptionDetails != nil {
				err = fmt.Errorf("snapshot script failed: %s", r.ExceptionDetails.Text)
			}
			if err == nil {
				v := r.Result.Value
				return &snapshotResult{
					html:   v.Get("html").Str(),
					title:  strings.TrimSpace(v.Get("title").Str()),
					url:    v.Get("url").Str(),
					text:   v.Get("text").Str(),
					hidden: time.Duration(v.Get("hiddenMs").Num() * float64(time.Millisecond)),
				}, nil
			}
		}
		lastErr = err
		if ctx.Err() != nil {
			break
		}
		select {
		case <-time.After(100 * time.Millisecond):
		case <-ctx.Done():
		}
	}
	return nil, &phaseError{"reading the page's DOM", lastErr}
}
