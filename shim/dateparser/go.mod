// This module stands in for github.com/markusmobius/go-dateparser (see
// doc.go and the replace directive in the main go.mod).
module github.com/markusmobius/go-dateparser

go 1.26
