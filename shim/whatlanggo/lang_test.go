package whatlanggo

import "testing"

// go-trafilatura keeps the page's declared language only when the guess's
// code is empty: every text, of any script, must come back Und with no code.
func TestDetectLangGuessesNothing(t *testing.T) {
	for _, text := range []string{
		"",
		"The quick brown fox jumps over the lazy dog, again and again.",
		"Der schnelle braune Fuchs springt über den faulen Hund.",
		"Быстрая коричневая лиса прыгает через ленивую собаку.",
		"敏捷的棕色狐狸跳过了懒狗。",
		"\x00\xff invalid \xc3",
	} {
		lang := DetectLang(text)
		if lang != Und {
			t.Errorf("DetectLang(%q) = %d, want Und", text, lang)
		}
		if code := lang.Iso6391(); code != "" {
			t.Errorf("DetectLang(%q).Iso6391() = %q, want \"\"", text, code)
		}
	}
}
