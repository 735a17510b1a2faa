package extract

import (
	"strings"
	"testing"
)

// flattenedGuidePage is a blog post in the shape page builders serve: no
// <article> or <main>, the text in nested layout boxes (section, container,
// columns, a "wysiwyg" body), a hero with the headline and byline above it,
// a related-posts box and a footer below. Trafilatura's main pass finds
// nothing it accepts there and its recovery pass keeps the paragraphs
// only: the headings and both lists go.
func flattenedGuidePage() string {
	body := `<section class="blog-hero"><div class="container"><div class="columns"><div class="column text-side">
<h1>What is container gardening? A guided introduction</h1><div class="subheads">By Dana Fields · May 6, 2025</div></div></div></div></section>
<section class="content-builder-wrap"><div class="container"><div class="columns"><div class="column content-side"><div class="content-builder">
<div class="content-builder-section wysiwyg-ver"><div class="wysiwyg body large">
<p>If you have a balcony, a doorstep or a sunny window, you already have room for a garden. Container gardening turns pots, tubs and boxes into beds that you can move with the seasons.</p>
<p>In this article we look at what container gardening is, what grows well in pots and the mistakes that cost new growers their first crop.</p>
<h2>What is container gardening?</h2>
<p>Container gardening is the practice of growing plants in pots and other vessels instead of in the ground. It suits renters, city dwellers and anyone whose soil is poor or contaminated.</p>
<ul><li><strong>In a bed</strong>, roots spread freely and the soil holds water for days after rain.</li>
<li><strong>In a container</strong>, roots are bounded, the mix dries quickly and the grower decides everything the plant eats.</li></ul>
<p>Most of the work is in the first week: choosing the pots, mixing the soil and finding the spot where each plant gets the light it needs. After that a few minutes a day is enough, and a balcony of a dozen pots can feed a household with herbs and salad from spring to autumn.</p>
<p>Pots also move. A plant that sulks in the afternoon heat can be carried into the shade, and tender plants can spend the winter indoors instead of dying in the first frost, which no bed in the ground allows.</p>
<p>Because the grower controls the mix, containers make it easy to give each plant exactly the soil it prefers, from acidic mixes for blueberries to gritty ones for herbs.</p>
<h2>What grows well in pots?</h2>
<p>Almost anything with a compact root system does well. Fruit trees on dwarfing roots, strawberries in hanging baskets and even potatoes in deep bags reward a grower who waters them well, and the harvest from a single tub can be surprising. Herbs, salad leaves, peppers and dwarf tomatoes are the classic choices for a first season.</p>
<h3>Herbs</h3>
<p>Basil, parsley and chives need a pot about the size of a large mug per plant and a spot with at least six hours of sun.</p>
<h3>Vegetables</h3>
<p>Peppers and tomatoes want deeper pots, twenty litres or more, and a stake or cage once the first fruit sets.</p>
<h2>Common mistakes</h2>
<ol><li>Choosing pots without drainage holes, which drowns the roots within weeks.</li>
<li>Using garden soil, which compacts in a pot and starves the roots of air.</li>
<li>Watering on a schedule instead of checking the mix with a finger first.</li></ol>
<p>Each of these mistakes shows in the leaves before it kills the plant: yellow lower leaves mean too much water, pale new growth means a mix that has run out of food, and wilting at noon in moist soil means roots that cannot breathe. Read the leaves every morning and you will catch most trouble early.</p>
<p>Avoid these three and most plants will forgive a great deal else. Start small, with two or three pots, and add more once you know how much time they take.</p>
</div></div></div></div></div></div></section>
<section class="related"><h2>Related posts</h2><ul><li><a href="/a">Ten herbs for a shady balcony</a></li><li><a href="/b">How to pick a potting mix</a></li></ul></section>`
	head := `<meta charset="utf-8"><title>What is container gardening? A guided introduction | Leafly Tools</title>
<meta property="og:type" content="article"><script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}</script>`
	return page(head, siteChrome(body))
}

