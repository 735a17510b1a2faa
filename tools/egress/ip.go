package egress

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

type rangeRule struct {
	prefix netip.Prefix
	what   string
}

func mustPrefixes(rules ...string) []rangeRule {
	var out []rangeRule
	for i := 0; i < len(rules); i += 2 {
		out = append(out, rangeRule{netip.MustParsePrefix(rules[i]), rules[i+1]})
	}
	return out
}

// Refused whatever the policy says: nothing legitimate for a research tool
// lives there, and cloud metadata hands out credentials. The metadata
// addresses are the ones the clouds document; most sit in 169.254/16, but
// several are in ranges that look ordinary (Azure's WireServer is a public
// address) or private (which --allow-private would otherwise open).
var alwaysRefused = mustPrefixes(
	"169.254.169.254/32", "a cloud metadata address", // AWS, GCP, Azure IMDS, Oracle, DigitalOcean, OpenStack, Hetzner, IBM
	"168.63.129.16/32", "a cloud metadata address (Azure WireServer)",
	"100.100.100.200/32", "a cloud metadata address (Alibaba)",
	"192.0.0.192/32", "a cloud metadata address (Oracle)",
	"fd00:ec2::254/128", "a cloud metadata address (AWS IPv6)",
	"fd00:ec2::23/128", "a cloud credentials address (AWS EKS Pod Identity, IPv6)",
	"fd20:ce::254/128", "a cloud metadata address (GCP IPv6)",
	"fd00:c1::a9fe:a9fe/128", "a cloud metadata address (Oracle IPv6)",
	"169.254.0.0/16", "a link-local address", // also AWS ECS 169.254.170.2, EKS 169.254.170.23, Tencent 169.254.0.23
	"fe80::/10", "a link-local address",
	"fec0::/10", "a site-local address",
)

// Refused unless AllowPrivate (or the endpoint is Trusted).
var privateRefused = mustPrefixes(
	"0.0.0.0/32", "the unspecified address (it means this machine)",
	"::/128", "the unspecified address (it means this machine)",
	"0.0.0.0/8", "in 0.0.0.0/8 (this network)",
	"127.0.0.0/8", "a loopback address",
	"::1/128", "a loopback address",
	"10.0.0.0/8", "a private network address (RFC 1918)",
	"172.16.0.0/12", "a private network address (RFC 1918)",
	"192.168.0.0/16", "a private network address (RFC 1918)",
	"100.64.0.0/10", "a carrier-grade NAT address (100.64.0.0/10)",
	"fc00::/7", "a private IPv6 address (unique local)",
	"192.0.0.0/24", "an IETF protocol assignment address",
	"198.18.0.0/15", "a benchmarking network address",
	"240.0.0.0/4", "a reserved address",
	"255.255.255.255/32", "the broadcast address",
	"224.0.0.0/4", "a multicast address",
	"ff00::/8", "a multicast address",
	"::/96", "an IPv4-compatible IPv6 address (deprecated)",
	"100::/64", "a discard-only IPv6 address",
)

// checkIP says why ip may not be reached, or "" when it may.
func (g *Guard) checkIP(ip netip.Addr, trusted bool) string {
	ip = ip.Unmap().WithZone("")
	for _, r := range alwaysRefused {
		if r.prefix.Contains(ip) {
			return fmt.Sprintf("%s is %s, which is never allowed", ip, r.what)
		}
	}
	// Addresses that embed an IPv4 address (NAT64, 6to4) are judged by it,
	// so 64:ff9b::a9fe:a9fe cannot smuggle a metadata request.
	if v4, ok := embeddedV4(ip); ok {
		if why := g.checkIP(v4, trusted); why != "" {
			return fmt.Sprintf("%s embeds %s: %s", ip, v4, why)
		}
	}
	if g.policy.AllowPrivate || trusted {
		return ""
	}
	for _, r := range privateRefused {
		if r.prefix.Contains(ip) {
			return fmt.Sprintf("%s is %s; private and local targets are refused (the operator can allow them with --allow-private)", ip, r.what)
		}
	}
	return ""
}

var (
	nat64   = netip.MustParsePrefix("64:ff9b::/96")
	nat64L  = netip.MustParsePrefix("64:ff9b:1::/48")
	sixTo4  = netip.MustParsePrefix("2002::/16")
	teredoP = netip.MustParsePrefix("2001::/32")
)

func embeddedV4(ip netip.Addr) (netip.Addr, bool) {
	if !ip.Is6() {
		return netip.Addr{}, false
	}
	b := ip.As16()
	switch {
	case nat64.Contains(ip), nat64L.Contains(ip):
		return netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}), true
	case sixTo4.Contains(ip):
		return netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}), true
	case teredoP.Contains(ip):
		// Teredo client address is the last 32 bits, inverted.
		return netip.AddrFrom4([4]byte{^b[12], ^b[13], ^b[14], ^b[15]}), true
	}
	return netip.Addr{}, false
}

// ParseHostIP parses host the way a browser does (WHATWG URL host parser):
// IPv6 literals with or without brackets, and IPv4 in every form browsers
// accept — 2130706433, 0x7f000001, 0177.0.0.1, 127.1, 0. ok is false for
// a host that is a name.
func ParseHostIP(host string) (netip.Addr, bool) {
	h := strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if strings.Contains(h, ":") {
		if i := strings.IndexByte(h, '%'); i >= 0 {
			h = h[:i]
		}
		a, err := netip.ParseAddr(h)
		return a, err == nil
	}
	return parseWHATWGIPv4(strings.ToLower(h))
}

// parseWHATWGIPv4 implements the IPv4 parser of the URL standard: up to four
// dot-separated parts, each decimal, 0x-hex or 0-octal; the last part fills
// the remaining bytes.
func parseWHATWGIPv4(h string) (netip.Addr, bool) {
	if h == "" {
		return netip.Addr{}, false
	}
	parts := strings.Split(h, ".")
	if len(parts) > 4 {
		return netip.Addr{}, false
	}
	nums := make([]uint64, len(parts))
	for i, p := range parts {
		n, ok := parseIPv4Number(p)
		if !ok {
			return netip.Addr{}, false
		}
		nums[i] = n
	}
	for _, n := range nums[:len(nums)-1] {
		if n > 255 {
			return netip.Addr{}, false
		}
	}
	last := nums[len(nums)-1]
	if last >= 1<<(8*(5-len(nums))) {
		return netip.Addr{}, false
	}
	v := last
	for i, n := range nums[:len(nums)-1] {
		v += n << (8 * (3 - i))
	}
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}), true
}

func parseIPv4Number(p string) (uint64, bool) {
	if p == "" {
		return 0, false
	}
	base := 10
	switch {
	case strings.HasPrefix(p, "0x"):
		p, base = p[2:], 16
		if p == "" {
			return 0, true
		}
	case len(p) > 1 && p[0] == '0':
		p, base = p[1:], 8
	}
	n, err := strconv.ParseUint(p, base, 64)
	if err != nil || n > 1<<32 {
		return 0, false
	}
	return n, true
}
