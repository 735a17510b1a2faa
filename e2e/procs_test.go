package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Process helpers over /proc: the tests find the server's Chromium, measure
// the server's memory and count open files without asking the server.

type procInfo struct {
	pid, ppid int
	cmdline   string
}

func readProcs() []procInfo {
	var out []procInfo
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	for _, d := range dirs {
		pid, err := strconv.Atoi(filepath.Base(d))
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join(d, "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...; comm may contain spaces and parentheses.
		i := bytes.LastIndexByte(stat, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(string(stat[i+1:]))
		if len(f) < 2 || f[0] == "Z" { // zombies are reaped by their parent; they hold nothing
			continue
		}
		ppid, _ := strconv.Atoi(f[1])
		cmd, _ := os.ReadFile(filepath.Join(d, "cmdline"))
		out = append(out, procInfo{pid: pid, ppid: ppid, cmdline: string(bytes.ReplaceAll(cmd, []byte{0}, []byte{' '}))})
	}
	return out
}

// descendants lists the live processes below root (not root itself).
func descendants(root int) []procInfo {
	ps := readProcs()
	children := map[int][]procInfo{}
	for _, p := range ps {
		children[p.ppid] = append(children[p.ppid], p)
	}
	var out []procInfo
	queue := []int{root}
	for len(queue) > 0 {
		pid := queue[0]
		queue = queue[1:]
		for _, c := range children[pid] {
			out = append(out, c)
			queue = append(queue, c.pid)
		}
	}
	return out
}

// chromiumBelow lists Chromium processes below root; kind filters on
// --type= ("" for the browser process itself, "renderer", ...; "*" for all).
func chromiumBelow(root int, kind string) []procInfo {
	var out []procInfo
	for _, p := range descendants(root) {
		if !strings.Contains(p.cmdline, "chrom") {
			continue
		}
		typ := ""
		if _, after, ok := strings.Cut(p.cmdline, "--type="); ok {
			typ, _, _ = strings.Cut(after, " ")
		}
		if kind == "*" || typ == kind {
			out = append(out, p)
		}
	}
	return out
}

// procStatusKB reads a "Vm..." line of /proc/<pid>/status in kB.
func procStatusKB(pid int, field string) int {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return n
		}
	}
	return -1
}

// openFDs counts the open file descriptors of pid ("self" for the test).
func openFDs(pid string) int {
	ents, err := os.ReadDir("/proc/" + pid + "/fd")
	if err != nil {
		return -1
	}
	return len(ents)
}
