package fetch

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"
)

// The PDF workers. PDF parsing runs in child processes of our own binary
// (re-executed with a hidden argument), so a hostile document that spins or
// allocates forever costs one killable process, never a goroutine that
// outlives the call or the server's memory:
//   - a worker reads length-prefixed PDFs on stdin and answers each with one
//     JSON pdfResult line; it says "ready" once its start-up is done (the
//     binary's package initialisation takes a second or more, so workers
//     are kept and reused rather than started per document);
//   - a worker busy with a call is killed when the call's context ends,
//     when pdfParseTimeout passes, when its resident memory passes
//     pdfWorkerMaxRSS (polled from /proc), or when its answer is too long;
//     it is never reused after any failure;
//   - the kernel kills workers with the server (Linux: parent-death
//     signal), and they exit on their own when stdin closes;
//   - each limits itself (address space, CPU time) before parsing;
//   - at most pdfWorkers exist; an idle one exits after pdfWorkerIdle.
const (
	pdfParseTimeout = 15 * time.Second
	pdfWorkerMaxRSS = 768 << 20
	pdfWorkers      = 2
	pdfWorkerIdle   = 30 * time.Second
	pdfWorkerCPU    = 600 // seconds of CPU time over a worker's life, the kernel's backstop
	// pdfWorkerMaxOut bounds one answer: the text cap, JSON escapes (up to
	// six bytes per byte) and the envelope.
	pdfWorkerMaxOut = 6*pdfMaxTextBytes + 64<<10
	pdfMaxInput     = 64 << 20

	workerArg   = "__deepresearch-pdf-worker"
	workerEnv   = "DEEPRESEARCH_PDF_WORKER"
	workerReady = "ready"
)

var (
	workerHook atomic.Bool
	pool       = &pdfPool{slots: make(chan struct{}, pdfWorkers)}
)

// PDFWorkerMain must be called first thing in main (and in TestMain of a
// test binary that fetches PDFs). In a process started as a PDF worker it
// does the work and exits; otherwise it returns at once, and records that
// this binary can serve as a worker. A process that never called it parses
// PDFs in-process, with the same limits but without the kill switch.
func PDFWorkerMain() {
	if len(os.Args) == 2 && os.Args[1] == workerArg && os.Getenv(workerEnv) == "1" {
		os.Exit(runPDFWorker(os.Stdin, os.Stdout))
	}
	workerHook.Store(true)
}

func runPDFWorker(in io.Reader, out io.Writer) int {
	limitWorker(pdfWorkerMaxRSS, pdfWorkerCPU)
	debug.SetMemoryLimit(pdfWorkerMaxRSS / 2)
	w := bufio.NewWriter(out)
	fmt.Fprintln(w, workerReady)
	if w.Flush() != nil {
		return 1
	}
	r := bufio.NewReader(in)
	enc := json.NewEncoder(w)
	for {
		var n uint64
		if err := binary.Read(r, binary.BigEndian, &n); err != nil {
			return 0 // stdin closed: the server is done with us
		}
		if n > pdfMaxInput {
			return 1
		}
		data := make([]byte, n)
		if _, err := io.ReadFull(r, data); err != nil {
			return 1
		}
		res := extractPDF(data) // data and res are dead after their last use: GC may free them
		if enc.Encode(res) != nil || w.Flush() != nil {
			return 1
		}
		debug.FreeOSMemory() // the next document starts from a small RSS
	}
}

// pdfText extracts a PDF's text and title in a worker. partial, when not
// empty, says why the text stops early.
func pdfText(ctx context.Context, data []byte) (text, title, partial string, err error) {
	var res pdfResult
	if workerHook.Load() {
		res, err = pool.run(ctx, data)
	} else {
		res, err = inProcess(ctx, data)
	}
	if err != nil {
		return "", "", "", err
	}
	if res.Err != "" {
		return "", "", "", errors.New(res.Err)
	}
	return res.Text, res.Title, res.Partial, nil
}

type pdfPool struct {
	slots chan struct{} // one per worker in use
	mu    sync.Mutex
	idle  []*pdfWorker
}

type pdfWorker struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	lines  chan []byte   // answers, one per line; closed when stdout ends
	done   chan struct{} // closed once the process is reaped
	over   atomic.Bool   // an answer passed pdfWorkerMaxOut
	ready  bool
	idleAt *time.Timer
}

func (p *pdfPool) run(ctx context.Context, data []byte) (pdfResult, error) {
	select {
	case p.slots <- struct{}{}:
		defer func() { <-p.slots }()
	case <-ctx.Done():
		return pdfResult{}, ctx.Err()
	}
	w := p.take()
	if w == nil {
		var err error
		if w, err = startWorker(); err != nil {
			return pdfResult{}, err
		}
	}
	res, err := w.parse(ctx, data)
	if err != nil {
		w.kill()
		return pdfResult{}, err
	}
	p.put(w)
	return res, nil
}

func (p *pdfPool) take() *pdfWorker {
	p.mu.Lock()
	defer p.mu.Unlock()
	for len(p.idle) > 0 {
		w := p.idle[len(p.idle)-1]
		p.idle = p.idle[:len(p.idle)-1]
		if w.idleAt.Stop() { // false: its idle timer already retired it
			return w
		}
	}
	return nil
}

