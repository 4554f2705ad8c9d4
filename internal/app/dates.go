package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/calendar"
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/status"
)

// Calendar gives a questionnaire's dates as an iCalendar file, and how
// many events it holds: the dates its agreement sets (agreement.Dates).
// earlier is the calendar written before for it, or nil: an event
// changed since then is marked as changed (see calendar.Marshal). A
// partnership with no dated event has no calendar.
func Calendar(file string, earlier []byte) ([]byte, int, error) {
	v, err := version(file, "")
	if err != nil {
		return nil, 0, err
	}
	data, err := calendar.Marshal(v, earlier)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w, so no calendar was written", file, err)
	}
	events, err := calendar.Events(v)
	return data, len(events), err
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
		err = fieldError(err, "%v: use %v to replace it, or %v to write another file", err, FieldForce, FieldOut)
	}
	return n, len(res.Written) > 0, err
}

// maxCalendarBytes bounds how much of an earlier calendar is read: the
// largest questionnaire's is well under a megabyte.
const maxCalendarBytes = 16 << 20

// Status says what a questionnaire has due on day: the dates its
// agreement sets, and who has yet to sign what. out is the output folder
// holding the previous version's record, which says whether a partner
// joining signs a joining agreement or the new version ("" for none).
func Status(file, out string, day questionnaire.Date) (*status.Report, error) {
	v, err := version(file, out)
	if err != nil {
		return nil, err
	}
	return status.Check(v, day), nil
}

// version loads a valid questionnaire and works out its version, against
// the previous version's record in out when there is one.
func version(file, out string) (*agreement.Version, error) {
	q, _, err := LoadValid(file)
	if err != nil {
		return nil, err
	}
	t, err := parseTemplates("")
	if err != nil {
		return nil, err
	}
	var prev *agreement.Record
	if out != "" {
		if prev, err = agreement.Previous(out, document.Slug(string(q.Partnership.Name)), file, q.Version); err != nil {
			return nil, fmt.Errorf("%s: reading the previous version's record: %w", file, err)
		}
	}
	return build(t, file, q, prev)
}
