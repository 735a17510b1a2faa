package whatlanggo

// Lang is a language; this stand-in only ever yields Und.
type Lang int

// Und is the undetermined language.
const Und Lang = -1

// DetectLang reports Und for every text: see the package comment.
func DetectLang(string) Lang { return Und }

// Iso6391 is the ISO 639-1 code of lang: "" for Und, as upstream returns
// for a language without one.
func (Lang) Iso6391() string { return "" }