func (p *pdfPool) put(w *pdfWorker) {
	p.mu.Lock()
	defer p.mu.Unlock()
	w.idleAt = time.AfterFunc(pdfWorkerIdle, func() {
		p.mu.Lock()
		for i, x := range p.idle {
			if x == w {
				p.idle = append(p.idle[:i], p.idle[i+1:]...)
				break
			}
		}
		p.mu.Unlock()
		w.kill()
	})
	p.idle = append(p.idle, w)
}

func startWorker() (*pdfWorker, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("start the PDF parser: %w", err)
	}
	cmd := exec.Command(exe, workerArg)
	// Nothing of the server's environment (keys, tokens) reaches the child.
	cmd.Env = []string{workerEnv + "=1", "GOMAXPROCS=1"}
	cmd.Stderr = nil
	cmd.SysProcAttr = workerProcAttr()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("start the PDF parser: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("start the PDF parser: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start the PDF parser: %w", err)
	}
	w := &pdfWorker{cmd: cmd, stdin: stdin, lines: make(chan []byte, 1), done: make(chan struct{})}
	go w.readLines(stdout)
	return w, nil
}

// readLines forwards the worker's answers; it ends (closing lines and
// reaping the process) when the worker's stdout closes.
func (w *pdfWorker) readLines(stdout io.Reader) {
	defer func() {
		close(w.lines)
		_ = w.cmd.Wait()
		close(w.done)
	}()
	r := bufio.NewReaderSize(stdout, 64<<10)
	for {
		var line []byte
		for {
			chunk, isPrefix, err := r.ReadLine()
			if err != nil {
				return
			}
			if len(line)+len(chunk) > pdfWorkerMaxOut {
				w.over.Store(true)
				_ = w.cmd.Process.Kill()
				return
			}
			line = append(line, chunk...)
			if !isPrefix {
				break
			}
		}
		w.lines <- line
	}
}

// ClosePDFWorkers stops the idle PDF workers and waits for them to exit
// (server shutdown, tests). Busy ones end with their calls.
func ClosePDFWorkers() {
	pool.mu.Lock()
	idle := pool.idle
	pool.idle = nil
	pool.mu.Unlock()
	for _, w := range idle {
		w.idleAt.Stop()
		w.kill()
		<-w.done
	}
}

func (w *pdfWorker) kill() {
	_ = w.cmd.Process.Kill()
	_ = w.stdin.Close()
}

// parse sends one document and waits for its answer. Any error leaves the
// worker unusable; the caller kills it.
func (w *pdfWorker) parse(ctx context.Context, data []byte) (pdfResult, error) {
	if !w.ready {
		// Start-up is the binary's own initialisation: bounded by the
		// call's context only.
		select {
		case line, ok := <-w.lines:
			if !ok || string(line) != workerReady {
				return pdfResult{}, errors.New("the PDF parser did not start")
			}
			w.ready = true
		case <-ctx.Done():
			return pdfResult{}, ctx.Err()
		}
	}
	go func() {
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(data)))
		if _, err := w.stdin.Write(n[:]); err == nil {
			_, _ = w.stdin.Write(data)
		}
	}()
	var overMemory atomic.Bool
	stop := watchRSS(w.cmd.Process, pdfWorkerMaxRSS, func() { overMemory.Store(true) })
	defer stop()
	t := time.NewTimer(pdfParseTimeout)
	defer t.Stop()
	select {
	case line, ok := <-w.lines:
		switch {
		case overMemory.Load():
			return pdfResult{}, fmt.Errorf("parsing the PDF needed more than %d MiB of memory, so it was stopped; the file is malformed or hostile", pdfWorkerMaxRSS>>20)
		case w.over.Load():
			return pdfResult{}, errors.New("the PDF parser's answer passed its size limit")
		case !ok:
			return pdfResult{}, errors.New("the PDF crashed the parser; the file is malformed")
		}
		var res pdfResult
		if err := json.Unmarshal(line, &res); err != nil {
			return pdfResult{}, fmt.Errorf("the PDF parser gave no answer: %w", err)
		}
		return res, nil
	case <-ctx.Done():
		return pdfResult{}, ctx.Err()
	case <-t.C:
		return pdfResult{}, fmt.Errorf("parsing the PDF took longer than %v, so it was stopped; the file is malformed or hostile", pdfParseTimeout)
	}
}

// inProcess is the fallback for binaries without the worker hook (other
// packages' tests): the same limits, a deadline on the wait, but no way to
// stop a parse that runs on.
func inProcess(ctx context.Context, data []byte) (pdfResult, error) {
	done := make(chan pdfResult, 1)
	go func() { done <- extractPDF(data) }()
	t := time.NewTimer(pdfParseTimeout)
	defer t.Stop()
	select {
	case res := <-done:
		return res, nil
	case <-ctx.Done():
		return pdfResult{}, ctx.Err()
	case <-t.C:
		return pdfResult{}, fmt.Errorf("parsing the PDF took longer than %v; the file is malformed or hostile", pdfParseTimeout)
	}
}
