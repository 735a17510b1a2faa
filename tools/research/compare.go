package research

import "strings"

// comparisonSides finds the things a question compares, in the phrasings
// English uses for it: a list of options ("..., X or Y?", "...: X, Y, or
// Z?", "X or Y, which ...?"), a pair under an auxiliary ("Are X and Y both
// ...", "Do X and Y have the same ..."), or a pair after "between", "out of",
// "which of" ("Who was born first out of X and Y?").
func comparisonSides(q string) []string {
	body := strings.TrimRight(q, "?. ")
	// Options after a comma or a colon, the earliest that splits cleanly.
	for i := 0; i < len(body); i++ {
		if body[i] != ',' && body[i] != ':' {
			continue
		}
		if parts := splitOr(body[i+1:]); len(parts) >= 2 {
			return parts
		}
	}
	// Options before the question: "X or Y, who was born first".
	if i := strings.Index(body, ","); i > 0 {
		if parts := splitOr(body[:i]); len(parts) >= 2 && !questionWords[strings.ToLower(firstWord(parts[0]))] {
			return parts
		}
	}
	lower := strings.ToLower(body)
	// "Are X and Y both ..." / "Do X and Y have the same ..."
	for _, aux := range []string{"are ", "were ", "is ", "was ", "do ", "did ", "does ", "have ", "has ", "can ", "could "} {
		if strings.HasPrefix(lower, aux) {
			if parts := pairAt(body[len(aux):]); parts != nil {
				return parts
			}
		}
	}
	// "between X and Y", "out of X and Y", "which of X and Y"
	for _, lead := range []string{"between ", "out of ", "which of ", "who of ", "of both "} {
		if i := strings.Index(lower, lead); i >= 0 && (i == 0 || body[i-1] == ' ') {
			if parts := pairAt(body[i+len(lead):]); parts != nil {
				return parts
			}
		}
	}
	return nil
}

// pairAt splits "X and Y <rest>" into X and Y: X is all before " and ", Y
// the name that starts after it (a quoted title or a run of capitalised
// words), or up to a phrase that starts the rest of the question.
func pairAt(s string) []string {
	i := strings.Index(s, " and ")
	if i <= 0 {
		return nil
	}
	a := coordinatedName(trimEntity(s[:i]))
	rest := strings.TrimSpace(s[i+5:])
	b := ""
	if q := quotedSpans(rest); len(q) > 0 && strings.IndexAny(rest, `"“`) == 0 {
		b = q[0]
	} else if names := capitalSpans(" " + rest); len(names) > 0 && strings.HasPrefix(strings.ToLower(rest), strings.ToLower(names[0])) {
		b = names[0]
	} else {
		end := len(rest)
		for _, stop := range []string{",", " both ", " of the same ", " the same ", " from the same ", " located ", " each ", " considered ", " in the same ", " based ", " have ", " has ", " share "} {
			if j := strings.Index(strings.ToLower(rest), stop); j > 0 && j < end {
				end = j
			}
		}
		b = rest[:end]
	}
	b = trimEntity(b)
	if a == "" || b == "" || len(wordSpans(a)) > 8 || len(wordSpans(b)) > 8 {
		return nil
	}
	return []string{a, b}
}

// coordinatedName is the name a side of "X and Y" ends with when words in
// lower case come before it: in "both directors of films Red Tide and Blue
// Moon" the "and" joins the two titles, and the noun phrase before the first
// ("both directors of films") is the question's, not the side's. A side
// with no such name is kept whole ("dolphins and sharks").
func coordinatedName(a string) string {
	// (joinTitles keeps a subtitle with its title: "Tide: For Love of Salt".)
	names := joinTitles(a, capitalSpans(" "+a))
	if len(names) == 0 {
		return a
	}
	last := names[len(names)-1]
	at := len(a) - len(last)
	if at <= 0 || !strings.HasSuffix(a, last) || !strings.HasSuffix(a[:at], " ") {
		return a
	}
	for _, w := range strings.Fields(a[:at]) {
		if isCap(w) && !questionWords[strings.ToLower(w)] {
			return a // a capitalised word before it: not a question's lead-in
		}
	}
	return last
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

func splitOr(s string) []string {
	if !strings.Contains(s, " or ") {
		return nil
	}
	var raw []string
	for _, p := range strings.Split(s, " or ") {
		raw = append(raw, strings.Split(p, ",")...)
	}
	var out []string
	for _, p := range raw {
		p = trimEntity(p)
		if p == "" {
			continue
		}
		if len(strings.Fields(p)) > 8 {
			return nil
		}
		out = append(out, p)
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// trimEntity removes quotes, articles and "the band"-style heads a question
// puts around a name.
func trimEntity(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, `"“”'‘’ ,;:`)
	for _, pre := range []string{"the ", "a ", "an "} {
		if len(s) > len(pre) && strings.EqualFold(s[:len(pre)], pre) {
			s = s[len(pre):]
		}
	}
	return strings.TrimSpace(strings.Trim(s, `"“”'‘’ `))
}
