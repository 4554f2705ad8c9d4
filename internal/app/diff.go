package app

import (
	"github.com/partnership-tools/mou/internal/change"
)

// Diff compares two questionnaire files, both of which must be valid,
// with the templates in templatesDir ("" for the built-in ones).
func Diff(oldFile, newFile, templatesDir string) (change.Report, error) {
	old, _, err := LoadValid(oldFile)
	if err != nil {
		return change.Report{}, err
	}
	new, _, err := LoadValid(newFile)
	if err != nil {
		return change.Report{}, err
	}
	t, err := parseTemplates(templatesDir)
	if err != nil {
		return change.Report{}, err
	}
	return change.Compare(t, old, new)
}
