package extract

import "golang.org/x/net/html"

// lookalike is one sibling block judged for a repeated-block group: whether
// it is a member (a post, an entry) and how many words it holds.
type lookalike struct {
	n      *html.Node
	member bool
	words  int
}

// bestLookalikeGroup groups sibling blocks by look (tag and class), the way
// templates repeat posts and entries, and returns the members of the group
// with the most member words among groups that have at least minMembers
// members making up at least share of the group. Threads and listings
// both use it; only what makes a member differs.
func bestLookalikeGroup(kids []lookalike, minMembers int, share float64) (members []*html.Node, words int) {
	return bestLookalikeGroupBy(kids, minMembers, share, nil)
}

// bestLookalikeGroupBy is bestLookalikeGroup with each block's class read
// through classKey (nil: as it is).
func bestLookalikeGroupBy(kids []lookalike, minMembers int, share float64, classKey func(string) string) (members []*html.Node, words int) {
	// It runs at every element with enough children, and most have too
	// few members, or none with words, for any group to qualify: then
	// nothing is grouped.
	memberCount, worded := 0, false
	for _, k := range kids {
		if k.member {
			memberCount++
			worded = worded || k.words > 0
		}
	}
	if memberCount < minMembers || !worded {
		return nil, 0 // no group reaches minMembers, or more than 0 words
	}
	type group struct {
		members     []*html.Node
		size, words int
	}
	type look struct{ tag, class string } // as a key, no string built per block
	groups := map[look]*group{}
	var order []look
	for _, k := range kids {
		key := look{k.n.Data, getAttr(k.n, "class")}
		if classKey != nil {
			key.class = classKey(key.class)
		}
		g := groups[key]
		if g == nil {
			g = &group{}
			groups[key] = g
			order = append(order, key)
		}
		g.size++
		if k.member {
			g.members = append(g.members, k.n)
			g.words += k.words
		}
	}
	for _, key := range order { // document order: ties go to the first group
		g := groups[key]
		if len(g.members) >= minMembers && float64(len(g.members)) >= share*float64(g.size) && g.words > words {
			members, words = g.members, g.words
		}
	}
	return members, words
}
