package app

import (
	"github.com/partnership-tools/mou/internal/calendar"
	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/status"
)

// Calendar gives a questionnaire's dates as an iCalendar file, and how
// many events it holds.
func Calendar(file string) ([]byte, int, error) {
	q, _, err := LoadValid(file)
	if err != nil {
		return nil, 0, err
	}
	return calendar.Marshal(q), len(calendar.Events(q)), nil
}

// WriteCalendar writes a questionnaire's calendar to out and returns how
// many events it holds.
func WriteCalendar(file, out string) (int, error) {
	data, n, err := Calendar(file)
	if err != nil {
		return 0, err
	}
	return n, output.WriteFile(out, data)
}

// Status says what a questionnaire has due on day.
func Status(file string, day questionnaire.Date) (*status.Report, error) {
	q, _, err := LoadValid(file)
	if err != nil {
		return nil, err
	}
	ref := ""
	if len(q.Signatures) > 0 {
		t, err := parseTemplates("")
		if err != nil {
			return nil, err
		}
		a, err := t.Agreement(q)
		if err != nil {
			return nil, err
		}
		ref = a.Reference
	}
	return status.CheckSigned(q, day, ref), nil
}
