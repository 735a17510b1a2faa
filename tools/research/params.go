package research

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
)

// Params are every tuning weight and threshold of the research engine, in
// one place. Each field says what it trades. DefaultParams holds the values
// the engine ships with; cmd/researchbench -params file.json overrides any
// of them (a JSON object of field names), so tuning needs no code edit.
type Params struct {
	// --- Search and the frontier ---

	// QuestionWeight is the fusion weight of the question's own search
	// against the planned decompositions (1 each): higher trusts the whole
	// question's wording, lower the named entities' own searches.
	QuestionWeight float64
	// RRFK is reciprocal-rank fusion's constant (weight/(k+rank)): higher
	// flattens the difference between ranks, lower trusts the top ranks.
	RRFK float64
	// EntityPagePriority is the least read priority (best result: 1) of a
	// search result that is the page of a name in the question: higher reads
	// the question's own entities first, at the cost of other top results.
	EntityPagePriority float64
	// MinPriority is the frontier priority below which an item is not read:
	// higher saves pages, lower reads long shots.
	MinPriority float64
	// FollowUpWeight scales the priority of follow-up search results
	// against the planned searches' (1): higher favours the next hop.
	FollowUpWeight float64
	// FollowUpResults is how many results of a follow-up search are queued.
	FollowUpResults int
	// FollowUpRankDecay damps a follow-up result by 1/(1+decay*rank).
	FollowUpRankDecay float64
	// NamedResultRank: a follow-up result within this rank whose title is
	// the name searched for counts as the proposing page's link target.
	NamedResultRank int

	// --- Links ---

	// LinkScale caps a link's priority relative to the best search result:
	// higher follows links before second-rank search results.
	LinkScale float64
	// StrongLink is a link score that needs no damping; weaker links are
	// damped in proportion, down to LinkFloor.
	StrongLink float64
	LinkFloor  float64
	// ReverseLink is how much a page counts as bridge for the page it links
	// to (a link back): higher credits pages pointing at the best page.
	ReverseLink float64

	// --- Follow-up searches (the next hop) ---

	// FirstWave is how many pages the first round reads before follow-up
	// searches are chosen: higher chooses from better information and
	// leaves fewer pages for the next hops. 6, not 8: past its first
	// results the question's own search brings mostly pages no hop needs,
	// while the budget binds (every question reads all its pages); 6 gave
	// HotpotQA +1 and MuSiQue +1 question and changed none on 2Wiki.
	FirstWave int
	// RoundPages is how many pages each later round reads: smaller rounds
	// mean more hops in the page budget, each round costs a wait for its
	// slowest page.
	RoundPages int
	// ReadAhead is how many pages are chosen ahead of the reports taken
	// (page n is chosen once n-ReadAhead+1 reports are in): more keeps more
	// tabs busy, fewer decides each page on more information.
	ReadAhead int
	// EarlyStop ends reading once every hop chain of the question is
	// answered and at least EarlyStopMinPages pages have reported.
	EarlyStop         bool
	EarlyStopMinPages int
	// MaxFollowUps is the number of follow-up searches per task, and
	// FollowUpsPerRound per round: more searches find more bridges and
	// spread the page budget thinner.
	MaxFollowUps      int
	FollowUpsPerRound int
	// BoilerNameShare and BoilerWordShare: a name (several words / one word)
	// found on this share of the pages read (and on at least BoilerNameMin
	// pages) is the site's, not the evidence's, and is not searched.
	BoilerNameShare float64
	BoilerWordShare float64
	BoilerNameMin   int

	// --- Hop chains (resolving the bridge of each hop) ---

	// MaxChainAnchors is how many of the question's names start a chain.
	MaxChainAnchors int
	// MaxHops is the longest chain walked; MaxHopSearches the searches all
	// chains of a task may run for their bridges.
	MaxHops        int
	MaxHopSearches int
	// HopPriority is the read priority of a bridge search's results (the
	// best planned result is 1): above 1 reads the next hop first.
	HopPriority float64
	// HopSubjectNamed multiplies the relation score of a sentence on the
	// subject's own page that names the subject (it states the relation
	// outright rather than through "he", "it").
	HopSubjectNamed float64
	// HopDemonymPenalty is added, in words, to the distance of a one-word
	// name shaped like an adjective of origin ("Italian") from the relation.
	HopDemonymPenalty float64
	// HopRefutedPenalty is added, in words, to the distance of a name whose
	// own search found no page of its name: more than a sentence's length,
	// so any sound name comes first, yet the answer when every other name
	// is of the wrong kind.
	HopRefutedPenalty float64
	// HopKindMatch is taken from the distance (in words) of a name known to
	// be of the kind the hop asks for (a state, a company, someone): it
	// outweighs a few words of distance, not a sentence. HopKindMismatch is
	// added for a name known to be of another kind (or an adjective of
	// origin when a kind is asked): as much evidence against the name as a
	// refuted search, so of two such names the nearer wins.
	HopKindMatch    float64
	HopKindMismatch float64
	// HopQuoteChars is the widest quote kept for a hop's answering sentence
	// (with its neighbours); HopQuoteScore is its score (above any page's).
	HopQuoteChars int
	HopQuoteScore float64
	// HopCastRole: a hop asking who plays a part the question names takes
	// the performer a cast line gives ("Dario Lusk as Copper", "the
	// Sea Witch (voiced by Wendla Sarn)") as its bridge, and
	// the line answers the playing and the part's words; off, the nearest
	// name to the relation words is taken, which is often the part itself.
	HopCastRole bool
	// HopNextWords: a bridge's search carries the words of the next hop
	// only (the innermost hop noun still open and its words), not every
	// word left, while two or more hop nouns are left: the outer hops'
	// words pull in pages of other things of the kind asked. Only for a
	// bridge whose sentence answered a hop: a guessed bridge (the first
	// name of a page that answered no word) keeps every word.
	HopNextWords bool
	// HopPlaceComma: the walk reads "from Appleton, Wisconsin" as a
	// sentence about Appleton (a place written with the larger place it
	// lies in), and the larger place so named counts as far from the
	// relation as an adjective of origin (HopDemonymPenalty); off, a name
	// counts only between spaces.
	HopPlaceComma bool
	// HopLifeSpan: a name followed by a life's span in brackets ("(1842 –
	// 1887)", "(born 1953 in X)") is someone, and as far from a hop asking
	// for a place or a firm as a name known to be of another kind
	// (HopKindMismatch).
	HopLifeSpan bool
	// HopLifeSpanBytes: how far into the parenthesis after a name
	// HopLifeSpan reads for it to close: more than the longest life's span
	// written in full ("(born 23 September 1921 in Saint-Jean-sur-
	// Richelieu, Quebec – died 4 December 1999 in Montreal)", 99 bytes),
	// and a parenthesis closing later is a gloss of another kind. It
	// bounds the reading too: a name before every "(" of a long sentence
	// that closes late would otherwise read the rest of it each.
	HopLifeSpanBytes int
	// HopOriginOnly: a one-word adjective of origin standing before the
	// word it qualifies ("Austrian physicist", "African religion",
	// "Russian-born") is a hop's answer only when the hop asks for an
	// origin (a nationality, a language, a country); otherwise it is no
	// candidate at all. Off, it is only counted farther
	// (HopDemonymPenalty, HopKindMismatch), and is taken when the
	// sentence names nothing else new.
	HopOriginOnly bool
	// HopBirthName: a name right after a bare "born" or "née" ("(born
	// Ruth Mary Calder; 1913 – 1967)") is the subject's own name at
	// birth, no bridge; off, it is a candidate like any other name.
	HopBirthName bool
	// HopQuotesUnresolved is how many first hops of a chain that never
	// reached its answer have their sentences forced into the evidence
	// (those read on their subjects' own pages): more keeps the start of a
	// half-walked chain, fewer leaves room for other pages' quotes.
	HopQuotesUnresolved int
	// StrandedMinCoverage is the least share of the question's weight a
	// sentence of another page that names a chain's last bridge must cover
	// to be quoted for a chain that stopped there (the next hop's lead):
	// higher quotes only sentences close to the question.
	StrandedMinCoverage float64

	// --- Reading a page ---

	// EarlyStopAfter passages without a keepable one make the reader give
	// up on a page (unless its title names an entity): saves time, may miss
	// a late answer.
	EarlyStopAfter int
	// MaxSegments is the most passages looked at on one page.
	MaxSegments int
	// KeepRatio keeps passages within this share of the page's best.
	KeepRatio float64
	// MaxFindings is the most passages kept from one page.
	MaxFindings int
	// MinKeepScore is the least passage score worth keeping.
	MinKeepScore float64
	// TitleMatch is the least title-to-entity match (Jaccard of words) for
	// a page to count as the page of a name in the question.
	TitleMatch float64
	// MaxLinks and MaxPageQueries bound what one page proposes.
	MaxLinks       int
	MaxPageQueries int
	// LeadMaxChars is the longest first sentence kept as a page's lead.
	LeadMaxChars int
	// PassageMaxChars is the size passages are split to.
	PassageMaxChars int

	// Passage score = SegCoverage*coverage(passage) + SegBestSentence*best
	// sentence + SegEntities*entities named; sentence score = coverage +
	// SentEntities*entities. Coverage finds the topic, the best sentence
	// stands for proximity, entities for the question's names.
	SegCoverage     float64
	SegBestSentence float64
	SegEntities     float64
	SentEntities    float64
	// LeadBoost multiplies the first passage's score (the page's lead says
	// what it is about); LeadSentence adds that share of the best sentence
	// to the first sentence so quotes keep it.
	LeadBoost    float64
	LeadSentence float64
	// AnswerBonus is added to a sentence that bears on the question and
	// holds the kind of thing asked for (a year, a number...).
	AnswerBonus float64
	// WindowGrowLeft: a quote window grows to the earlier sentence unless
	// the later one scores more than 1/WindowGrowLeft times it.
	WindowGrowLeft float64
	// Term weights: IDFFloor is the least weight of a question term;
	// EntityTermBoost multiplies the weight of a term of a named entity;
	// PartialEntity is the credit for an entity whose words all occur but
	// not as one phrase.
	IDFFloor        float64
	EntityTermBoost float64
	PartialEntity   float64
	// Link score = LinkContext*coverage of its sentence + LinkTitle*title
	// match of the anchor + LinkAnchor*coverage of the anchor; a link
	// outside the text counts LinkOutside of that; below LinkMinScore it is
	// not proposed.
	LinkContext  float64
	LinkTitle    float64
	LinkAnchor   float64
	LinkOutside  float64
	LinkMinScore float64
	// QuerySentence weighs the sentence a proposed name sits in against the
	// question words within QueryNear words of it.
	QuerySentence float64
	QueryNear     int
	// QueryMissing is how many of the question's uncovered keywords a
	// follow-up query carries with the name.
	QueryMissing int

	// --- Choosing the evidence ---

	// Page score = relevance + TitleWeight*title match (TitleComparison in
	// a comparison) + SearchWeight*search rank; a linked page also scores
	// BridgeWeight of its parent's. ResidualWeight credits coverage of the
	// question terms the best page lacks (the other hop). BridgeMix adds
	// that share of the smaller of own and bridge score.
	TitleWeight     float64
	TitleComparison float64
	SearchWeight    float64
	BridgeWeight    float64
	BridgeMix       float64
	ResidualWeight  float64
	// PageCut drops pages scoring below this share of the best page from
	// the first choice; pages down to PageFloor of it fill the budget the
	// others leave (the best quote of each, cut short).
	PageCut   float64
	PageFloor float64
	// QuoteMaxChars is the longest quote; pages ranked lower get shorter
	// quotes (QuoteTiers: from rank Rank on, Chars), so more pages fit.
	QuoteMaxChars int
	QuoteTiers    []QuoteTier
	// LeadScore is the score share of a page's lead added after selection.
	LeadScore float64
	// FullNameScore is the score share (of the quote's) of the sentence
	// that names in full a person a chosen quote names by surname alone
	// (fullnames.go), added after selection like a lead; FullNameMaxChars
	// is the longest such sentence: a longer one costs the budget more
	// than the name is worth. Both were the lead's values, shared.
	FullNameScore    float64
	FullNameMaxChars int
	// SurnameMinBytes is the shortest capitalised word that opens a
	// sentence and is read as a surname: shorter ones are mostly titles
	// and interjections ("Mr", "Dr", "Oh"), at the cost of the shortest
	// surnames ("Li", "Wu").
	SurnameMinBytes int
	// NearDuplicate is the shingle Jaccard above which two quotes say the
	// same; ContainedShare of a quote's shingles in another makes it an
	// excerpt of it.
	NearDuplicate  float64
	ContainedShare float64
	// BoilerMinPages: a paragraph on this many pages read (and BoilerShare
	// of them) is site chrome, trimmed from quotes.
	BoilerMinPages int
	BoilerShare    float64

	// --- Budgets of the plan ---

	// MaxPlannedQueries bounds the first searches.
	MaxPlannedQueries int
	// SearchResults is how many results each search asks for.
	SearchResults int
	// SearchParallel is how many searches run at once.
	SearchParallel int

	// --- Added by the hop walk (research-hops) ---

	// HopSnippetRerank re-ranks a bridge's hop search: the bridge's own
	// page first at whatever rank (the hop's words may outrank it), then
	// results whose snippet names the bridge (a long page that names it
	// once ranks below short pages sharing a common word of its name),
	// then the rest; the first two kinds are queued beyond
	// FollowUpResults.
	HopSnippetRerank bool

	// --- The page budget (research-budget) ---

	// HopNextPage asks a hop search's second results page when its first
	// brings neither the bridge's page nor an unread result naming it (a
	// long page that names the bridge once ranks below short pages sharing
	// a common word of its name), and queues of it only the results about
	// the bridge. Costs one search request (two on DuckDuckGo) per such
	// hop: about 1.5 a question on MuSiQue. Measured: MuSiQue gold-page
	// recall 0.749 -> 0.753, every other figure of the three sets equal.
	HopNextPage bool

	// --- Added by the decomposition (hops of where/relative clauses) ---

	// HopSearchesPerHop is added to MaxHopSearches for each hop the
	// question's decomposition counts past the second: a four-hop chain
	// has three bridges to search, each maybe with a wrong first name.
	HopSearchesPerHop int
	// LongChainFirstWave, when above 0, is the first wave of a question
	// whose decomposition chains three hops or more: fewer pages of the
	// question's own search, more of the budget for the chain's hops.
	// Measured on MuSiQue (in process): 5 gains a 4-hop answer and a gold
	// page, 4 the same answer but loses another question's gold page;
	// HotpotQA and 2Wiki unchanged.
	LongChainFirstWave int
	// EarlyStopOneChain: every hop has evidence once one chain walked
	// them all (each chain walks the question's every relation word from
	// its own anchor; a second anchor is often a qualifier, "Alberta",
	// "1988 to 1996", whose chain never resolves, and the stop waited for
	// it). Measured: no question changed on the three sets; early stops
	// HotpotQA 26 -> 41 of 200, 2Wiki 11 -> 13 of 82, MuSiQue 3 -> 10 of 100.
	EarlyStopOneChain bool
	// EarlyStopNotBoth: a question that says "both" ("Do both directors
	// of A and B ...") does not stop early on a chain's answer: the
	// planner may read "A and B" as one name and give it one chain,
	// whose one bridge is half of what is asked.
	EarlyStopNotBoth bool

	// --- Added by the evidence choice (research-quotes) ---

	// HopBridgePage is the share of the score of the page a chain's bridge
	// was found on that a page read for the bridge, and naming it, scores
	// at least (it may share no word with the question): higher quotes the
	// next hop's pages before the question's other pages, 0 turns it off.
	// 0.9, not 0.6: a page read for an earlier bridge that names it (the
	// next hop's evidence) scored below pages sharing only the question's
	// words through a namesake (a sports club's players, for the heroes
	// the club is named after) and found no room. Measured in process: MuSiQue
	// both-gold 0.740 -> 0.750, answer recall 0.770 -> 0.780 (one 2-hop
	// question); HotpotQA and 2Wiki unchanged question by question; 1.0
	// measured the same on MuSiQue.
	HopBridgePage float64
	// HopBridgeEveryStep: a stranded chain credits (HopBridgePage) the
	// pages read for each earlier bridge whose next hop the walk answered
	// on a page that merely mentions it (not on the bridge's own page), not
	// only for its last bridge: that hop has rivals among the other pages
	// read for the bridge, equally its evidence; they must name it alone
	// (namesAlone).
	HopBridgeEveryStep bool
	// HopBridgeEverySearch: a page counts as read for a bridge (and is
	// credited for it) when any search or anchor that offered it names the
	// bridge, not only the first: the question's own search often queues
	// first the page a bridge's hop search then ranks high (a page on the
	// bridge's assistant, read for the question's words), and that page
	// is the next hop's evidence all the same. Measured in process:
	// MuSiQue both-gold 0.680 -> 0.690 and answer recall 0.720 -> 0.730
	// (one 2-hop question); no other question of the three sets changed.
	HopBridgeEverySearch bool
	// BridgePageQuoteChars is the widest first quote of a page credited
	// for a bridge: its sentence naming the bridge and the hop's relation,
	// grown by its neighbours within this (480: about two sentences, so
	// "It stars A, B ..." keeps the sentence saying what "it" is), whatever
	// the page's rank tier; 0 cites such a page with its reader's passages
	// only.
	BridgePageQuoteChars int
	// BoilerOpeningPages: a paragraph (up to 200 characters) that opens
	// this many pages read of one site is the site's byline, trimmed from
	// quotes like other chrome; 0 turns it off. 2: pages about different
	// things do not begin with the same words. Of one site: two sites
	// opening alike carry one story (an agency's), not chrome.
	BoilerOpeningPages int

	// --- The hop order (the walk follows the decomposition) ---

	// HopOrder walks a chain in the order of the question's decomposition:
	// the k-th hop resolved (not counting a step to a smaller place than
	// asked, the town for a county) is picked by the words of the
	// decomposition's k-th hop and of no hop; the words of hops further
	// out, which a page of the inner subject also speaks of (whom a
	// character married, when the actress who plays her is asked), only
	// break ties, and are answered only when the sentence says them of
	// the bridge ("Ada Ork, a painter") or in a cast line. Off, every
	// word left picks the sentence alike. Measured neutral on all three
	// sets' gold and answers (the walk's path changes on 20 of 100
	// MuSiQue questions).
	HopOrder bool
	// HopAddressSeries: in an address ("Dorran, Tavaria, United States")
	// each place lies in the next. So a name followed by a comma and a
	// larger place is not a country, whatever the pages read say of a
	// country of that name (a state and a country may share one): a hop asking for a
	// state may take it; and it is a place, not an adjective of origin,
	// however it ends ("Dorran", "Michigan"). Off, the country's page
	// makes it of the wrong kind, the "-an" ending an adjective, and the
	// address's last name, the country, answers the hop.
	HopAddressSeries bool
	// HopAddressOrder: where the pages read say nothing of a place's
	// kind, its place in an address of three or more says it (addressKind:
	// the first is the town, the last the country, the one before the
	// country the state), so a hop asking for a state takes "Tavaria" of
	// "Dorran, Tavaria, United States", not the country that ends it.
	// Off, a state or town with no page of its own loses to the country,
	// which has one.
	HopAddressOrder bool
	// HopStarsVerb: "It stars Ann Lee as Thelma" answers who plays, with
	// the name after the verb (as "played by" does). The play relation
	// cannot hold "stars" as a word: its stem is the noun's, and mapping
	// it cost HotpotQA an answer ("star" in questions and in titles).
	HopStarsVerb bool

	// --- The answer sentence (answersent.go) ---

	// AnswerSentences is how many pages may get their answer sentence
	// added: the sentence stating the question's relation with a value of
	// the asked kind next to it, or restating the question's predicate,
	// when the page's quotes hold none. Two: a question's answer is on one
	// or two pages (a bridge and its answer); more only spends the budget
	// of pages that answer nothing. 0: off.
	AnswerSentences int
	// AnswerNearWords is the most words between a relation word and its
	// value ("married the painter Ann Lee": 2): further apart, the value is
	// another clause's.
	AnswerNearWords int
	// AnswerPhraseRun is the shortest run of the question's words, in its
	// order, that restates its predicate: two words meet by chance
	// ("closely related"), three rarely do.
	AnswerPhraseRun int
	// AnswerSentenceRanks: only pages ranked above this (0-based) get an
	// answer sentence; the tail is there to fill the budget.
	AnswerSentenceRanks int
	// AnswerSentenceChars is the longest answer sentence added (with the
	// next one when split): a longer one is a flattened table row.
	AnswerSentenceChars int

	// --- Reading an open hop deeper (hopdeep.go) ---

	// HopDeepResults: while a chain waits on an inner hop of the
	// question's decomposition (its bridge resolved by an answering
	// sentence, no page read yet taking the walk on from it), its hop
	// search's results up to this rank (0-based, over the results pages
	// asked) are read before every planned, linked and guessed page, in
	// the hop's order, past FollowUpResults, when that search confirms
	// the bridge (its page or a page naming it): the next name's page
	// often ranks below short pages sharing one of the hop's words, and
	// the question search's tail (fused flat by RRF) took the budget. 10:
	// one results page (SearchResults). 0: off. Measured, in process:
	// MuSiQue gold recall 0.791 -> 0.796 (a 4-hop question 1/4 -> 2/4),
	// no other question changed. Read deeper for every open hop (the
	// last too, any chain, any search) it cost MuSiQue 4 questions'
	// both gold pages: a 2-hop question's last hop is stated on the
	// bridge's own page, read first anyway, and its bridge is more often
	// wrong (a qualifier's chain, a guess), so the deep tail took the
	// pages the question search's tail had the gold page at.
	HopDeepResults int
	// HopAnsweredStops: once a walk steps on from a bridge (to a further
	// name, or answering a relation word: its hop has evidence), the
	// results of its searches draw no more pages; off, they keep their
	// follow-up priority. Alone it changed no question on MuSiQue.
	HopAnsweredStops bool

	// --- Entity search result choice (frontier.go, questionnames.go) ---

	// EntityPlaceTitle: a search result titled "Name, Larger Place" is
	// the page of the question's entity Name (read in the first wave, as
	// its own page is), and a title "Other, Name" is not Name's page but a
	// place in it. Off, a one-word entity's page needs the whole title
	// ("Dorran, Tavaria" is not Dorran's), and a town in a state passed
	// for the state's page.
	EntityPlaceTitle bool
	// NarrowerPageRank and NarrowerPagePriority: a result within this
	// rank (1-based) of an entity's own search whose title holds the
	// entity's words and more (narrowerEntityPage) is read with at least
	// this priority. 0: off.
	NarrowerPageRank     int
	NarrowerPagePriority float64
	// NarrowerStemSlack and NarrowerStemMin: a title word is a form of
	// the entity's word (an adjective or demonym: "Tavarian", "German",
	// "Italian") when the two share all but the entity word's last
	// NarrowerStemSlack letters, and at least NarrowerStemMin letters,
	// so that short names do not match every word they begin.
	NarrowerStemSlack int
	NarrowerStemMin   int

	// --- Long chains: the walk past its second hop ---

	// HopAgentVerb: "a car developed by Ostwerk GmbH" answers "the
	// company that produces X" as it answers "the producer of X": the
	// name after "by" answers a hop's word of an agent relation (make,
	// produce, write, direct, found ...) in whatever form the question
	// gives it, a verb of any clause ("that produces X", "Which firm
	// produced X?") or a noun that is no role ("the production of X"),
	// as well as its role noun ("producer"). Off, only the role noun
	// reads "by": a chain whose first hop is such a verb answers no word
	// there, and its next hop, also answering none, is cut as a drift.
	HopAgentVerb bool
	// HopLooseMention: when no page read speaks of the question's own
	// name as the walk reads a mention (the name between spaces), a page
	// naming it before punctuation ("serving under Governor Ada Lind.")
	// or without a style ("Arvo" for "King Arvo of Tessaly")
	// answers its first hop, instead of the chain never starting. Only then, and only for the anchor: read so
	// for every bridge, a fallback step at a bridge whose page is not
	// read yet sent its hop searches elsewhere (MuSiQue lost a 4-hop
	// question's page).
	HopLooseMention bool
	// HopNearestBefore: in a sentence that answers no relation word by a
	// name, a name before the subject is its context; of those, the
	// nearest the subject is what the sentence says of it, not the first.
	HopNearestBefore bool
	// HopInstitutionPlace: a hop asking for a place (a state, a county,
	// a city) reads the name of a place's institution or office ("the
	// Tavaria Senate", "Lieutenant Governor of Tavaria") as that place:
	// the nearest a page comes to saying where its subject served. Such a
	// name answers the hop's word of the kind asked ("state"), as the word
	// itself would, so a page that only mentions the subject can answer
	// the hop with it (institutionHop).
	HopInstitutionPlace bool
	// HopInstitutionPlaceWords: the most words the place in an
	// institution's or office's name may have ("Tavaria", "South
	// Tavaria", "Isle of Dorran"); a longer run of capitalised words
	// is a headline's ("Governor of Tavaria Serves Second Term"), not a
	// place's name.
	HopInstitutionPlaceWords int

	// --- Which result is the page of a name searched for (namedpage.go) ---

	// NamedPageStrict: a follow-up search's result is the page of the name
	// searched for (the proposing page's link target, scored as its share,
	// BridgeWeight, and read at the search's full priority) only when its
	// title is no other thing the name's words are part of (namesPageOf):
	// not "Other, Larger Place" ("Kessington, New Harlow" for "New Harlow
	// City"), not the name run on by more words ("New Harlow City
	// Waterworks"). Off, sharing half the name's words (nameMatch) is
	// enough, and such pages, sharing no word with the question, were
	// quoted at length at their parent's score. The hop search's own-page
	// tier (hopRanks) keeps nameMatch: strict there too, a 4-hop MuSiQue
	// question lost a gold page that a town's title "Town, State" had
	// brought first for the state's search. Measured in process: every
	// question of the three sets has the same outcome (the room it frees
	// goes to other pages' quotes).
	NamedPageStrict bool
}

