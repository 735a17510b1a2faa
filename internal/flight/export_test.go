package flight

// Waiters reports how many callers wait on key's run, so tests can start
// the work only once every caller has joined instead of sleeping.
func (g *Group[T]) Waiters(key string) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	if c, ok := g.m[key]; ok {
		return c.waiters
	}
	return 0
}
