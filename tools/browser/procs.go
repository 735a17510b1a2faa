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
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	marker := []byte(userDataPrefix())
	parent := map[int]int{}
	ours := map[int]bool{}
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
		if string(fields[0]) == "Z" || string(fields[0]) == "X" {
			continue // zombies are counted by Zombies
		}
		ppid, _ := strconv.Atoi(string(fields[1]))
		parent[pid] = ppid
		cmd, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err == nil && bytes.Contains(cmd, marker) {
			ours[pid] = true
		}
	}
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
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	self := os.Getpid()
	n := 0
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		i := bytes.LastIndexByte(stat, ')')
		if i < 0 {
			continue
		}
		fields := bytes.Fields(stat[i+1:])
		if len(fields) >= 2 && string(fields[0]) == "Z" {
			if ppid, _ := strconv.Atoi(string(fields[1])); ppid == self {
				n++
			}
		}
	}
	return n
}
