package browser

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// profilePrefix starts every profile directory name; the owner's process
// id follows (see userDataPrefix).
const profilePrefix = "deepresearch-chromium-"

// removeStaleProfiles deletes the profile directories that processes which
// no longer exist left in the temp folder (a server killed with SIGKILL
// cannot remove its own). A directory whose owner still runs, or whose
// name does not parse, is left alone. It returns how many it removed.
func removeStaleProfiles(tmp string) int {
	dirs, _ := filepath.Glob(filepath.Join(tmp, profilePrefix+"*"))
	n := 0
	for _, dir := range dirs {
		rest := strings.TrimPrefix(filepath.Base(dir), profilePrefix)
		pidText, _, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid <= 0 || pid == os.Getpid() || processExists(pid) {
			continue
		}
		if fi, err := os.Lstat(dir); err != nil || !fi.IsDir() {
			continue
		}
		if os.RemoveAll(dir) == nil {
			n++
		}
	}
	return n
}

// processExists says whether pid is a live process (EPERM: it exists but
// belongs to someone else).
func processExists(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
