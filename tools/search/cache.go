package search

import "time"

func cacheKey(provider, key string) string { return provider + "\x00" + key }

func (e *Engine) cached(provider, key string) (*Response, bool) {
	if e.cache == nil {
		return nil, false
	}
	v, ok := e.cache.Get(cacheKey(provider, key))
	if !ok {
		return nil, false
	}
	return v.(*Response), true
}

// store keeps a non-empty answer: an empty one may be an engine's hiccup
// and is asked again next time.
func (e *Engine) store(provider, key string, resp *Response) {
	if e.cache == nil || len(resp.Results) == 0 {
		return
	}
	e.cache.SetDefault(cacheKey(provider, key), withQuery(resp, resp.Query))
	e.purgeMu.Lock()
	due := time.Since(e.lastPurge) > e.ttl
	if due {
		e.lastPurge = time.Now()
	}
	e.purgeMu.Unlock()
	if due {
		e.cache.DeleteExpired()
	}
}
