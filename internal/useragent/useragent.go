// Package useragent is the one browser identity every outbound request
// uses: page fetches, the DuckDuckGo form, Chromium (unless it reports its
// own), the benchmarks. Sites treat a desktop Chrome well and a bot-looking
// or out-of-date agent badly; one string keeps the HTTP path and the browser
// path indistinguishable to a site.
package useragent

import "strings"

// ChromeMajor is the Chrome major version claimed: the Chromium the project
// is tested with (Debian's package); bump it with that package.
const ChromeMajor = "156"

// Chrome is desktop Chrome on Linux.
const Chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + ChromeMajor + ".0.0.0 Safari/537.36"

// SecCHUA is the Sec-CH-UA client hint Chrome sends with Chrome's version.
const SecCHUA = `"Chromium";v="` + ChromeMajor + `", "Not-A.Brand";v="24", "Google Chrome";v="` + ChromeMajor + `"`

// ChromeVersion returns the full Chrome version a User-Agent string claims
// ("156.0.0.0"), or "" when it names none.
func ChromeVersion(ua string) string {
	_, rest, ok := strings.Cut(ua, "Chrome/")
	if !ok {
		return ""
	}
	end := strings.IndexFunc(rest, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	if end < 0 {
		end = len(rest)
	}
	return strings.Trim(rest[:end], ".")
}
