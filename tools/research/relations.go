package research

import (
	"strings"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
)

// relationGroups are words that name one relation in different parts of
// speech or from the other side ("the director of X" / "X was directed by",
// "born" / "birth", "mother" / "maternal"). A question rarely uses the word
// the answering sentence uses; mapping each word to its group's first word
// lets the reader see that "directed by Y" answers "the director of X".
// This is knowledge of English, not of any page or question set.
var relationGroups = [][]string{
	{"direct", "director", "directors", "directed", "directs", "directing", "directorial"},
	{"birth", "born", "birthday", "birthdate", "birthplace", "births"},
	{"death", "died", "dies", "die", "dead", "deceased", "dying"},
	{"spouse", "spouses", "married", "marry", "marries", "marriage", "wife", "wives", "husband", "husbands", "wed", "wedded", "widow", "widower"},
	{"mother", "mothers", "maternal"},
	{"father", "fathers", "paternal"},
	{"parent", "parents"},
	{"child", "children", "son", "sons", "daughter", "daughters"},
	{"sibling", "siblings", "brother", "brothers", "sister", "sisters"},
	{"create", "creator", "created", "creates", "creation", "creating"},
	{"write", "writer", "wrote", "written", "writes", "writing", "author", "authored", "authors"},
	{"compose", "composer", "composed", "composes"},
	{"produce", "producer", "produced", "produces"},
	{"found", "founder", "founded", "founders", "founding", "established", "establish"},
	{"perform", "performer", "performed", "performs", "performers", "sung", "sang", "singer"},
	// Playing a part: "the actress who played Nell" is answered by
	// "starring Ann Lee as Nell", "portrayed by", "voiced by".
	{"portray", "portrayed", "portrays", "portraying", "portrayal", "play", "played", "plays", "starring", "starred", "voiced", "voices", "voice", "role", "roles"},
	{"educate", "educated", "education", "study", "studied", "studies", "graduated", "graduate", "alumnus", "alumna", "attended"},
	{"employ", "employer", "employed", "employee", "employs"},
	{"make", "made", "maker", "makes", "manufacturer", "manufactured"},
	{"publish", "publisher", "published", "publishes"},
	{"locate", "located", "location", "situated"},
	{"award", "awards", "awarded", "prize", "won", "win", "wins"},
	{"release", "released", "releases", "premiered", "premiere"},
	{"name", "named", "names", "naming"},
	{"citizen", "nationality", "citizenship", "national"},
	{"capital", "capitals", "seat"},
}

// relationOf maps a term (extract's stem) to its relation group's term.
var relationOf = func() map[string]string {
	m := map[string]string{}
	for _, g := range relationGroups {
		head := stemOf(g[0])
		for _, w := range g {
			if t := stemOf(w); t != "" && t != head {
				if _, dup := m[t]; !dup {
					m[t] = head
				}
			}
		}
	}
	return m
}()

func stemOf(w string) string {
	ts := extract.Tokenize(w)
	if len(ts) != 1 {
		return ""
	}
	return ts[0]
}

// tokens lower-cases text into terms with extract's tokenizer (stemming,
// stop words), so research and page ranking agree on what a term is, then
// maps relation words to their group.
func tokens(text string) []string {
	ts := extract.Tokenize(text)
	for i, t := range ts {
		if v, ok := tPastForms[t]; ok {
			t = v
			ts[i] = t
		}
		if c, ok := relationOf[t]; ok {
			ts[i] = c
		} else if n, ok := numberOf[t]; ok {
			ts[i] = n
		}
	}
	return ts
}

// tPastForms are the British past forms in -t of verbs whose other past
// ends in -ed ("spoilt"/"spoiled", "learnt"/"learned"): one term each, as
// the stemmer gives the -ed form.
var tPastForms = map[string]string{
	"spoilt": "spoil", "learnt": "learn", "burnt": "burn", "dreamt": "dream", "spelt": "spell",
	"spilt": "spill", "smelt": "smell", "dwelt": "dwell", "leapt": "leap", "knelt": "kneel",
}

// numberNames are the small numbers' cardinal, ordinal and abbreviated
// ordinal names, each group one term with its figure: "the third season"
// is "season three" and "season 3" ("one" is a stop word, and a pronoun
// more often than a number). Larger numbers are written in figures.
var numberNames = [][]string{
	{"1", "first", "1st"},
	{"2", "two", "second", "2nd"},
	{"3", "three", "third", "3rd"},
	{"4", "four", "fourth", "4th"},
	{"5", "five", "fifth", "5th"},
	{"6", "six", "sixth", "6th"},
	{"7", "seven", "seventh", "7th"},
	{"8", "eight", "eighth", "8th"},
	{"9", "nine", "ninth", "9th"},
	{"10", "ten", "tenth", "10th"},
	{"11", "eleven", "eleventh", "11th"},
	{"12", "twelve", "twelfth", "12th"},
}

// numberOf maps a number name's term to its figure.
var numberOf = func() map[string]string {
	m := map[string]string{}
	for _, g := range numberNames {
		for _, w := range g[1:] {
			if t := stemOf(w); t != "" && t != g[0] {
				m[t] = g[0]
			}
		}
	}
	return m
}()

// relationTerms are the relation groups a text names, in order.
func relationTerms(text string) []string {
	var out []string
	for _, t := range tokens(text) {
		if isRelation(t) {
			out = append(out, t)
		}
	}
	return uniq(out)
}

var relationHeads = func() map[string]bool {
	m := map[string]bool{}
	for _, g := range relationGroups {
		m[stemOf(g[0])] = true
	}
	return m
}()

// isRelation reports whether term is a relation group's term.
func isRelation(term string) bool { return relationHeads[strings.TrimSpace(term)] }
