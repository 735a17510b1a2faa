package extract

// config holds every threshold of page-type-aware extraction, each with
// its default and why. The article path's own weights live beside the
// code they tune (combine.go), as before.
type config struct {
	// MainLandmarkShare: a <main> landmark is the main region when it holds
	// at least this share of the body's words (some sites put a small
	// <main> around a hero banner and the content beside it).
	MainLandmarkShare float64
	// RegionShare: when the article extractors keep less than this share of
	// the main region's words, the page is made of many parts and the
	// region is the content.
	RegionShare float64
	// RegionShareArticle and ArticleMinWords: a page that declares itself an
	// article keeps the article path unless it yields fewer words than
	// ArticleMinWords and less than RegionShareArticle of the region (its
	// prose is the content; a news site's teaser lists are not).
	RegionShareArticle float64
	ArticleMinWords    int
	// RegionMinExtraWords: the region replaces an article of at least
	// ArticleMinWords words only when it adds this many words outside
	// links: a few more lines, or more links, are chrome the region kept
	// (captions, menus), not parts the article path missed.
	RegionMinExtraWords int

	// MinPosts: a thread has at least this many posts (look-alike sibling
	// blocks, each with a date and a body).
	MinPosts int
	// MinPostWords: a block with fewer words is a widget, not a post.
	MinPostWords int
	// PostShare: at least this share of the look-alike siblings must be
	// posts (a list of teasers with one dated entry is not a thread).
	PostShare float64
	// ThreadCoverage: the posts replace the article path's result only when
	// they hold this share of its text: an article's comment section does
	// not hold the article.
	ThreadCoverage float64
}

// defaultConfig is the configuration FromHTML uses.
var defaultConfig = config{
	MainLandmarkShare:   0.3,
	RegionShare:         0.8,
	RegionShareArticle:  0.1,
	ArticleMinWords:     50,
	RegionMinExtraWords: 100,
	MinPosts:            2,
	MinPostWords:        8,
	PostShare:           0.6,
	ThreadCoverage:      0.5,
}
