package extract

import "testing"

func TestCodeFence(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []string
		want  []bool
	}{
		{"backticks", []string{"text", "```go", "x := 1", "```", "text"}, []bool{false, true, true, true, false}},
		{"tildes", []string{"~~~", "```", "~~~", "after"}, []bool{true, true, true, false}},
		{"a shorter fence inside a longer one", []string{"````", "```", "code", "```", "````", "after"}, []bool{true, true, true, true, true, false}},
		{"a closing fence with words is code", []string{"```", "``` not a close", "```", "after"}, []bool{true, true, true, false}},
		{"indented by spaces", []string{"  ```", "code", "  ```", "after"}, []bool{true, true, true, false}},
		{"unclosed", []string{"```", "code", "more"}, []bool{true, true, true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var f codeFence
			for i, l := range tc.lines {
				if got := f.line(l); got != tc.want[i] {
					t.Errorf("line %d %q: in code = %v, want %v", i, l, got, tc.want[i])
				}
			}
		})
	}
}
