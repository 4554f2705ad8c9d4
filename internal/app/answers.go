package app

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/yamledit"
)

// Snapshot is a questionnaire file as read at one moment: its bytes, a
// fingerprint of them, and what the check of it found. The file need
// not be valid: Questionnaire is whatever could be read of it.
type Snapshot struct {
	File          string
	Data          []byte
	Hash          string // hex SHA-256 of Data
	Questionnaire *questionnaire.Questionnaire
	Problems      questionnaire.Problems
}

// Read reads and checks a questionnaire file.
func Read(file string) (Snapshot, error) {
	data, err := readQuestionnaire(file)
	if err != nil {
		return Snapshot{}, err
	}
	if len(data) > questionnaire.MaxFileBytes {
		return Snapshot{}, fmt.Errorf("%s: larger than %d bytes", file, questionnaire.MaxFileBytes)
	}
	q, problems := questionnaire.Load(file, data, LoadOptions(file))
	return Snapshot{File: file, Data: data, Hash: Fingerprint(data), Questionnaire: q, Problems: problems}, nil
}

// Fingerprint is the hex SHA-256 of data.
func Fingerprint(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// ErrEditedElsewhere is wrapped by the error SaveAnswers returns when the
// file no longer holds what was read: another program (or person)
// changed it meanwhile, and those changes are not overwritten.
var ErrEditedElsewhere = errors.New("was changed on disk since it was read")

// SaveAnswers changes answers in a questionnaire file in place, as the
// commands that record a change do: edit makes the changes with yamledit,
// so that comments, blank lines and layout stay. The file's folder is
// locked while it is read and written, and the file must still hold what
// was read when its fingerprint was base; if not, nothing is written and
// the error wraps ErrEditedElsewhere. The file need not be valid, before
// or after: the interview saves answers as they come. The previous file
// is kept as FILE.bak. It returns the file as saved, or as it was when
// the edits changed nothing.
func SaveAnswers(file, base string, edit func(*yamledit.Doc) error) (Snapshot, error) {
	unlock, err := output.LockFile(file)
	if err != nil {
		return Snapshot{}, err
	}
	defer unlock()
	src, err := readQuestionnaire(file)
	if err != nil {
		return Snapshot{}, err
	}
	if Fingerprint(src) != base {
		return Snapshot{}, fmt.Errorf("%s %w; nothing was saved", file, ErrEditedElsewhere)
	}
	doc, err := yamledit.Parse(src)
	if err != nil {
		return Snapshot{}, fmt.Errorf("%s: %w", file, err)
	}
	if err := edit(doc); err != nil {
		return Snapshot{}, fmt.Errorf("%s: %w; nothing was saved", file, err)
	}
	updated := doc.Bytes()
	if len(updated) > questionnaire.MaxFileBytes {
		return Snapshot{}, fmt.Errorf("%s: the answers would make the file larger than %d bytes; nothing was saved", file, questionnaire.MaxFileBytes)
	}
	if string(updated) != string(src) {
		if err := output.ReplaceKeepingBackup(file, src, updated); err != nil {
			if errors.Is(err, output.ErrChanged) {
				err = fmt.Errorf("%s %w", file, ErrEditedElsewhere)
			}
			if !errors.Is(err, output.ErrOnlyBackup) {
				err = fmt.Errorf("%w; nothing was saved", err)
			}
			return Snapshot{}, err
		}
	}
	q, problems := questionnaire.Load(file, updated, LoadOptions(file))
	return Snapshot{File: file, Data: updated, Hash: Fingerprint(updated), Questionnaire: q, Problems: problems}, nil
}
