package browser

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// statePage reports what an earlier call left behind (cookie, local and
// session storage, IndexedDB, a Cache Storage entry, a service worker),
// then leaves all of it behind itself.
const statePage = `<!doctype html><html><head><title>state</title></head><body><p id="out">checking</p>
<script>
// The pending timer holds the snapshot until the checks are done (the
// storage promises are not something the wait can see).
const hold = setTimeout(() => {}, 2000);
(async () => {
  const seen = [];
  if (document.cookie.includes("visited=1")) seen.push("cookie");
  if (localStorage.getItem("visited")) seen.push("localStorage");
  if (sessionStorage.getItem("visited")) seen.push("sessionStorage");
  try { if ((await caches.keys()).includes("visited")) seen.push("cache"); } catch (e) {}
  try { if ((await indexedDB.databases()).some(d => d.name === "visited")) seen.push("indexedDB"); } catch (e) {}
  try { if ((await navigator.serviceWorker.getRegistrations()).length) seen.push("serviceWorker"); } catch (e) {}
  document.cookie = "visited=1; max-age=3600; path=/";
  localStorage.setItem("visited", "1");
  sessionStorage.setItem("visited", "1");
  try { await caches.open("visited"); } catch (e) {}
  try { indexedDB.open("visited"); } catch (e) {}
  try { await navigator.serviceWorker.register("/sw.js"); } catch (e) {}
  document.getElementById("out").textContent = "left behind: [" + seen.join(",") + "]";
  clearTimeout(hold);
})();
</script></body></html>`

// Spare tabs are opened ahead, but each in a fresh incognito context used
// by one render: nothing one call stores is seen by the next, whether the
// next gets a spare or opens its own tab.
func TestSpareTabsShareNothing(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/state": html(statePage),
		"/sw.js": func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/javascript")
			_, _ = w.Write([]byte(`self.addEventListener("fetch", () => {});`))
		},
	})
	for _, spares := range []int{1, 2, -1} {
		t.Run(fmt.Sprintf("spares=%d", spares), func(t *testing.T) {
			p := newTestPool(t, Config{MaxTabs: 2, SpareTabs: spares})
			for i := 0; i < 4; i++ {
				if spares > 0 && i > 0 {
					waitSpare(t, p) // this render must take a spare
				}
				r, err := p.Render(context.Background(), s.url("/state"))
				if err != nil {
					t.Fatalf("render %d: %v", i, err)
				}
				if !strings.Contains(r.HTML, "left behind: []") {
					t.Errorf("render %d: %s", i, between(r.HTML, `<p id="out">`, "</p>"))
				}
				// The first render may take the spare being opened at launch.
				if used, want := hasPhase(r.Phases, spanSpare), spares > 0; used != want && i > 0 {
					t.Errorf("render %d: took a spare = %v, want %v (phases %v)", i, used, want, r.Phases)
				}
			}
			if st := p.Stats(); st.OpenTabs != 0 || st.MaxOpenTabs > 2 {
				t.Errorf("stats %+v", st)
			}
		})
	}
}

// The spares a browser keeps are bounded, replaced after use, and gone
// with the pool (newTestPool checks that no process survives Close).
func TestSpareTabsBounded(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{"/p": html(`<p>spare</p>`)})
	p := newTestPool(t, Config{MaxTabs: 2, SpareTabs: 5}) // capped at MaxTabs
	if _, err := p.Render(context.Background(), s.url("/p")); err != nil {
		t.Fatal(err)
	}
	waitSpare(t, p)
	p.mu.Lock()
	in := p.local
	p.mu.Unlock()
	time.Sleep(300 * time.Millisecond) // a filler that overshoots would have by now
	if n := in.spares.count(); n != 2 {
		t.Errorf("%d spares ready, want 2 (SpareTabs capped at MaxTabs)", n)
	}
}

func hasPhase(ps []Phase, name string) bool {
	for _, p := range ps {
		if p.Name == name {
			return true
		}
	}
	return false
}
