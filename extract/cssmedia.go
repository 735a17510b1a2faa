package extract

import (
	"strconv"
	"strings"
)

// A responsive page often writes its content once per screen size (a
// site builder's desktop, tablet and phone variants of the same text) and
// hides all but one with @media rules: read without them, every variant
// shows and the page comes out two or three times over. The cascade
// therefore reads the @media blocks that apply to one screen, a desktop
// browser's window (desktopViewportWidth), for what they hide only: a rule
// there that shows an element a plain rule hides is left out, so this
// never makes visible what the page's other rules hide.

// desktopViewportWidth is the width, in CSS pixels, of the screen @media
// queries are read for: the window go-rod gives the browser path's pages
// by default (its "Laptop with MDPI screen"), so both paths read a page
// at one size. Site builders break at 1024 or 1200 for desktops and 768
// or 810 for tablets.
const desktopViewportWidth = 1280

// mediaRootFontPx is the size of 1em (and 1rem) in a media query: the
// browser's initial font size, whatever the page's own.
const mediaRootFontPx = 16

// desktopMedia reports whether the media query list of an @media rule
// (its prelude, "screen and (min-width: 1200px), print") matches a
// desktop screen desktopViewportWidth wide. A query it cannot read (a
// feature other than width and orientation, a range it does not parse)
// does not match: its rules are skipped, as all @media rules once were.
func desktopMedia(prelude string) bool {
	for _, q := range strings.Split(strings.ToLower(prelude), ",") {
		if m, known := desktopQuery(q); known && m {
			return true
		}
	}
	return false
}

// desktopQuery evaluates one media query: matches, and whether it could
// be read at all.
func desktopQuery(q string) (matches, known bool) {
	q = strings.TrimSpace(q)
	if q == "" {
		return false, false
	}
	not := false
	if rest, ok := strings.CutPrefix(q, "not "); ok {
		not, q = true, strings.TrimSpace(rest)
	} else if rest, ok := strings.CutPrefix(q, "only "); ok {
		q = strings.TrimSpace(rest)
	}
	matches = true
	for _, part := range strings.Split(q, " and ") {
		part = strings.TrimSpace(part)
		var m, k bool
		switch {
		case part == "screen" || part == "all":
			m, k = true, true
		case part == "print" || part == "speech" || part == "tty" || part == "tv" || part == "projection" ||
			part == "handheld" || part == "braille" || part == "embossed" || part == "aural":
			m, k = false, true
		case strings.HasPrefix(part, "(") && strings.HasSuffix(part, ")"):
			m, k = desktopFeature(part[1 : len(part)-1])
		}
		if !k {
			return false, false
		}
		matches = matches && m
	}
	return matches != not, true
}

// desktopFeature evaluates "min-width: 1200px", "max-width: 75em",
// "width: 1280px" or "orientation: landscape" for the desktop screen.
func desktopFeature(f string) (matches, known bool) {
	name, val, ok := strings.Cut(f, ":")
	if !ok {
		return false, false
	}
	name, val = strings.TrimSpace(name), strings.TrimSpace(val)
	if name == "orientation" {
		switch val {
		case "landscape":
			return true, true
		case "portrait":
			return false, true
		}
		return false, false
	}
	px, ok := mediaLength(val)
	if !ok {
		return false, false
	}
	switch name {
	case "min-width":
		return desktopViewportWidth >= px, true
	case "max-width":
		return desktopViewportWidth <= px, true
	case "width":
		return desktopViewportWidth == px, true
	}
	return false, false
}

// mediaLength reads a media query's length in px, em or rem as CSS
// pixels; 0 may have no unit.
func mediaLength(v string) (float64, bool) {
	unit := 1.0
	switch {
	case strings.HasSuffix(v, "rem"):
		v, unit = v[:len(v)-3], mediaRootFontPx
	case strings.HasSuffix(v, "px"):
		v = v[:len(v)-2]
	case strings.HasSuffix(v, "em"):
		v, unit = v[:len(v)-2], mediaRootFontPx
	case v != "0":
		return 0, false
	}
	n, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || n < 0 {
		return 0, false
	}
	return n * unit, true
}

// hidesBox: the declaration removes its element from view (display: none,
// visibility: hidden), the only declarations read from an @media block.
func hidesBox(d cssDecl) bool {
	switch d.prop {
	case "display":
		return d.val == "none"
	case "visibility":
		return d.val == "hidden" || d.val == "collapse"
	}
	return false
}

// mediaSheet is the text of a <style> element as the page's sheets read
// it, given its media attribute: a sheet for every screen ("", "all",
// "screen") whole; a sheet for other screens (media="print", a
// responsive site's "(max-width: 727.98px)" sheet beside its desktop
// one) nothing; a sheet for a desktop's screen among others ("(min-width:
// 1080px)") as the @media block it is, so that it hides as such a block
// does and never shows what the other sheets hide. Sites that write one
// sheet per breakpoint hide each layout's copy of the content in the
// others' sheets: read whole, every sheet hides every copy.
func mediaSheet(media, text string) string {
	m := strings.ToLower(strings.TrimSpace(media))
	switch {
	case m == "" || m == "all" || m == "screen":
		return text
	case !desktopMedia(m):
		return ""
	}
	return "@media " + m + " {\n" + text + "\n}"
}
