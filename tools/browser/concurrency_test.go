package browser

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// Eight callers at once on four tabs, over pages whose text comes late in
// different ways: every render gets its page's whole article. (Under the
// old fixed network-silence wait, whether a 400 ms timer fired before the
// snapshot depended on how loaded the machine was.)
func TestConcurrentRendersKeepContent(t *testing.T) {
	pages := map[string]http.HandlerFunc{}
	var paths []string
	for i := 0; i < 8; i++ {
		topic := fmt.Sprintf("topic%d", i)
		path := "/" + topic
		var script string
		switch i % 4 {
		case 0:
			script = `<script>document.addEventListener("DOMContentLoaded", () => { ` + writeArticle(topic) + ` });</script>`
		case 1:
			script = `<script>setTimeout(() => { ` + writeArticle(topic) + ` }, 400);</script>`
		case 2:
			pages["/api/"+topic+".json"] = jsonBody(map[string]string{"html": articleHTML(topic)})
			script = `<script>fetch("/api/` + topic + `.json").then(r => r.json()).then(d => { document.getElementById("article").innerHTML = d.html; });</script>`
		case 3:
			script = `<script>setTimeout(() => { ` + writeArticle(topic) + ` }, 900);</script>`
		}
		pages[path] = html(newsPage("Article "+topic, "", script))
		paths = append(paths, path)
	}
	s := newSite(t, pages)
	p := newTestPool(t, Config{MaxTabs: 4, RenderTimeout: 10 * time.Second})
	if _, err := p.Render(context.Background(), s.url(paths[0])); err != nil { // launch
		t.Fatal(err)
	}
	for round := 0; round < 2; round++ {
		var wg sync.WaitGroup
		for _, path := range paths {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r, err := p.Render(context.Background(), s.url(path))
				if err != nil {
					t.Errorf("%s: %v", path, err)
					return
				}
				missing := 0
				for _, para := range articleParas(strings.TrimPrefix(path, "/")) {
					if !strings.Contains(r.HTML, para) {
						missing++
					}
				}
				if missing > 0 || !r.Settled {
					t.Errorf("round %d %s: %d of 5 paragraphs missing, settled=%v (%s), phases %v",
						round, path, missing, r.Settled, r.Wait, r.Phases)
				}
			}()
		}
		wg.Wait()
	}
}
