package extract

import (
	"strings"
	"unicode/utf8"
)

// loadingMarkers are what a page shows, in several languages, until a
// script replaces it with content. Each is matched as whole words.
var loadingMarkers = [][]string{
	{"loading"}, {"please", "wait"}, {"one", "moment"}, {"chargement"}, {"cargando"},
	{"carregando"}, {"caricamento"}, {"wird", "geladen"}, {"загрузка"},
	{"読み込み中"}, {"加载中"}, {"載入中"}, {"로딩"},
}

// ellipsisMarkers are placeholders only with the ellipsis: "Laden…" is
// German for "Loading…", while "Laden" alone is a shop.
var ellipsisMarkers = []string{"laden"}

// maxPlaceholderRunes bounds a placeholder: anything longer is a sentence.
const maxPlaceholderRunes = 60

// LoadingPlaceholder reports whether s, a short text of a page, is a
// loading placeholder: one or more markers ("Loading, please wait…") and
// at most one other word ("Loading comments…"). A heading that only
// starts with the word ("Loading dock safety rules") or a sentence
// ("Loading the kiln takes a day.") is not one.
func LoadingPlaceholder(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > maxPlaceholderRunes {
		return false
	}
	toks := AppendWordTokens(nil, strings.ToLower(s))
	if len(toks) == 1 && (strings.HasSuffix(s, "…") || strings.HasSuffix(s, "...")) {
		for _, m := range ellipsisMarkers {
			if toks[0] == m {
				return true
			}
		}
	}
	markers, others := 0, 0
	for i := 0; i < len(toks); {
		if n := markerAt(toks[i:]); n > 0 {
			markers++
			i += n
			continue
		}
		others++
		i++
	}
	return markers > 0 && others <= 1 && markerAt(toks) > 0
}

// markerAt is the length in words of the loading marker toks start with,
// or 0.
func markerAt(toks []string) int {
next:
	for _, m := range loadingMarkers {
		if len(m) > len(toks) {
			continue
		}
		for i, w := range m {
			if toks[i] != w {
				continue next
			}
		}
		return len(m)
	}
	return 0
}

// errorOpeners open the messages a script keeps ready for when its request
// fails ("Sorry, there was a problem.", "Something went wrong. Please try
// your request again later."): the saved page holds them, a person sees
// them only when something breaks.
var errorOpeners = [][]string{
	{"something", "went", "wrong"}, {"there", "was", "a", "problem"}, {"there", "was", "an", "error"},
	{"an", "error", "occurred"}, {"an", "error", "has", "occurred"},
}

// firstPerson are the words of one person speaking of themselves: a
// script's message speaks for the site ("we", "our") or for no one; a
// reader's short reply does not ("Sorry, there was a problem with my
// upload: here it is again").
var firstPerson = map[string]bool{"i": true, "me": true, "my": true, "mine": true, "myself": true}

// maxErrorWords bounds an error message: anything longer is prose about
// an error, not the message.
const maxErrorWords = 16

// maxErrorBytes bounds the Markdown of such a message, its links included.
const maxErrorBytes = 400

// ErrorPlaceholder reports whether s, a short text of a page, is a
// script's failure message: an opener (errorOpeners) after "Sorry" or
// "Oops", or an opener with a "try again", in no one's own voice
// (firstPerson). A story's sentence that starts "Something went wrong
// with the launch" is neither.
func ErrorPlaceholder(s string) bool {
	// Cheap bound first: this runs on every block of a region. (Links'
	// addresses are not words: a linked message may be longer.)
	if len(s) > maxErrorBytes {
		return false
	}
	toks := AppendWordTokens(nil, strings.ToLower(stripLinks(s)))
	if len(toks) == 0 || len(toks) > maxErrorWords {
		return false
	}
	for _, w := range toks {
		if firstPerson[w] {
			return false
		}
	}
	apology := toks[0] == "sorry" || toks[0] == "oops"
	if apology {
		toks = toks[1:]
	}
	opener := false
	for _, o := range errorOpeners {
		if len(toks) >= len(o) && strings.Join(toks[:len(o)], " ") == strings.Join(o, " ") {
			opener = true
			break
		}
	}
	if !opener {
		return false
	}
	rest := strings.Join(toks, " ")
	return apology || strings.Contains(rest, "try again") || strings.Contains(rest, "try your request again")
}
