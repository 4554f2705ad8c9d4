package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/partnership-tools/mou/internal/calendar"
	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/status"
)

// Calendar gives a questionnaire's dates as an iCalendar file, and how
// many events it holds. earlier is the calendar written before for it,
// or nil: an event changed since then is marked as changed (see
// calendar.Marshal). A partnership with no dated event has no calendar.
func Calendar(file string, earlier []byte) ([]byte, int, error) {
	q, _, err := LoadValid(file)
	if err != nil {
		return nil, 0, err
	}
	data, err := calendar.Marshal(q, earlier)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w, so no calendar was written", file, err)
	}
	return data, len(calendar.Events(q)), nil
}

// WriteCalendar writes a questionnaire's calendar to out and returns how
// many events it holds and whether out was written (false: it already
// held these bytes). As generate does, it never replaces a file holding
// something else unless force is set. A calendar already in out is the
// earlier one (see Calendar).
func WriteCalendar(file, out string, force bool) (int, bool, error) {
	earlier, err := output.ReadFile(out, maxCalendarBytes)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, false, fmt.Errorf("cannot read %s: %w", out, UnwrapPath(err))
	}
	data, n, err := Calendar(file, earlier)
	if err != nil {
		return 0, false, err
	}
	if st, err := os.Stat(filepath.Dir(out)); err != nil || !st.IsDir() {
		return 0, false, fmt.Errorf("cannot write %s: no folder %s", out, filepath.Dir(out))
	}
	res, err := output.WriteAll(filepath.Dir(out), []output.File{{Name: filepath.Base(out), Data: data}}, force)
	if errors.Is(err, output.ErrConflict) {
		err = fmt.Errorf("%w: use --force to replace it, or -o to write another file", err)
	}
	return n, len(res.Written) > 0, err
}

// maxCalendarBytes bounds how much of an earlier calendar is read: the
// largest questionnaire's is well under a megabyte.
const maxCalendarBytes = 16 << 20

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
