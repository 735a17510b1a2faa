package research_test

import (
	"fmt"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/research"
)

// A plan names what the question is about and the lookups it chains: the
// director of the film first, then that director's mother.
func ExampleNewPlan() {
	p := research.NewPlan("Who is the mother of the director of the film Blue Harbor?", nil)
	fmt.Println(p.Entities)
	for _, h := range p.Hops {
		fmt.Printf("%q of %q\n", h.Relation, h.Subject)
	}
	// Output:
	// [Blue Harbor]
	// "director" of "Blue Harbor"
	// "mother" of ""
}
