package egress

import (
	"fmt"
	"net/netip"
	"strings"
)

// ParseHosts parses pinned host names, "name=ip,name=ip" (DEEPRESEARCH_HOSTS):
// like /etc/hosts or curl --resolve, these names resolve to the given
// address instead of through DNS. The address still passes the policy, so
// pinning a name to loopback needs AllowPrivate too.
func ParseHosts(s string) (map[string]netip.Addr, error) {
	out := map[string]netip.Addr{}
	for _, pair := range strings.Split(s, ",") {
		pair = strings.TrimSpace(pair)
		if pair == "" {
			continue
		}
		name, addr, ok := strings.Cut(pair, "=")
		name = normHost(strings.TrimSpace(name))
		if !ok || name == "" {
			return nil, fmt.Errorf("host pin %q: want name=ip, e.g. docs.example.org=127.0.0.1", pair)
		}
		ip, err := netip.ParseAddr(strings.Trim(strings.TrimSpace(addr), "[]"))
		if err != nil {
			return nil, fmt.Errorf("host pin %q: %q is not an IP address", pair, addr)
		}
		out[name] = ip.Unmap()
	}
	return out, nil
}