func TestFromHTMLFlattenedArticleKeepsItsStructure(t *testing.T) {
	d, err := FromHTML(flattenedGuidePage(), mustURL(t, "https://leafly.example.com/blog/container-gardening"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"If you have a balcony", "## What is container gardening?", "- **In a bed**, roots spread freely",
		"### Herbs", "## Common mistakes", "1. Choosing pots without drainage holes", "3. Watering on a schedule",
		"Start small, with two or three pots",
	} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("%q lost:\n%s", want, d.Markdown)
		}
	}
	for _, gone := range []string{"Related posts", "Ten herbs for a shady balcony", "We use cookies", "Privacy policy", "About us", "By Dana Fields"} {
		if strings.Contains(d.Markdown, gone) {
			t.Errorf("%q kept:\n%s", gone, d.Markdown)
		}
	}
	if strings.Index(d.Markdown, "## What grows well in pots?") > strings.Index(d.Markdown, "Almost anything with a compact root") {
		t.Errorf("heading out of place:\n%s", d.Markdown)
	}
}

func TestStructureLost(t *testing.T) {
	p := []string{
		"Container gardening turns pots, tubs and boxes into beds that you can move with the seasons and the sun.",
		"Because the grower controls the mix, containers make it easy to give each plant the soil it prefers.",
		"Almost anything with a compact root system does well in a pot, from herbs to dwarf tomatoes.",
		"Avoid these mistakes and most plants will forgive a great deal else in their first season.",
	}
	flat := strings.Join(p, "\n\n")
	join := func(blocks ...string) string { return strings.Join(blocks, "\n\n") }
	// lp: a long guide's paragraphs, each of about thirty words.
	var lp []string
	for i, topic := range []string{"the pots", "the mix", "the light", "the water", "the food", "the pests", "the frost", "the harvest", "the seed", "the cuttings", "the tools", "the season"} {
		lp = append(lp, "Part "+string(rune('a'+i))+" of the guide is about "+topic+": what a grower on a balcony needs to know about "+topic+
			" in the first season, which mistakes cost the most, and how a few minutes each morning spent on "+topic+" save a crop that would otherwise be lost by midsummer.")
	}
	long := strings.Join(lp, "\n\n")
	tests := []struct {
		name, tf, rd, want string
	}{
		{"headings and lists between the paragraphs",
			flat,
			join("[Home](/) [Shop](/shop)", p[0], "## What is it?", "- roots spread freely in a bed\n- roots are bounded in a pot", p[1], "## What grows well?", p[2], "## Common mistakes", p[3], "- [Related post one](/a)\n- [Related post two](/b)"),
			join(p[0], "## What is it?", "- roots spread freely in a bed\n- roots are bounded in a pot", p[1], "## What grows well?", p[2], "## Common mistakes", p[3])},
		{"trafilatura has a heading of its own: its main pass chose",
			join(p[0], "## What grows well?", p[1], p[2], p[3]),
			join(p[0], "## What is it?", "- roots spread freely in a bed\n- roots are bounded in a pot", p[1], "## What grows well?", p[2], "## Common mistakes", p[3]),
			""},
		{"the gaps are prose, not structure",
			flat,
			join(p[0], "A caption under the first photograph of the balcony garden, with the photographer's name and the date.", p[1], "Another caption, under the photograph of the pots of herbs on the window sill by the kitchen door.", p[2], p[3]),
			""},
		{"the gaps are links",
			flat,
			join(p[0], "- [Ten herbs for a shady balcony](/a)\n- [How to pick a potting mix](/b)\n- [Pots that last](/c)", p[1], "## [Shop our pots](/shop)", p[2], p[3]),
			""},
		{"readability adds only around the text",
			flat,
			join("## Menu", "- [Home](/)\n- [Shop](/shop)", p[0], p[1], p[2], p[3], "## Related posts", "- one\n- two"),
			""},
		{"a heading too few to matter",
			flat,
			join(p[0], p[1], p[2], "## Tip", p[3]),
			""},
		{"readability empty", flat, "", ""},
		// A long page's section titles are a few words against thousands:
		// under StructureGapShare of the text, yet every one of them lost.
		{"many short section titles on a long page",
			long,
			join(lp[0], "## Soil", lp[1], lp[2], "## Light", lp[3], lp[4], "## Water", lp[5], lp[6], "## Food", lp[7], lp[8], lp[9], lp[10], lp[11]),
			join(lp[0], "## Soil", lp[1], lp[2], "## Light", lp[3], lp[4], "## Water", lp[5], lp[6], "## Food", lp[7], lp[8], lp[9], lp[10], lp[11])},
		{"two short titles on a long page are too few",
			long,
			join(lp[0], "## Soil", lp[1], lp[2], lp[3], lp[4], "## Water", lp[5], lp[6], lp[7], lp[8], lp[9], lp[10], lp[11]),
			""},
		// A reference page: each title over a one-line note and a code
		// block. The notes outweigh the titles in words, but most of the
		// blocks lost are titles and code.
		{"titles, notes and code of a reference page",
			flat,
			join(p[0], "## `WITH` clause", "The clause names subqueries that the main query can refer to by name later on.", "```\nWITH name AS ( select )\n```", p[1], "## `WHERE` clause", "The condition every row of the output satisfies, evaluated once for each row that is read.", "```\nWHERE condition\n```", p[2], "## `LIMIT` clause", p[3]),
			join(p[0], "## `WITH` clause", "The clause names subqueries that the main query can refer to by name later on.", "```\nWITH name AS ( select )\n```", p[1], "## `WHERE` clause", "The condition every row of the output satisfies, evaluated once for each row that is read.", "```\nWHERE condition\n```", p[2], "## `LIMIT` clause", p[3])},
		{"many titles that are links: a table of contents",
			long,
			join(lp[0], "## [Soil](#soil)", lp[1], lp[2], "## [Light](#light)", lp[3], lp[4], "## [Water](#water)", lp[5], lp[6], "## [Food](#food)", lp[7], lp[8], lp[9], lp[10], lp[11]),
			""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := structureLost(tt.tf, tt.rd, &defaultConfig)
			if ok != (tt.want != "") || got != tt.want {
				t.Errorf("got %v\n%s\nwant\n%s", ok, got, tt.want)
			}
		})
	}
}

