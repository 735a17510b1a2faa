package search

import (
	"net"
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that identify a click, not a page.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true, "gbraid": true, "wbraid": true,
	"msclkid": true, "yclid": true, "twclid": true, "ttclid": true, "igshid": true, "li_fat_id": true,
	"mc_cid": true, "mc_eid": true, "_hsenc": true, "_hsmi": true, "mkt_tok": true, "oly_anon_id": true,
	"oly_enc_id": true, "vero_id": true, "_ga": true, "_gl": true, "rb_clickid": true, "s_cid": true,
	"srsltid": true, "ref_src": true, "ref_url": true,
}

func isTracking(key string) bool {
	k := strings.ToLower(key)
	return strings.HasPrefix(k, "utm_") || trackingParams[k]
}

// cleanURL parses an absolute http(s) URL, drops its fragment and tracking
// parameters, lowercases scheme and host and drops a default port. It
// returns "" for anything that is not an absolute http(s) URL.
func cleanURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	if port := u.Port(); port != "" && !(u.Scheme == "http" && port == "80") && !(u.Scheme == "https" && port == "443") {
		host = net.JoinHostPort(host, port)
	} else if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	u.Host = host
	u.Fragment, u.RawFragment = "", ""
	u.User = nil
	if u.RawQuery != "" {
		// Edit the raw query pair by pair so untouched parameters keep
		// their original encoding and order.
		pairs := strings.Split(u.RawQuery, "&")
		kept := pairs[:0]
		for _, p := range pairs {
			if p == "" {
				continue
			}
			k := p
			if i := strings.IndexByte(p, '='); i >= 0 {
				k = p[:i]
			}
			if dk, err := url.QueryUnescape(k); err == nil {
				k = dk
			}
			if !isTracking(k) {
				kept = append(kept, p)
			}
		}
		u.RawQuery = strings.Join(kept, "&")
	}
	u.ForceQuery = false
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String()
}

// canonicalKey identifies a page for deduplication: scheme, "www.", a
// trailing slash and parameter order do not make two pages different.
func canonicalKey(clean string) string {
	u, err := url.Parse(clean)
	if err != nil {
		return clean
	}
	host := strings.TrimPrefix(u.Host, "www.")
	path := strings.TrimSuffix(u.EscapedPath(), "/")
	q := u.Query()
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(host)
	b.WriteString(path)
	for i, k := range keys {
		if i == 0 {
			b.WriteByte('?')
		} else {
			b.WriteByte('&')
		}
		vs := append([]string(nil), q[k]...)
		sort.Strings(vs)
		b.WriteString(url.QueryEscape(k) + "=" + url.QueryEscape(strings.Join(vs, ",")))
	}
	return b.String()
}

// normalizeDomain turns what a user may pass ("https://www.Example.com/x",
// "*.example.com", "example.com.") into a bare lowercase host name.
func normalizeDomain(d string) (string, bool) {
	d = strings.ToLower(strings.TrimSpace(d))
	if i := strings.Index(d, "://"); i >= 0 {
		d = d[i+3:]
	}
	if i := strings.IndexAny(d, "/?#"); i >= 0 {
		d = d[:i]
	}
	if h, _, err := net.SplitHostPort(d); err == nil {
		d = h
	}
	d = strings.TrimPrefix(d, "*.")
	d = strings.TrimPrefix(d, "www.")
	d = strings.Trim(d, ".")
	if d == "" || strings.ContainsAny(d, " \t\"'()") {
		return "", false
	}
	return d, true
}

// hostMatches reports whether host is domain or one of its subdomains.
func hostMatches(host, domain string) bool {
	return host == domain || strings.HasSuffix(host, "."+domain)
}

func urlHost(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.ToLower(p.Hostname())
}

// normalizeResults cleans URLs and text, applies the domain filters, merges
// duplicates (first rank wins, later copies fill in a missing snippet or
// date), cuts to max and numbers ranks 1..n.
func normalizeResults(in []Result, q *query) []Result {
	out := make([]Result, 0, len(in))
	seen := map[string]int{}
	for _, r := range in {
		u := cleanURL(r.URL)
		if u == "" {
			continue
		}
		host := urlHost(u)
		if !q.allowed(host) {
			continue
		}
		r.URL = u
		r.Title = cleanText(r.Title)
		r.Snippet = cleanText(r.Snippet)
		if r.Title == "" {
			r.Title = host
		}
		key := canonicalKey(u)
		if i, ok := seen[key]; ok {
			if out[i].Snippet == "" {
				out[i].Snippet = r.Snippet
			}
			if out[i].Published == "" {
				out[i].Published = r.Published
			}
			continue
		}
		seen[key] = len(out)
		out = append(out, r)
	}
	if len(out) > q.max {
		out = out[:q.max]
	}
	for i := range out {
		out[i].Rank = i + 1
	}
	return out
}
