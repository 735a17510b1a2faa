//go:build !linux

package fetch

import (
	"os"
	"syscall"
)

// On other systems the worker has only its deadline and the context.
func workerProcAttr() *syscall.SysProcAttr       { return nil }
func limitWorker(int64, uint64)                  {}
func watchRSS(*os.Process, int64, func()) func() { return func() {} }
