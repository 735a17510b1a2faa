package extract

import "strings"

// A shop page tells a visitor who is not signed in what signing in would
// let them do: "[Sign in] to add this item to your wishlist", "[Log in to
// save to favorites]", "[Log in] to set a price alert". The line is the
// account widget's, not the product's; it goes with the controls' labels
// (dropControlLabels, shop pages only).

// signInLabels are the labels of a sign-in link, as word tokens.
var signInLabels = [][]string{
	{"sign", "in"}, {"log", "in"}, {"login"}, {"signin"}, {"sign", "up"}, {"register"}, {"create", "an", "account"},
}

// maxSignInPromptBytes bounds the line read as a prompt: a cheap test
// before it is tokenized, on every line of a shop page. It is no
// threshold of its own: cfg.SignInPromptMaxWords words and a link's
// address fit in it.
const maxSignInPromptBytes = 400

// isSignInPrompt: the line opens with a link labelled as a sign-in (the
// label alone, or a sentence starting so: "Log in to save"), and is one
// short sentence (cfg.SignInPromptMaxWords) on what signing in is for
// ("… to …") or nothing more.
func isSignInPrompt(line string, cfg *config) bool {
	if len(line) > maxSignInPromptBytes {
		return false
	}
	t := strings.Trim(strings.TrimLeft(line, " -*+>"), " *_")
	if !strings.HasPrefix(t, "[") {
		return false
	}
	end := firstLinkEnd(t)
	if end <= 0 {
		return false
	}
	label := wordTokens(strings.ToLower(stripLinks(t[:end])), nil)
	rest := wordTokens(strings.ToLower(stripLinks(t[end:])), nil)
	if len(label)+len(rest) > cfg.SignInPromptMaxWords {
		return false
	}
	for _, l := range signInLabels {
		if !hasTokenPrefix(label, l) {
			continue
		}
		switch {
		case len(label) == len(l): // "[Sign in] to add this item …", or the link alone
			return len(rest) == 0 || rest[0] == "to"
		case label[len(l)] == "to": // "[Log in to save to favorites]"
			return len(rest) == 0
		}
	}
	return false
}

func hasTokenPrefix(toks, prefix []string) bool {
	if len(toks) < len(prefix) {
		return false
	}
	for i, p := range prefix {
		if toks[i] != p {
			return false
		}
	}
	return true
}
