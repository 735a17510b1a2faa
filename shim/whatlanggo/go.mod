// This module stands in for github.com/RadhiFadlillah/whatlanggo (see
// doc.go and the replace directive in the main go.mod).
module github.com/RadhiFadlillah/whatlanggo

go 1.26
