package browser

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
)

// Processes lists the live processes of every browser this process
// launched (Chromium, its helpers and leakless guards), found by the profile
// directory on their command line or by descent from such a process. Leak
// tests compare it with zero after Close. Linux only (reads /proc);
// elsewhere it returns nil.
func Processes() []int {
	marker := []byte(userDataPrefix())
	parent := map[int]int{}
	ours := map[int]bool{}
	eachProc(func(pid int, state string, ppid int) {
		if state == "Z" || state == "X" {
			return // zombies are counted by Zombies
		}
		parent[pid] = ppid
		cmd, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "cmdline"))
		if err == nil && bytes.Contains(cmd, marker) {
			ours[pid] = true
		}
	})
	var out []int
	for pid := range parent {
		for q, hops := pid, 0; q > 1 && hops < 64; q, hops = parent[q], hops+1 {
			if ours[q] {
				out = append(out, pid)
				break
			}
		}
	}
	return out
}

// Zombies counts exited children of this process not yet reaped.
func Zombies() int {
	self := os.Getpid()
	n := 0
	eachProc(func(_ int, state string, ppid int) {
		if state == "Z" && ppid == self {
			n++
		}
	})
	return n
}

// eachProc calls f with the state and parent of every process in /proc.
func eachProc(f func(pid int, state string, ppid int)) {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return
	}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...; comm may contain spaces and parens.
		i := bytes.LastIndexByte(stat, ')')
		if i < 0 {
			continue
		}
		fields := bytes.Fields(stat[i+1:])
		if len(fields) < 2 {
			continue
		}
		ppid, _ := strconv.Atoi(string(fields[1]))
		f(pid, string(fields[0]), ppid)
	}
}
