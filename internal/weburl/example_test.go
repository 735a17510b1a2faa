package weburl_test

import (
	"fmt"

	"github.com/deepresearch-mcp/deepresearch-mcp/internal/weburl"
)

func ExampleKey() {
	a := weburl.Key("http://www.example.org/guide/?utm_source=news&b=2&a=1#install")
	b := weburl.Key("https://example.org/guide?a=1&b=2")
	fmt.Println(a)
	fmt.Println(a == b)
	// Output:
	// https://example.org/guide?a=1&b=2
	// true
}

func ExampleDomains_Allows() {
	d, err := weburl.ParseDomains([]string{"*.example.org"}, []string{"ads.example.org"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, u := range []string{"https://www.example.org/a", "https://example.org/", "https://ads.example.org/x", "https://example.com/"} {
		fmt.Println(u, d.Allows(u))
	}
	_, err = weburl.ParseDomains([]string{"example dot org"}, nil)
	fmt.Println(err)
	// Output:
	// https://www.example.org/a true
	// https://example.org/ true
	// https://ads.example.org/x false
	// https://example.com/ false
	// include_domains entry "example dot org" is not a domain (contains a space, quote or bracket); pass bare names like example.org or *.example.org
}
