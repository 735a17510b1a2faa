package extract

import (
	"strconv"
	"strings"
)

type rgba struct{ r, g, b, a uint8 }

// near reports colours a person cannot tell apart on top of each other.
func (c rgba) near(o rgba) bool {
	d := func(x, y uint8) int {
		if x > y {
			return int(x - y)
		}
		return int(y - x)
	}
	return d(c.r, o.r)+d(c.g, o.g)+d(c.b, o.b) < 24
}

var namedColors = map[string]rgba{
	"transparent": {0, 0, 0, 0}, "white": {255, 255, 255, 255}, "black": {0, 0, 0, 255},
	"red": {255, 0, 0, 255}, "green": {0, 128, 0, 255}, "blue": {0, 0, 255, 255},
	"gray": {128, 128, 128, 255}, "grey": {128, 128, 128, 255}, "silver": {192, 192, 192, 255},
	"yellow": {255, 255, 0, 255}, "snow": {255, 250, 250, 255}, "ivory": {255, 255, 240, 255},
	"whitesmoke": {245, 245, 245, 255}, "ghostwhite": {248, 248, 255, 255},
}

// parseColor reads hex, rgb()/rgba() and a few named colours.
func parseColor(v string) (rgba, bool) {
	v = strings.TrimSpace(v)
	if c, ok := namedColors[v]; ok {
		return c, true
	}
	if h, ok := strings.CutPrefix(v, "#"); ok {
		switch len(h) {
		case 3, 4:
			var e strings.Builder
			for i := 0; i < len(h); i++ {
				e.WriteByte(h[i])
				e.WriteByte(h[i])
			}
			h = e.String()
		}
		if len(h) != 6 && len(h) != 8 {
			return rgba{}, false
		}
		n, err := strconv.ParseUint(h, 16, 32)
		if err != nil {
			return rgba{}, false
		}
		if len(h) == 6 {
			return rgba{uint8(n >> 16), uint8(n >> 8), uint8(n), 255}, true
		}
		return rgba{uint8(n >> 24), uint8(n >> 16), uint8(n >> 8), uint8(n)}, true
	}
	for _, fn := range []string{"rgba(", "rgb("} {
		in, ok := strings.CutPrefix(v, fn)
		if !ok {
			continue
		}
		f := strings.FieldsFunc(strings.TrimSuffix(in, ")"), func(r rune) bool { return r == ',' || r == ' ' || r == '/' })
		if len(f) < 3 {
			return rgba{}, false
		}
		var c [4]float64
		c[3] = 1
		for i := 0; i < len(f) && i < 4; i++ {
			x := cssNumber(f[i])
			if i < 3 && !strings.HasSuffix(f[i], "%") {
				x /= 255
			}
			c[i] = min(max(x, 0), 1)
		}
		return rgba{uint8(c[0] * 255), uint8(c[1] * 255), uint8(c[2] * 255), uint8(c[3] * 255)}, true
	}
	return rgba{}, false
}
