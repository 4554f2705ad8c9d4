package questionnaire

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// scalar is implemented by answer types that parse themselves from one
// YAML scalar. The error message is shown to the user after the field path.
type scalar interface {
	parseScalar(s string) error
}

// Date is a calendar date with no time of day or zone. Its zero value is
// a date not given.
type Date struct {
	t   time.Time
	set bool
}

// The years a date in a questionnaire may have: wide enough for any
// partnership, narrow enough that every date prints as four digits.
const (
	MinYear = 1900
	MaxYear = 2199
)

// NewDate returns the date y-m-d.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true}
}

// ParseDate reads a date written YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	var d Date
	err := d.parseScalar(s)
	return d, err
}

func (d *Date) parseScalar(s string) error {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		if t, ok := dayMonthYear(s); ok {
			return fmt.Errorf("%s is not a date (YYYY-MM-DD): for %s, write %s", quote(s), t.Format("2 January 2006"), t.Format("2006-01-02"))
		}
		return fmt.Errorf("%s is not a date (YYYY-MM-DD)", quote(s))
	}
	if y := t.Year(); y < MinYear || y > MaxYear {
		return fmt.Errorf("%s is out of range: the year must be from %d to %d", quote(s), MinYear, MaxYear)
	}
	d.t, d.set = t, true
	return nil
}

// dayMonthYearDate is a date as it is written in Britain: 24/02/2027,
// 6.1.2027 or 24-2-2027.
var dayMonthYearDate = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`) })

// dayMonthYear reads s as a date written day, month, year, so that the
// problem with it can say how to write it instead.
func dayMonthYear(s string) (time.Time, bool) {
	m := dayMonthYearDate().FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return time.Time{}, false
	}
	t, err := time.Parse("2/1/2006", m[1]+"/"+m[2]+"/"+m[3])
	return t, err == nil
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return !d.set }

// Time returns the date as midnight UTC.
func (d Date) Time() time.Time { return d.t }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is later than e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// AddDays returns the date n days later (earlier if n < 0).
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n), d.set} }

// String prints the date in British style: "1 September 2026".
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2 January 2006")
}

// ISO prints the date as YYYY-MM-DD.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

// Period is a length of time such as "3 months" or "1 year".
type Period struct {
	N    int
	Unit string // "day", "week", "month" or "year"
}

var periodPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{1,3})\s*(day|week|month|year|term)s?$`) })

func (p *Period) parseScalar(s string) error {
	m := periodPattern().FindStringSubmatch(strings.ToLower(strings.TrimSpace(s)))
	if m == nil || m[1] == "0" {
		return fmt.Errorf("%s is not a period: write a number and a unit, such as \"3 months\" or \"1 year\"", quote(s))
	}
	if m[2] == "term" {
		return fmt.Errorf("%s is not a period: terms differ in length, so write weeks or months (a term is about 13 weeks)", quote(s))
	}
	p.N, _ = strconv.Atoi(m[1])
	p.Unit = m[2]
	return nil
}

// IsZero reports whether no period was given.
func (p Period) IsZero() bool { return p.N == 0 }

// String prints the period in words: "3 months", "1 year".
func (p Period) String() string {
	if p.IsZero() {
		return ""
	}
	if p.N == 1 {
		return "1 " + p.Unit
	}
	return strconv.Itoa(p.N) + " " + p.Unit + "s"
}

// From returns the date the period after d ends: the last day it covers.
func (p Period) From(d Date) Date {
	t := d.t
	switch p.Unit {
	case "day":
		t = t.AddDate(0, 0, p.N)
	case "week":
		t = t.AddDate(0, 0, 7*p.N)
	case "month":
		t = t.AddDate(0, p.N, 0)
	case "year":
		t = t.AddDate(p.N, 0, 0)
	}
	return Date{t.AddDate(0, 0, -1), d.set}
}

// Before returns the latest date on which notice of this length can be
// given for it to run out by the end of d: d less the period, with a
// month's corresponding day clamped to the month's last day (six months
// before 31 August is 28 February, or 29 in a leap year).
func (p Period) Before(d Date) Date { return p.shift(d, -1) }

// After returns the day notice of this length given on d runs out: it
// runs from the next day, so that is d plus the period, the month's
// corresponding day clamped as in Before (three months after 30 November
// is 28 February). It is Before turned round: notice given on
// p.Before(end) runs out on end, or just before it when clamped.
func (p Period) After(d Date) Date { return p.shift(d, 1) }

// shift moves d by the period, forwards (sign 1) or back (sign -1).
func (p Period) shift(d Date, sign int) Date {
	t := d.t
	switch p.Unit {
	case "day":
		t = t.AddDate(0, 0, sign*p.N)
	case "week":
		t = t.AddDate(0, 0, sign*7*p.N)
	case "month", "year":
		months := p.N
		if p.Unit == "year" {
			months *= 12
		}
		first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, sign*months, 0)
		last := first.AddDate(0, 1, -1).Day()
		t = first.AddDate(0, 0, min(t.Day(), last)-1)
	}
	return Date{t, d.set}
}

// firstEditionBefore is the rule the first edition of the wording printed:
// a day later than Before.
func (p Period) firstEditionBefore(d Date) Date {
	t := d.t.AddDate(0, 0, 1)
	switch p.Unit {
	case "day":
		t = t.AddDate(0, 0, -p.N)
	case "week":
		t = t.AddDate(0, 0, -7*p.N)
	case "month":
		t = t.AddDate(0, -p.N, 0)
	case "year":
		t = t.AddDate(-p.N, 0, 0)
	}
	return Date{t, d.set}
}

// Money is an amount in pounds sterling, held in pence.
type Money struct {
	Pence int64
	set   bool
}

// maxPoundDigits is how many digits of pounds an amount may have.
const maxPoundDigits = 12

var moneyPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{2}))?$`) })

func (m *Money) parseScalar(s string) error {
	g := moneyPattern().FindStringSubmatch(strings.TrimSpace(s))
	if g == nil {
		return fmt.Errorf("%s is not an amount in pounds: write it like 1500 or 1500.50", quote(s))
	}
	digits := strings.TrimLeft(strings.ReplaceAll(g[1], ",", ""), "0")
	if len(digits) > maxPoundDigits {
		return fmt.Errorf("%s is too large: an amount may have at most %d digits of pounds (£999,999,999,999)", quote(s), maxPoundDigits)
	}
	pounds, _ := strconv.ParseInt("0"+digits, 10, 64)
	pence := int64(0)
	if g[2] != "" {
		pence, _ = strconv.ParseInt(g[2], 10, 64)
	}
	m.Pence, m.set = pounds*100+pence, true
	return nil
}

// IsZero reports whether no amount was given.
func (m Money) IsZero() bool { return !m.set }

// String prints the amount as "£1,500" or "£1,500.50".
func (m Money) String() string {
	if !m.set {
		return ""
	}
	pounds := strconv.FormatInt(m.Pence/100, 10)
	for i := len(pounds) - 3; i > 0; i -= 3 {
		pounds = pounds[:i] + "," + pounds[i:]
	}
	if p := m.Pence % 100; p != 0 {
		return fmt.Sprintf("£%s.%02d", pounds, p)
	}
	return "£" + pounds
}
