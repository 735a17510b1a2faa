package fetch

import (
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// workerProcAttr kills the worker with the server: without it a worker
// parsing a hostile PDF would outlive a SIGKILLed server.
func workerProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// limitWorker caps the worker's CPU time and, in a build without the race
// detector (whose shadow memory needs terabytes of address space), its
// address space.
func limitWorker(maxRSS int64, cpuSeconds uint64) {
	_ = syscall.Setrlimit(syscall.RLIMIT_CPU, &syscall.Rlimit{Cur: cpuSeconds, Max: cpuSeconds + 5})
	if !raceEnabled {
		// The Go runtime reserves address space well beyond what it uses;
		// four times the RSS cap leaves it room while stopping a runaway.
		as := uint64(4 * maxRSS)
		_ = syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: as, Max: as})
	}
}

// watchRSS kills p once its resident memory passes max, calling onKill
// first (the answer channel then closes and the caller sees why). The returned func stops the watch.
func watchRSS(p *os.Process, max int64, onKill func()) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if rssBytes(p.Pid) > max {
					onKill()
					_ = p.Kill()
					return
				}
			}
		}
	}()
	return func() { close(done); <-finished }
}

func rssBytes(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n << 10
		}
	}
	return 0
}
