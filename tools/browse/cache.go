package browse

import (
	"sync"
	"time"

	gocache "github.com/patrickmn/go-cache"
)

// maxCacheBytes bounds the Markdown the cache holds in total, whatever the
// entry count: pages can be megabytes each.
const maxCacheBytes = 256 << 20

// pageCache is go-cache with the size bound go-cache lacks: beyond max
// entries (or maxCacheBytes) the least recently used entries go first. There is no
// janitor goroutine (cleanup interval 0): expired entries are invisible to
// get and are dropped when the cache is full.
type pageCache struct {
	mu  sync.Mutex
	c   *gocache.Cache
	ttl time.Duration
	max int
}

func newPageCache(ttl time.Duration, entries int) *pageCache {
	// A page is usually stored under two keys (its mode and "auto").
	return &pageCache{c: gocache.New(ttl, 0), ttl: ttl, max: 2 * entries}
}

// get returns a live entry and renews its lifetime, so a paging session
// keeps its page however long it lasts, and eviction drops the least
// recently used entry first.
func (pc *pageCache) get(key string) (*Page, bool) {
	v, ok := pc.c.Get(key)
	if !ok {
		return nil, false
	}
	pc.c.SetDefault(key, v)
	return v.(*Page), true
}

func (pc *pageCache) set(key string, p *Page) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	pc.c.SetDefault(key, p)
	if pc.c.ItemCount() <= pc.max && pc.bytes() <= maxCacheBytes {
		return
	}
	pc.c.DeleteExpired()
	for pc.c.ItemCount() > pc.max || pc.bytes() > maxCacheBytes {
		oldestKey, oldest := "", int64(0)
		for k, it := range pc.c.Items() {
			if k == key {
				continue
			}
			if oldestKey == "" || it.Expiration < oldest {
				oldestKey, oldest = k, it.Expiration
			}
		}
		if oldestKey == "" {
			return
		}
		pc.c.Delete(oldestKey)
	}
}

func (pc *pageCache) bytes() int {
	n := 0
	for _, it := range pc.c.Items() {
		if p, ok := it.Object.(*Page); ok && p.Doc != nil {
			n += len(p.Doc.Markdown)
		}
	}
	return n
}

// len is the number of live keys (tests).
func (pc *pageCache) len() int { return pc.c.ItemCount() }
