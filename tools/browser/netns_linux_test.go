package browser

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"runtime"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// The remote browser in a network namespace of its own: its loopback is
// not ours, as for a browser on another host. The allowed site lives on
// our loopback, so whatever of the page arrives was carried by the
// interceptor; a victim listens on both loopbacks (same port), so a
// request that escaped interception (straight from the browser) and one
// the guarded client let through are both caught.
func TestInterceptedBrowserInOwnNetworkNamespace(t *testing.T) {
	bin := needChromium(t)
	ns := newNetns(t)
	v := newVictim(t)
	_, port, _ := net.SplitHostPort(v.addr)
	var inner net.Listener
	if err := ns.do(func() (err error) {
		inner, err = net.Listen("tcp", "127.0.0.1:"+port)
		return err
	}); err != nil {
		t.Fatalf("victim inside the namespace: %v", err)
	}
	vin := serveVictim(t, inner)
	endpoint := ns.startChromium(t, bin)
	interceptMatrix(t, endpoint, v, vin)
}

// netns is a network namespace made for one test, with its loopback up.
type netns struct {
	f *os.File // /proc/<tid>/ns/net of the thread that made it
}

// newNetns makes a namespace (needs root or CAP_SYS_ADMIN: CI runs as
// root; elsewhere the test skips unless CI=true).
func newNetns(t *testing.T) *netns {
	t.Helper()
	res := make(chan error, 1)
	var f *os.File
	go func() {
		// Never unlocked: the thread, now in the new namespace, ends with
		// this goroutine instead of going back to the scheduler.
		runtime.LockOSThread()
		if err := unix.Unshare(unix.CLONE_NEWNET); err != nil {
			res <- fmt.Errorf("unshare(CLONE_NEWNET): %w", err)
			return
		}
		var err error
		if f, err = os.Open(fmt.Sprintf("/proc/self/task/%d/ns/net", unix.Gettid())); err != nil {
			res <- err
			return
		}
		res <- loopbackUp()
	}()
	if err := <-res; err != nil {
		if f != nil {
			_ = f.Close()
		}
		if os.Getenv("CI") == "true" {
			t.Fatalf("cannot make a network namespace under CI (run as root): %v", err)
		}
		t.Skipf("cannot make a network namespace (needs root): %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return &netns{f: f}
}

// loopbackUp brings up lo in the calling thread's namespace.
func loopbackUp() error {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return err
	}
	defer func() { _ = unix.Close(fd) }()
	ifr, err := unix.NewIfreq("lo")
	if err != nil {
		return err
	}
	if err := unix.IoctlIfreq(fd, unix.SIOCGIFFLAGS, ifr); err != nil {
		return fmt.Errorf("lo flags: %w", err)
	}
	ifr.SetUint16(ifr.Uint16() | unix.IFF_UP)
	if err := unix.IoctlIfreq(fd, unix.SIOCSIFFLAGS, ifr); err != nil {
		return fmt.Errorf("lo up: %w", err)
	}
	return nil
}

// do runs f on a thread inside the namespace; sockets f opens stay there.
func (n *netns) do(f func() error) error {
	res := make(chan error, 1)
	go func() {
		runtime.LockOSThread() // never unlocked, as in newNetns
		if err := unix.Setns(int(n.f.Fd()), unix.CLONE_NEWNET); err != nil {
			res <- fmt.Errorf("setns: %w", err)
			return
		}
		res <- f()
	}()
	return <-res
}

// startChromium starts a Chromium inside the namespace with its DevTools
// port on the namespace's loopback, and returns an endpoint on ours that
// forwards each connection into it (as a remote browser's endpoint would
// be reached over the network).
func (n *netns) startChromium(t *testing.T, bin string) string {
	t.Helper()
	dir := t.TempDir()
	port := freePort(t)
	cmd := exec.Command(bin, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-dev-shm-usage", fmt.Sprintf("--remote-debugging-port=%d", port), "--user-data-dir="+dir, "about:blank")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	// Forked from a thread inside the namespace: the browser is in it.
	if err := n.do(cmd.Start); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		_ = cmd.Wait()
		time.Sleep(100 * time.Millisecond)
	})
	mine, err := os.Readlink(fmt.Sprintf("/proc/%d/ns/net", cmd.Process.Pid))
	if err != nil {
		t.Fatal(err)
	}
	var st unix.Stat_t
	if err := unix.Fstat(int(n.f.Fd()), &st); err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("net:[%d]", st.Ino); mine != want {
		t.Fatalf("the browser runs in namespace %s, want %s", mine, want)
	}

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go n.forward(c, port)
		}
	}()
	endpoint := "http://" + l.Addr().String()
	waitDevTools(t, endpoint, 15*time.Second, "Chromium in the namespace")
	return endpoint
}

// forward joins c to the namespace's 127.0.0.1:port.
func (n *netns) forward(c net.Conn, port int) {
	defer func() { _ = c.Close() }()
	var up net.Conn
	if err := n.do(func() (err error) {
		up, err = net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second)
		return err
	}); err != nil {
		return
	}
	defer func() { _ = up.Close() }()
	done := make(chan struct{}, 2)
	pipe := func(dst, src net.Conn) {
		_, err := io.Copy(dst, src)
		if err != nil && !errors.Is(err, net.ErrClosed) {
			_ = dst.Close()
		}
		if tc, ok := dst.(*net.TCPConn); ok {
			_ = tc.CloseWrite()
		}
		done <- struct{}{}
	}
	go pipe(up, c)
	go pipe(c, up)
	<-done
	<-done
}
