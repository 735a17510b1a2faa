module github.com/deepresearch-mcp/deepresearch-mcp

go 1.26.8

require (
	codeberg.org/readeck/go-readability/v2 v2.1.1
	github.com/JohannesKaufmann/html-to-markdown/v2 v2.5.2
	github.com/PuerkitoBio/goquery v1.13.0
	github.com/andybalholm/brotli v1.2.8
	github.com/andybalholm/cascadia v1.3.4
	github.com/araddon/dateparse v0.0.0-20210429162001-6b43995a97de
	github.com/go-rod/rod v0.116.2
	github.com/klauspost/compress v1.20.3
	github.com/ledongthuc/pdf v0.0.0-20260907135840-6c8c28e0e8a0
	github.com/mark3labs/mcp-go v1.2.1
	github.com/markusmobius/go-trafilatura v1.12.2
	github.com/patrickmn/go-cache v2.1.0+incompatible
	github.com/tdewolff/parse/v2 v2.8.20
	github.com/ysmood/gson v0.7.3
	go.uber.org/goleak v1.3.0
	golang.org/x/net v0.62.0
	golang.org/x/sys v0.49.0
	golang.org/x/text v0.43.0
	golang.org/x/time v0.16.0
)

require (
	github.com/JohannesKaufmann/dom v0.3.1 // indirect
	github.com/RadhiFadlillah/whatlanggo v0.0.0-20240916001553-aac1f0f737fc // indirect
	github.com/forPelevin/gomoji v1.2.0 // indirect
	github.com/go-shiori/dom v0.0.0-20230515143342-73569d674e1c // indirect
	github.com/go-shiori/go-readability v0.0.0-20241012063810-92284fa8a71f // indirect
	github.com/gogs/chardet v0.0.0-20211120154057-b7413eaefb8f // indirect
	github.com/google/jsonschema-go v0.4.2 // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/markusmobius/go-dateparser v1.2.3 // indirect
	github.com/markusmobius/go-domdistiller v0.0.0-20240926050704-25b8d046ffb4 // indirect
	github.com/markusmobius/go-htmldate v1.9.1 // indirect
	github.com/mattn/go-colorable v0.1.13 // indirect
	github.com/mattn/go-isatty v0.0.22 // indirect
	github.com/rivo/uniseg v0.4.7 // indirect
	github.com/rs/zerolog v1.33.0 // indirect
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.2 // indirect
	github.com/spf13/cast v1.7.1 // indirect
	github.com/yosida95/uritemplate/v3 v3.0.2 // indirect
	github.com/yosssi/gohtml v0.0.0-20201013000340-ee4748c638f4 // indirect
	github.com/ysmood/fetchup v0.2.3 // indirect
	github.com/ysmood/leakless v0.9.0 // indirect
)

// go-htmldate (through go-trafilatura) imports go-dateparser, whose package
// init costs ~340 ms and 78 MB at every start although we never call it
// (trafilatura runs with HtmlDateMode Disabled). shim/dateparser keeps its
// API with no init work; see shim/dateparser/doc.go.
replace github.com/markusmobius/go-dateparser => ./shim/dateparser

// go-trafilatura guesses the language of every extraction with whatlanggo
// (11 % of extraction CPU) only to fill a field we never read (Document.Lang
// is the page's declared language). shim/whatlanggo keeps its API and
// guesses nothing; see shim/whatlanggo/doc.go.
replace github.com/RadhiFadlillah/whatlanggo => ./shim/whatlanggo
