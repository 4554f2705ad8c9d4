package cli

import (
	"strings"
	"testing"
)

// TestInitModelWording: the model answers refer only to what the model
// has (the staff survey is an objective, the pupil survey is the
// learner's voice), a notice period for changes leaves room for the
// cancellation protocol, placements away from school have a named
// supervisor, and school-only models speak of the schools' staff.
func TestInitModelWording(t *testing.T) {
	const (
		surveys     = "    - The June staff survey named in the objectives, and the pupil survey after each activity\n"
		notice      = "Give at least four weeks' notice of any change to an agreed activity, other than a cancellation under the cancellation protocol.\n"
		supervisor  = "a named supervisor from the employer looks after each pupil, and the employer confirms its safeguarding arrangements to the school in writing before any placement begins."
		schoolStaff = "so that staff of the partner schools learn from each other."
	)
	schoolOnly := map[string]bool{"bilateral": true, "broad-area": true, "hub-and-spoke": true}
	for _, model := range models {
		t.Run(model, func(t *testing.T) {
			code, out, stderr := run(t, "init", "--model", model)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			for _, c := range []struct {
				text string
				want bool
			}{
				{surveys, true},
				{"The surveys of pupils and staff", false},
				{notice, true},
				{supervisor, model == "employer"},
				{schoolStaff, schoolOnly[model]},
				{"teachers and partner staff", !schoolOnly[model]},
			} {
				if strings.Contains(out, c.text) != c.want {
					t.Errorf("the model says %q: %v, want %v", c.text, !c.want, c.want)
				}
			}
		})
	}
}
