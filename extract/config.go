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
	// RepliesOverlap and RepliesGrowth: on a page that declares a
	// discussion, posts that miss the article path's text are its replies
	// (the opening post stands apart) when they share less than
	// RepliesOverlap of its text (more, and the article path kept some
	// replies already) and hold RepliesGrowth times its words (a few
	// comments under a question are not the discussion; its answers are).
	RepliesOverlap float64
	RepliesGrowth  float64
	// ThreadPostShare (thread.go conversation): on a page that calls
	// itself an article in og:type alone (a site-wide default), posts are
	// a thread only when no one of them holds this share of their words:
	// a story with its readers' comments is one long post and short ones.
	ThreadPostShare float64
	// CardLabelShare, CardMinLines, CardMaxWords, CardLabelWords,
	// CardLineWords and CardRankWords (authorcards.go): an author card is
	// an element of at most CardMaxWords words (a name, a rank and a few
	// profile lines; a post is more) holding CardMinLines "Label: value"
	// lines (a label of at most CardLabelWords words, the line at most
	// CardLineWords) or more whose labels recur in CardLabelShare of the
	// cards of its look with different values (one such line is a post's
	// "Posted:" date, not a card); a line of at most CardRankWords words
	// standing alone in the card, after the name, is the rank.
	CardLabelShare float64
	CardMinLines   int
	CardMaxWords   int
	CardLabelWords int
	CardLineWords  int
	CardRankWords  int
	// SignatureMaxWords and SignatureBlockWords (signatures.go): a post's
	// signature (a motto, the author's gear, links) is a few lines; an
	// element named "signature" holding more is something else (a
	// section, a sign-up form's text). A block of the result that is only
	// a part of a signature goes when it has SignatureBlockWords words or
	// more: a shorter one ("Thanks!") may be a reply of its own.
	SignatureMaxWords   int
	SignatureBlockWords int
	// ReadableEndHolds and ReadableEndKeeps (readableend.go): the main
	// region is cut after the last block readability's result holds when
	// the region holds ReadableEndHolds of that result (both read the
	// same text; below it readability read something else) and the cut
	// keeps ReadableEndKeeps of the region's words (below it readability
	// took one section of a page of many, whose other sections count).
	ReadableEndHolds float64
	ReadableEndKeeps float64

	// ReviewShare: on a shop page that does not declare itself an
	// article, an article path's result with at least this share of its
	// text inside review or rating blocks is the buyers' reviews, not the
	// product: the main region, without them, is used.
	ReviewShare float64

	// MinEntries: a listing has at least this many entries (look-alike
	// sibling blocks, each with a link and MinEntryWords words): fewer are
	// a "see also" box.
	MinEntries int
	// MinEntryWords: a linked block with fewer words is an icon or a
	// "more" link, not an entry (a product card's name and price is two).
	MinEntryWords int
	// MinEntryOwnWords: an entry has this many words outside its links (a
	// summary, a price, a date), or, when it is one card link around a
	// heading, this many outside the heading; a run of bare links is a
	// menu or an index.
	MinEntryOwnWords int
	// EntryShare: at least this share of the look-alike siblings must be
	// entries (a run of paragraphs with one link is not a listing).
	EntryShare float64
	// ListingMinWords and ListingGrowth: the entries hold at least this
	// many words, and ListingGrowth times what the article path kept: a
	// story's teaser rail, even a long one, is not twice the story.
	ListingMinWords int
	ListingGrowth   float64
	// ListingCoverage: the region replaces the article path when the
	// article holds fewer than this share of the entries' titles (it kept
	// an intro, one entry, or the summaries without their linked titles).
	ListingCoverage float64
	// ArticleListObjects: a page declaring this many article objects or
	// more (JSON-LD, microdata) is a listing of articles, not one; a story
	// marks up itself and a few related ones (3 or 4 seen), a listing
	// every entry (a page of teasers: 10 to 30).
	ArticleListObjects int
	// RepeatMinWords: a region block of at least this many words that
	// repeats an earlier one is a copy (sticky bar, mobile variant) and
	// goes; shorter ones (a price, "Add to cart") repeat between entries.
	RepeatMinWords int
	// RepeatRunMinBlocks and RepeatRunMinWords (dropRepeatedRuns): on
	// any page, a run of this many blocks and words that repeats an
	// earlier run in order is the page's text laid out twice; shorter
	// repeats are labels, cards or samples a page repeats on purpose (a
	// meal plan's days repeat runs of 100 words).
	RepeatRunMinBlocks int
	RepeatRunMinWords  int
	// ListingRepeatRunMinWords (dropRepeatedHeadingRuns): in a listing,
	// a run of RepeatRunMinBlocks headings or more that repeats an
	// earlier run in order is the entries shown twice once it holds this
	// many words: three titles of a few words each, where
	// RepeatRunMinWords asks for a page's text laid out twice.
	ListingRepeatRunMinWords int

	// --- Shops, listings and collections ---

	// ListingArticleInside: an article path's result with at least this
	// share of its text inside the entries is a part of the listing (the
	// summaries it kept without their linked titles), however long: a
	// story's text is not in its teaser rail.
	ListingArticleInside float64
	// ListingControlLinkWords (listingtrim.go): around a listing's entries,
	// a block of links with at most this many words a link on average is
	// a control (a facet "Sold by Acme", a page number, a "shop by"
	// brand); an entry's title or a linked summary is longer.
	ListingControlLinkWords float64
	// NameRowMinLetters (isNameRow): a link whose words of this many
	// letters or more all open with a capital is a name ("Fireseed
	// Catering and Wedding Venue"); shorter words ("and", "of", "now")
	// are those a name keeps in lower case.
	NameRowMinLetters int
	// ThreadStatMaxWords, ThreadRowClimb, ThreadRowMaxWords and
	// ThreadRowSummaryWords (threadrows.go): an element of at most
	// ThreadStatMaxWords words that reads only as counts and their labels
	// ("Replies 8 Views 17K", "Topics: 46 Posts: 54,361") is a forum row's
	// counts; their row is the nearest element around them, at most
	// ThreadRowClimb levels up (a row's cell, its cell group, the row),
	// that holds a link, and has at most ThreadRowMaxWords words (a title,
	// a board's line, the last post's title and poster: a post with a
	// poster's counts is longer); a line of ThreadRowSummaryWords words
	// outside links is a board's description, fewer are "by", "Sticky" or
	// a date.
	ThreadStatMaxWords    int
	ThreadRowClimb        int
	ThreadRowMaxWords     int
	ThreadRowSummaryWords int
	// VoteLineMaxWords and VoteLineNames (votelines.go): a link
	// aggregator's vote line under each entry ("12 points by ana 3 hours
	// ago | hide | past | 4 comments") is at most VoteLineMaxWords words
	// and names at most VoteLineNames things besides its counts, time and
	// actions (the submitter; a longer line is an entry's text).
	VoteLineMaxWords int
	VoteLineNames    int
	// ThreadTitleMinRunes and ThreadTitleTimeScan (isTitleLink): a row's
	// title link holds a word of ThreadTitleMinRunes characters or more
	// that is no number (an avatar's letter, a page number are not); a
	// link holding a <time> is the last post's date. The search for it
	// reads at most ThreadTitleTimeScan elements: a title link is a few,
	// and a link wrapping a whole card is no title anyway.
	ThreadTitleMinRunes int
	ThreadTitleTimeScan int
	// IntroListingEntries, IntroListingEntryShare and
	// IntroListingOtherShare (introlisting.go): a page that calls itself
	// an article in og:type alone is a listing with an intro when its main
	// region is the article path's text followed by at least
	// IntroListingEntries entries (a story's teaser rail shows three to
	// six; a listing's page ten or more) holding IntroListingEntryShare of
	// the region's words, and the rest of the region (a story's byline,
	// captions, share and comment boxes) holds less than
	// IntroListingOtherShare of them. (On WCXB and the article benchmark
	// one page qualifies at 8 / 0.3 / 0.1; the nearest stories hold 0.2
	// of entries and 0.11 of other text.)
	IntroListingEntries    int
	IntroListingEntryShare float64
	IntroListingOtherShare float64
	// IntroListingStoryShare: such a page is still a story when an
	// <article> element in its region holds this share of the article
	// path's words (a story marked up as one, whatever follows it; a
	// listing that marks up its entries as articles marks up small ones).
	IntroListingStoryShare float64
	// CommentPickShare (commentpick.go): an article path's result with
	// this share of its words in the page's comment section kept the
	// readers' comments, not the page: the main region is weighed as
	// against a result that found nothing.
	CommentPickShare float64
	// ProductRegionHolds: on a page declaring exactly one product, the
	// region replaces the article path's result (the description alone)
	// when it holds at least this share of that result's text: it adds the
	// price, specifications and options; a region that misses the
	// description (a script fills it, a tab hides it) is not the better read.
	ProductRegionHolds float64
	// ProductRegionOwnShare: and when at least this share of the region's
	// words lies outside links: a region that is mostly links adds the
	// shop's menus and product rails, not the product's parts.
	ProductRegionOwnShare float64
	// GapShare, GapLinkShare, GapHolds and GapBlockKept (gaps.go): the
	// region replaces the article path's result, whatever the page
	// declares, when it holds at least GapHolds of that result's text
	// between the first and last blocks of it (a block is the result's
	// when GapBlockKept of its text is), and the blocks in between that the
	// result lacks add GapShare of its words, less than GapLinkShare of them
	// links: the article path skipped parts of the content (a table, a
	// list, short sections), where chrome would stand around it or be links.
	// 0.3 and 0.3 sit in the middle of the range that gained on every page
	// type and both halves of WCXB (0.25 to 0.4; 0.2 to 0.3).
	GapShare     float64
	GapLinkShare float64
	GapHolds     float64
	GapBlockKept float64
	// StructureGapShare and StructureShare (structure.go): readability's
	// result replaces trafilatura's (from the first to the last block
	// trafilatura holds) when the blocks in that span trafilatura lacks add
	// StructureGapShare of its words and StructureShare of them (of their
	// words or of the blocks) are headings, list items, code blocks and
	// tables: trafilatura's recovery pass, which reads paragraphs only,
	// lost the article's sections and lists. A heading or a short list
	// is a few words, so the share of words is low; the share of headings
	// and lists among them is what tells lost structure from chrome.
	StructureGapShare float64
	StructureShare    float64
	// StructureHeadings: that many headings among the blocks trafilatura
	// lacks pass for lost structure whatever their share of its words: a
	// long page's section titles are a few words each, under
	// StructureGapShare of its text, and the recovery pass lost them all.
	// (One heading alone is as often a box's title as a section's; 2 to 5
	// give the same WCXB figures, 3 is in the middle.)
	StructureHeadings int
	// ArticleLinkShare: an article path's result with at least this share
	// of its text in links is a menu, an index or a rail it took for the
	// text, not an article; the region is read instead. (Gained from 0.4
	// to 0.6 on WCXB, on listings, collections and products; no article
	// path result of the article benchmark comes near it.)
	ArticleLinkShare float64
	// LinkBlockShare and ProductLinkRun (product.go): on one product's
	// page, a region block with at least LinkBlockShare of its text in
	// links is another product's card or a shop link, and goes, unless
	// ProductLinkRun or more such blocks come in a row: a list the product
	// shows (its variants). A block with a word or two outside its link (a
	// price, "from") is more than a link and stays.
	LinkBlockShare float64
	ProductLinkRun int
	// SiteBoxWords (regionboxes.go): a sign-up, log-in or search form
	// and the lines around it hold at most this many words (a heading, an
	// offer, a consent sentence); climbing further would take the content
	// the box stands beside. 40 to 80 gained on WCXB with no page worse;
	// 80 keeps the longer consent texts inside the box.
	SiteBoxWords int
	// WidgetNameGrowth (region.go widgetLimit): an element named for a
	// widget (votes, share, ads) that holds more than this many times the
	// words the main region keeps without such elements is the content: a
	// widget is a few words beside the content, and a name can say what
	// the content is about ("all_votes" around a ranked list).
	WidgetNameGrowth float64
	// TableMinRows, TableKept and TableShare (tables.go): a table of at
	// least TableMinRows rows of two cells is data (a list by year, a
	// schedule, a ranking); when the article path's result holds less
	// than TableKept of such tables' text and they have TableShare of its
	// words, it dropped a part of the content, and the region is read.
	TableMinRows int
	TableKept    float64
	TableShare   float64
	// CutTableCells (cutcells.go): a table trafilatura kept is the page's
	// table cut short when its cells begin the page table's cells and
	// number at least this share of the page table's cells with text.
	// Trafilatura drops only the cells that open with a link or a list,
	// a minority in a data table; a small table that merely begins like
	// a part of a large one holds far fewer.
	CutTableCells float64
	// ReviewBlockShare and ReviewBlockMinWords (shopclean.go): on a shop
	// page, a block of at least ReviewBlockMinWords words with at least
	// ReviewBlockShare of its text in the reviews the page's structured
	// data declares is one of those reviews (a short line, "Great
	// product", matches anywhere and is left alone).
	ReviewBlockShare    float64
	ReviewBlockMinWords int
	// EditorialReviewMinWords, ReviewWidgetCards and EditorialReviewScan
	// (editorialreviews.go): on a shop page, a box named for reviews that
	// shows none of a buyers' widget's parts (stars, names, dates, rating
	// properties) and holds EditorialReviewMinWords words or more outside
	// links is an editorial review (press quotes, a publisher's or an
	// expert's write-up) and stays: 40 words is two or three sentences,
	// more than a widget's empty-state line ("Be the first to review this
	// product") or its summary ("4,212 ratings, 96% recommend"). A box
	// whose element has ReviewWidgetCards or more look-alike cards (same
	// tag and class) is the buyers' reviews, even unmarked: a widget's
	// first page shows four to ten, an editorial box a blurb or three
	// sections. EditorialReviewScan bounds the nodes read of one box: an
	// editorial review is a few hundred; a bigger box stays judged a widget.
	EditorialReviewMinWords int
	ReviewWidgetCards       int
	EditorialReviewScan     int
	// ReviewTabScan (reviewtab.go): how many elements of a shop page's
	// region are read for its tab set's in-page links and panels. The
	// region has lost its menus and footer by then; a product page's
	// region is a few thousand elements, so the walk (once per region,
	// linear) reads all of a usual one and stops on a page of tens of
	// thousands.
	ReviewTabScan int
	// RatingSummaryMaxWords (editorialreviews.go): on a page declaring
	// one product, a box named for reviews or ratings holding at most
	// this many words is the product's rating summary and stays. 40, as
	// EditorialReviewMinWords: a summary is a line or two ("Very Positive
	// (3,065) - 89% of the 3,065 user reviews in the last 30 days are
	// positive" is 19 words); one buyer's review with its name and date
	// is more.
	RatingSummaryMaxWords int
	// FootnoteLegendMinLines (finelegend.go): on a shop page, this many
	// lines in a row that each open with a footnote sign ("\* Typical
	// value tested under laboratory conditions.", "\** Sold separately.")
	// are the fine print under a section, and go. 2: one such line alone
	// is often a note the page means to be read ("\*natural wear and tear
	// will occur"); a legend explains two signs or more.
	FootnoteLegendMinLines int
	// ProductNameTitleShare (productname.go): on a shop page, a level-one
	// heading with at least this share of its words in the page's title
	// names the product, and the text starts there (what stands above it
	// is the shop's header). Half: a product's heading adds its edition,
	// colour or format to the title's name ("… Paperback – 3 May 2021"),
	// a section's heading ("Follow the author") shares a word or
	// none. ShopHeaderBlockWords: what stands above that heading is the
	// shop's header only when none of its blocks holds more than this many
	// words outside links (a deal timer, "Hello, Log In", a delivery note
	// are a few words; a customer's quote or a lede is a sentence or more)
	// and they add up to fewer words than the text from the heading on.
	// ProductNameMinWords: a heading of fewer words is not read as the
	// product's name: a one-word heading ("Description", the brand) shares
	// its one word with the title by chance.
	ProductNameTitleShare float64
	ShopHeaderBlockWords  int
	ProductNameMinWords   int
	// GridMinCards, GridPricedShare and GridArticleInside (product.go
	// productGrid): a run of at least GridMinCards look-alike linked cards,
	// GridPricedShare of them holding a price, of which the article path's
	// result holds less than GridArticleInside of its text, is a shop's
	// product grid the article path left out for the category's intro, and
	// the region is read. A pricing table's plans are three or four; a
	// listing whose article result is its cards' own lines keeps them.
	GridMinCards      int
	GridPricedShare   float64
	GridArticleInside float64
	// DescriptionMinWords and DescriptionKept (productld.go): on a page
	// declaring one product, the description its structured data declares
	// is said when the extracted text holds less than DescriptionKept of
	// it (a script writes it into the page, or a button opens it), and it
	// has DescriptionMinWords words or more (a shorter one is a tagline
	// the buy box shows anyway). DescriptionOwnShare: a result with a
	// block of prose of this many times the description's words describes
	// the product in its own words already (the declared text is a summary
	// for search engines), and the declared one is not added.
	DescriptionMinWords int
	DescriptionKept     float64
	DescriptionOwnShare float64
	// Tab widgets drawn without ARIA (tabpanes.go): a bar of labels and as
	// many look-alike panes, one shown. TabMaxPanes: more look-alike
	// siblings than this are a list or a grid, not tabs (a product shows a
	// handful of tabs), and a box of more than twice as many children is
	// not read at all. TabLabelMaxBytes: a label longer than this
	// ("Specifications", "Reviews (12)" are short) is content, not a tab.
	// TabBarSiblings and TabBarDepth: the bar is one of this many
	// elements before the panes (or before their box), at most this many
	// levels down (it sits in a flex row or a header box). TabBarNodes and
	// TabPaneScan bound the elements read for one bar and the nodes read
	// of one pane for words outside links, so a page of many widgets
	// costs each a bounded look. TablistPanelScan (region.go
	// isChromeByKind): a role="tablist" that holds a panel among its
	// first this many elements is an accordion marked up as tabs, read as
	// content; each tab there is a heading and its panel, so the first
	// panel comes within a few dozen elements, and a bar of labels alone
	// (or a hostile tablist of thousands of nodes) costs a bounded look
	// on every region walk.
	TabMaxPanes      int
	TabLabelMaxBytes int
	TabBarSiblings   int
	TabBarDepth      int
	TabBarNodes      int
	TabPaneScan      int
	TablistPanelScan int
	// ShellGrowth and ShellLinkShare (cssshell.go): an element the
	// cascade sets to display:none that holds ShellGrowth times the text
	// the rest of the page shows is the page itself waiting for its
	// script to show it (a product's page kept in a "defer-block" until
	// the app starts, the rest a header of a few words). A closed menu or
	// drawer that big is mostly links (ShellLinkShare of its text or
	// more) and stays hidden.
	ShellGrowth    float64
	ShellLinkShare float64
	// SiblingCopyMinWords and SiblingCopyShare (siblingcopies.go): of two
	// adjacent sibling elements, one whose words are the other's in order
	// is the other layout's copy (a phone card beside its desktop card)
	// when it has SiblingCopyMinWords words or more (a label repeated in
	// two cells is not) and SiblingCopyShare of the other's words (a
	// heading is in order inside the section beside it too, and is no
	// copy of it).
	SiblingCopyMinWords int
	SiblingCopyShare    float64
	// Cookie banners kept in a region (consent.go). ConsentMaxWords and
	// ConsentMaxBytes: a notice is a few sentences ("We use cookies to …
	// By using our site you agree …"); a longer block is a page about
	// cookies (a privacy policy), whatever it says. ConsentLabelWords: a
	// line of this many words or fewer made of "cookies" and a button's
	// words ("Manage cookie preferences") is the banner's button.
	ConsentMaxWords   int
	ConsentMaxBytes   int
	ConsentLabelWords int

	// --- Text pages: articles, threads, documentation, service pages ---

	// DisjointCoverage and DisjointGrowth: when trafilatura's result
	// shares less than DisjointCoverage of its text with readability's
	// and readability's is DisjointGrowth times longer, trafilatura kept
	// a box beside the content (an author bio, a call to action, one
	// card) and readability the content itself.
	// DisjointMinWords: and readability's result is a body of text of
	// this many words: beside an article's placeholder (a script writes
	// it later), a most-read list with a newsletter box is not one.
	DisjointCoverage float64
	DisjointGrowth   float64
	DisjointMinWords int
	// MaxAuthorWords: a post's author property with more words than
	// this is a card (name, rank, post count), not a name.
	MaxAuthorWords int
	// CommentBlockShare: a trailing block with this share of its text in
	// the page's comment section is a reader's comment, not the article.
	CommentBlockShare float64
	// MetaItemMaxWords (spacing.go likeItems): a metadata line's item (a
	// year, a running time, a rating, a tag) is this many words at most;
	// longer runs of one class are text a rich-text editor split.
	MetaItemMaxWords int
	// MojibakeMinRuns (mojibake.go): a page is read as double-encoded
	// UTF-8 (and repaired) when it holds at least this many
	// double-encoded punctuation marks ("â€™" for "’"); a page that uses
	// "â" beside a symbol once or twice is written that way on purpose.
	MojibakeMinRuns int

	// --- Controls: what a reader presses, not what a reader reads ---

	// FAQQuestionMaxBytes (disclosurenear.go isQuestion): an element whose
	// whole text is one question of at most this many bytes opens the
	// collapsed block after it, as a FAQ's question opens its answer; a
	// longer one is a paragraph that happens to end in a question.
	FAQQuestionMaxBytes int
	// ControlRowMinLinks (controls.go): a row of this many links that lead
	// nowhere, and nothing else, is a control a script runs (a star rater
	// has five); a pair of "prev"/"next" arrows is too few to tell.
	ControlRowMinLinks int
	// SignInPromptMaxWords (signin.go): a line opening with a sign-in link
	// is the account widget's prompt ("[Sign in] to add this item to your
	// wishlist") when it is at most this many words: one short sentence.
	SignInPromptMaxWords int
	// QuoteToggleWords (quotetoggles.go): a quote's expand or collapse
	// control is this many words at most ("Click to expand...", "Show the
	// full quote"); a longer line in a quote is what someone wrote.
	QuoteToggleWords int
	// EmbedBoxClimb and EmbedBoxLabelWords (embedboxes.go): an embed-code
	// box is the nearest element within EmbedBoxClimb levels above a field
	// holding embed markup that shows the markup as text (a player's
	// overlay: a label, the field, the shown code), with at most
	// EmbedBoxLabelWords words besides the code ("Embed", "Copy code",
	// "Close"); more is the page around the field, left alone.
	EmbedBoxClimb      int
	EmbedBoxLabelWords int

	// Collection pages (a category's grid, a storefront of picks).
	// EchoedAltLines (echoedalts.go): an image's alternative text that
	// says again, word for word, a line within this many lines after the
	// image (or the one line before it, or the rest of its own line) is
	// the card's title told twice; a card puts its name beside its photo,
	// seldom further than its price and a badge away.
	EchoedAltLines int
	// CardCallMinRepeats, CardCallMaxWords and CardCallMinPrices
	// (cardcalls.go): a line that is one link alone of at most
	// CardCallMaxWords words ("Read full review", "+5 Free Accessories"),
	// said CardCallMinRepeats times or more on a page with
	// CardCallMinPrices priced lines or more, is every card's call to
	// action, no card's content. Five: a handful of cards may share a
	// real entry's link (an author's two books); six words: a call is a
	// short phrase, an entry's name often longer.
	CardCallMinRepeats int
	CardCallMaxWords   int
	CardCallMinPrices  int
	// CardCallLetterBytes (cardCallKey): a call's link holds a word of
	// letters alone of this many bytes or more ("Read", "Shop"): a link
	// of counts or one letter ("+5", "1", "A") is a pager's or
	// an index's, which repeat on a page for their own reasons.
	CardCallLetterBytes int
	// CardBadgeMinRepeats (cardcalls.go): on such a page a shop's status
	// badge ("Sold out", "Top Rated") goes when this many lines say it:
	// one such line may be a section's or a product's own words, two are
	// labels set on cards.
	CardBadgeMinRepeats int
	// CrumbLeadBlocks, CrumbMaxItems, CrumbItemWords and CrumbLastWords
	// (crumbtrail.go): a list among the content's first CrumbLeadBlocks
	// blocks of 2 to CrumbMaxItems items, each a link of at most
	// CrumbItemWords words but the last, which is the page's own name in
	// at most CrumbLastWords words and no link, is a breadcrumb trail. A
	// trail is a few steps of a word or two; a list of linked entries
	// has longer names, or links its last one too.
	CrumbLeadBlocks int
	CrumbMaxItems   int
	CrumbItemWords  int
	CrumbLastWords  int
	// CardGridMinItems (cardgrids.go): an ordered list of at least this
	// many items, most of them cards (a link first, then lines of their
	// own), is a product grid whose numbers the stylesheet hides. Three:
	// two linked cards may be a post's numbered pair of picks, a grid
	// repeats its card.
	CardGridMinItems int
	// EntryStampMinLines, EntryStampOtherWords and EntryStampLinkWords
	// (entrystamps.go): a line holding a relative time ("3 days ago")
	// and at most EntryStampOtherWords other words, none of its links
	// longer than EntryStampLinkWords words, is an entry's stamp (its
	// author and age) when EntryStampMinLines lines or more of the page
	// are. Three: one or two such lines may be a story's own dateline; six
	// words: an author or two, a separator, a comment count; four: a
	// name is a few words, an entry's title link more.
	EntryStampMinLines   int
	EntryStampOtherWords int
	EntryStampLinkWords  int
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
	CardLabelShare:      0.5,
	CardMinLines:        2,
	CardMaxWords:        60,
	CardLabelWords:      2,
	CardLineWords:       8,
	CardRankWords:       3,
	SignatureMaxWords:   80,
	SignatureBlockWords: 3,
	ReadableEndHolds:    0.95,
	ReadableEndKeeps:    0.6,
	ThreadCoverage:      0.5,
	RepliesOverlap:      0.2,
	RepliesGrowth:       3,
	ThreadPostShare:     0.5,
	ReviewShare:         0.5,
	MinEntries:          4,
	MinEntryWords:       2,
	MinEntryOwnWords:    1,
	EntryShare:          0.6,
	ListingMinWords:     40,
	ListingGrowth:       2,
	ListingCoverage:     0.5,
	ArticleListObjects:  8,
	RepeatMinWords:      4,
	RepeatRunMinBlocks:  3,
	RepeatRunMinWords:   200,

	ListingRepeatRunMinWords: 15,

	// Shops, listings and collections.
	ListingArticleInside:    0.8,
	ListingControlLinkWords: 4,
	NameRowMinLetters:       4,
	ThreadStatMaxWords:      8,
	ThreadRowClimb:          4,
	ThreadRowMaxWords:       120,
	ThreadRowSummaryWords:   5,
	VoteLineMaxWords:        20,
	VoteLineNames:           3,
	ThreadTitleMinRunes:     2,
	ThreadTitleTimeScan:     64,
	ProductRegionHolds:      0.8,
	ProductRegionOwnShare:   0.5,
	GapShare:                0.3,
	GapLinkShare:            0.3,
	GapHolds:                0.8,
	GapBlockKept:            0.5,
	StructureGapShare:       0.05,
	StructureShare:          0.5,
	StructureHeadings:       3,
	ArticleLinkShare:        0.5,
	LinkBlockShare:          0.9,
	ProductLinkRun:          4,
	SiteBoxWords:            80,
	WidgetNameGrowth:        1,
	TableMinRows:            5,
	TableKept:               0.5,
	TableShare:              0.3,
	CutTableCells:           0.5,
	ReviewBlockShare:        0.5,
	ReviewBlockMinWords:     4,
	GridMinCards:            5,
	GridPricedShare:         0.6,
	GridArticleInside:       0.2,
	DescriptionMinWords:     8,
	DescriptionKept:         0.5,
	DescriptionOwnShare:     1,
	TabMaxPanes:             16,
	TabLabelMaxBytes:        48,
	TabBarSiblings:          3,
	TabBarDepth:             2,
	TabBarNodes:             64,
	TabPaneScan:             512,
	TablistPanelScan:        512,
	ShellGrowth:             4,
	ShellLinkShare:          0.5,
	SiblingCopyMinWords:     4,
	SiblingCopyShare:        0.5,
	ConsentMaxWords:         80,
	ConsentMaxBytes:         1200,
	ConsentLabelWords:       4,

	// Shop pages: editorial reviews, the product's name.
	EditorialReviewMinWords: 40,
	ReviewWidgetCards:       4,
	EditorialReviewScan:     4096,
	ReviewTabScan:           16384,
	RatingSummaryMaxWords:   40,
	FootnoteLegendMinLines:  2,
	ProductNameTitleShare:   0.5,
	ShopHeaderBlockWords:    20,
	ProductNameMinWords:     2,

	// A listing's intro above its entries.
	IntroListingEntries:    8,
	IntroListingEntryShare: 0.3,
	IntroListingOtherShare: 0.1,
	IntroListingStoryShare: 0.5,

	// The readers' comments picked by the article path.
	CommentPickShare: 0.8,

	// Text pages.
	DisjointCoverage:  0.2,
	DisjointGrowth:    3,
	DisjointMinWords:  250,
	MaxAuthorWords:    6,
	CommentBlockShare: 0.5,
	MetaItemMaxWords:  4,
	MojibakeMinRuns:   3,

	// Controls.
	FAQQuestionMaxBytes:  200,
	ControlRowMinLinks:   3,
	SignInPromptMaxWords: 16,
	QuoteToggleWords:     4,
	EmbedBoxClimb:        3,
	EmbedBoxLabelWords:   8,

	// Collection pages.
	EchoedAltLines:       2,
	CardCallMinRepeats:   5,
	CardCallMaxWords:     6,
	CardCallMinPrices:    5,
	CardCallLetterBytes:  3,
	CardBadgeMinRepeats:  2,
	CrumbLeadBlocks:      4,
	CrumbMaxItems:        6,
	CrumbItemWords:       5,
	CrumbLastWords:       8,
	CardGridMinItems:     3,
	EntryStampMinLines:   3,
	EntryStampOtherWords: 6,
	EntryStampLinkWords:  4,
}
