package score

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
)

// Page is one benchmark page with its ground truth.
type Page struct {
	ID    string
	URL   string
	HTML  string
	Truth string
	// Type is the page type from dir/meta.json where the set has one
	// (WCXB: article, documentation, forum, product, listing, collection,
	// service); empty otherwise.
	Type string
}

// Load reads dir/ground-truth.json and dir/html/<id>.html.gz, sorted by id.
func Load(dir string) ([]Page, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("read ground truth: %w", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &gt); err != nil {
		return nil, fmt.Errorf("parse ground truth: %w", err)
	}
	types, err := loadTypes(filepath.Join(dir, "meta.json"))
	if err != nil {
		return nil, err
	}
	pages := make([]Page, 0, len(gt))
	for id, v := range gt {
		html, err := readGz(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, fmt.Errorf("read page %s: %w", id, err)
		}
		pages = append(pages, Page{ID: id, URL: v.URL, HTML: html, Truth: v.ArticleBody, Type: types[id]})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].ID < pages[j].ID })
	return pages, nil
}

// loadTypes reads the page types of meta.json ({id: {"page_type"}}); a set
// without the file has no types.
func loadTypes(path string) (map[string]string, error) {
	raw, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read page types: %w", err)
	}
	var meta map[string]struct {
		PageType string `json:"page_type"`
	}
	if err := json.Unmarshal(raw, &meta); err != nil {
		return nil, fmt.Errorf("parse page types: %w", err)
	}
	types := make(map[string]string, len(meta))
	for id, m := range meta {
		types[id] = m.PageType
	}
	return types, nil
}

func readGz(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return "", err
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return "", err
	}
	return string(b), nil
}
