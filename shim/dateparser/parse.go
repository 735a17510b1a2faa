package dateparser

import (
	"errors"
	"strings"
	"sync"
	"time"
)

// ParserType names a parsing strategy; only the absolute ones exist here.
type ParserType uint8

const (
	Timestamp ParserType = iota
	RelativeTime
	CustomFormat
	AbsoluteTime
	NoSpacesTime
)

// DateOrder is the order of day, month and year in ambiguous numeric dates.
type DateOrder string

const (
	DMY DateOrder = "DMY"
	MDY DateOrder = "MDY"
	YMD DateOrder = "YMD"
)

// PreferredDayOfMonth picks the day for a date without one.
type PreferredDayOfMonth uint8

const (
	Current PreferredDayOfMonth = iota
	First
	Last
)

// PreferredDateSource fills incomplete dates from the past, present or future.
type PreferredDateSource uint8

const (
	CurrentPeriod PreferredDateSource = iota
	Past
	Future
)

// Configuration holds the settings go-htmldate passes; fields that only the
// full library's locale machinery reads are accepted and ignored.
type Configuration struct {
	Locales             []string
	Languages           []string
	DateOrder           DateOrder
	CurrentTime         time.Time
	DefaultTimezone     *time.Location
	PreferredDayOfMonth PreferredDayOfMonth
	PreferredDateSource PreferredDateSource
	StrictParsing       bool
}

// Date is a parsed date.
type Date struct {
	Time time.Time
}

// IsZero reports whether nothing was parsed.
func (d Date) IsZero() bool { return d.Time.IsZero() }

// Parser parses date strings. The zero value is ready to use.
type Parser struct {
	sync.Mutex
	ParserTypes []ParserType
}

// ErrNoDate is returned for a string none of the known forms matches.
var ErrNoDate = errors.New("dateparser: no known date form matches")

// Parse reads str with the caller's formats first, then the absolute forms
// below. Strict parsing (day, month and year all present) is what every
// layout here requires anyway.
func (p *Parser) Parse(cfg *Configuration, str string, formats ...string) (Date, error) {
	s := strings.Join(strings.Fields(str), " ")
	if s == "" || len(s) > 64 {
		return Date{}, ErrNoDate
	}
	loc := time.UTC
	if cfg != nil && cfg.DefaultTimezone != nil {
		loc = cfg.DefaultTimezone
	}
	layouts := append(append([]string(nil), formats...), absoluteLayouts...)
	if cfg != nil && cfg.DateOrder == MDY {
		layouts = append(layouts, "01/02/2006", "1/2/2006")
	} else {
		layouts = append(layouts, "02/01/2006", "2/1/2006")
	}
	for _, l := range layouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return Date{Time: t}, nil
		}
	}
	return Date{}, ErrNoDate
}

// absoluteLayouts are the written-out and numeric forms pages use.
var absoluteLayouts = []string{
	time.RFC3339, time.RFC1123, time.RFC1123Z, time.RFC850, time.ANSIC,
	"2006-01-02", "2006-1-2", "2006/01/02", "2006.01.02",
	"02.01.2006", "2.1.2006",
	"2 January 2006", "02 January 2006", "January 2, 2006", "January 2 2006",
	"2 Jan 2006", "02 Jan 2006", "Jan 2, 2006", "Jan 2 2006",
	"Monday, January 2, 2006", "Monday, 2 January 2006", "Mon, Jan 2, 2006", "Mon, 2 Jan 2006",
	"2. January 2006",
}