// QuoteTier: pages ranked Rank or lower (0-based) quote at most Chars.
type QuoteTier struct {
	Rank  int
	Chars int
}

// DefaultParams returns the shipped tuning (one place for every default).
func DefaultParams() Params {
	return Params{
		QuestionWeight: 2.0, RRFK: 60, EntityPagePriority: 0.8, MinPriority: 0.02,
		FollowUpWeight: 0.7, FollowUpResults: 5, FollowUpRankDecay: 0.25, NamedResultRank: 3,

		LinkScale: 0.9, StrongLink: 0.25, LinkFloor: 0.3, ReverseLink: 0.75,

		FirstWave: 6, RoundPages: 4, ReadAhead: 4, EarlyStop: true, EarlyStopMinPages: 12, MaxFollowUps: 8, FollowUpsPerRound: 4,
		BoilerNameShare: 0.5, BoilerWordShare: 0.25, BoilerNameMin: 3,

		MaxChainAnchors: 2, MaxHops: 4, MaxHopSearches: 4, HopPriority: 1.2, HopSubjectNamed: 1.2, HopDemonymPenalty: 6, HopRefutedPenalty: 40, HopKindMatch: 8, HopKindMismatch: 40,
		HopQuoteChars: 320, HopQuoteScore: 10, HopQuotesUnresolved: 2, StrandedMinCoverage: 0.1,
		HopCastRole: true, HopNextWords: true, HopPlaceComma: true, HopLifeSpan: true, HopLifeSpanBytes: 200, HopOriginOnly: true, HopBirthName: true,

		EarlyStopAfter: 4, MaxSegments: 80, KeepRatio: 0.45, MaxFindings: 3, MinKeepScore: 0.12,
		TitleMatch: 0.5, MaxLinks: 12, MaxPageQueries: 3, LeadMaxChars: 400, PassageMaxChars: 900,
		SegCoverage: 0.55, SegBestSentence: 0.3, SegEntities: 0.4, SentEntities: 0.5,
		LeadBoost: 1.15, LeadSentence: 0.5, AnswerBonus: 0.15, WindowGrowLeft: 0.8,
		IDFFloor: 0.2, EntityTermBoost: 1.5, PartialEntity: 0.7,
		LinkContext: 0.6, LinkTitle: 0.3, LinkAnchor: 0.2, LinkOutside: 0.5, LinkMinScore: 0.05,
		QuerySentence: 0.5, QueryNear: 4, QueryMissing: 3,

		TitleWeight: 0.5, TitleComparison: 1.0, SearchWeight: 0.25, BridgeWeight: 0.8, BridgeMix: 0.1,
		ResidualWeight: 0.6, PageCut: 0.15, PageFloor: 0.05,
		QuoteMaxChars: 700, QuoteTiers: []QuoteTier{{2, 500}, {4, 360}, {8, 220}},
		LeadScore: 0.9, NearDuplicate: 0.6, ContainedShare: 0.8, BoilerMinPages: 3, BoilerShare: 0.2,
		FullNameScore: 0.9, FullNameMaxChars: 400, SurnameMinBytes: 3,

		MaxPlannedQueries: 8, SearchResults: 10, SearchParallel: 4,

		HopSnippetRerank: true,

		HopNextPage: true, EarlyStopOneChain: true, EarlyStopNotBoth: true,
		HopSearchesPerHop: 2, LongChainFirstWave: 5,
		HopBridgePage: 0.9, BoilerOpeningPages: 2, HopBridgeEveryStep: true, HopBridgeEverySearch: true, BridgePageQuoteChars: 480,
		HopOrder: true, HopAddressSeries: true, HopAddressOrder: true, HopStarsVerb: true,
		AnswerSentences: 2, AnswerNearWords: 4, AnswerPhraseRun: 3, AnswerSentenceRanks: 10, AnswerSentenceChars: 400,
		HopDeepResults: 10, HopAnsweredStops: true,

		EntityPlaceTitle: true, NarrowerPageRank: 3, NarrowerPagePriority: 0.8, NarrowerStemSlack: 2, NarrowerStemMin: 4,
		HopAgentVerb: true, HopLooseMention: true, HopNearestBefore: true, HopInstitutionPlace: true, HopInstitutionPlaceWords: 3,
		NamedPageStrict: true,
	}
}

// defaultParams is what code without an engine (a bare ReadTask) uses.
var defaultParams = DefaultParams()

// LoadParams reads a JSON object of Params fields from path over the
// defaults; unknown fields are an error (a typo must not pass silently).
func LoadParams(path string) (*Params, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read research params: %w", err)
	}
	p := DefaultParams()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return nil, fmt.Errorf("parse research params %s: %w", path, err)
	}
	return &p, nil
}

// WithParams replaces the engine's tuning; it returns e.
func (e *Engine) WithParams(p Params) *Engine {
	e.params = p
	return e
}