func TestStructureLostThresholdsFromConfig(t *testing.T) {
	p := "Container gardening turns pots, tubs and boxes into beds that you can move with the seasons and the sun."
	q := "Almost anything with a compact root system does well in a pot, from herbs to dwarf tomatoes and peppers."
	tf, rd := p+"\n\n"+q, p+"\n\n## What grows well?\n\n"+q
	if _, ok := structureLost(tf, rd, &defaultConfig); !ok {
		t.Fatal("a lost heading in a short text not found with the default thresholds")
	}
	cfg := defaultConfig
	cfg.StructureGapShare = 0.5
	if _, ok := structureLost(tf, rd, &cfg); ok {
		t.Error("StructureGapShare not read from the config")
	}
	cfg = defaultConfig
	cfg.StructureShare = 1.1
	if _, ok := structureLost(tf, rd, &cfg); ok {
		t.Error("StructureShare not read from the config")
	}
	// Three titles over a long text: found only by their count.
	long := strings.Repeat(p+"\n\n", 20) + q
	rd = p + "\n\n## Pots\n\n" + strings.Repeat(p+"\n\n", 6) + "## Mix\n\n" + strings.Repeat(p+"\n\n", 7) + "## Light\n\n" + strings.Repeat(p+"\n\n", 6) + q
	if _, ok := structureLost(long, rd, &defaultConfig); !ok {
		t.Fatal("three lost titles in a long text not found with the default thresholds")
	}
	cfg = defaultConfig
	cfg.StructureHeadings = 4
	if _, ok := structureLost(long, rd, &cfg); ok {
		t.Error("StructureHeadings not read from the config")
	}
}

// FuzzGapsIn: any two renderings are measured without a panic; the span
// is md's own text, and the gaps' words split as they are counted (link
// text and structured words are some of the gaps' words).
func FuzzGapsIn(f *testing.F) {
	f.Add("# Guide\n\nThe first paragraph of the guide says what it is for.\n\n## Steps\n\n- open the lid\n- fill it\n\nThe last paragraph of the guide ends the text here.",
		"The first paragraph of the guide says what it is for. The last paragraph of the guide ends the text here.")
	f.Add("[a b c d](https://x.example/)\n\n", "a b c d")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, md, result string) {
		g, ok := gapsIn(md, result, &defaultConfig)
		if !ok {
			return
		}
		if !strings.Contains(md, g.span) || g.linked > g.words || g.structured > g.words || g.words < 0 {
			t.Fatalf("gapsIn(%q, %q) = %+v", md, result, g)
		}
		if span, ok := structureLost(result, md, &defaultConfig); ok && !strings.Contains(md, span) {
			t.Fatalf("structureLost span %q is not md's", span)
		}
	})
}
