package app

import (
	"fmt"
	"strings"
)

// Field names a value a use case is given beyond the files it reads: the
// command line gives each from a flag of its own, another caller (a web
// form) from a field of its own. The use cases name fields, never flags.
type Field string

// The fields the use cases take.
const (
	FieldAcceptAll   Field = "accept-all"
	FieldActing      Field = "acting"
	FieldAddress     Field = "address"
	FieldBy          Field = "by"
	FieldDate        Field = "date"
	FieldDocument    Field = "document"
	FieldEdition     Field = "edition"
	FieldEffective   Field = "effective"
	FieldEmail       Field = "email"
	FieldESign       Field = "esign"
	FieldForce       Field = "force"
	FieldFormat      Field = "format"
	FieldFrom        Field = "from"
	FieldGiven       Field = "given"
	FieldKind        Field = "kind"
	FieldLead        Field = "lead"
	FieldMet         Field = "met"
	FieldName        Field = "name"
	FieldNewLead     Field = "new-lead"
	FieldOut         Field = "out"
	FieldPaper       Field = "paper"
	FieldPartner     Field = "partner"
	FieldPhone       Field = "phone"
	FieldPosition    Field = "position"
	FieldReason      Field = "reason"
	FieldReassignTo  Field = "reassign-to"
	FieldRole        Field = "role"
	FieldShortNotice Field = "short-notice"
	FieldSignatory   Field = "signatory"
	FieldTemplates   Field = "templates"
	FieldTheme       Field = "theme"
	FieldTitle       Field = "title"
	FieldUntil       Field = "until"
	FieldURN         Field = "urn"
	FieldVersion     Field = "version"
)

// message is words with fields among them: a format whose arguments may
// be Fields, which a caller names its own way. Values given by a user
// are arguments, never part of the format, so they print as written.
type message struct {
	format string
	args   []any
}

// text writes the message, naming each field with name.
func (m message) text(name func(Field) string) string {
	args := make([]any, len(m.args))
	for i, a := range m.args {
		if f, ok := a.(Field); ok {
			a = name(f)
		}
		args[i] = a
	}
	return fmt.Sprintf(m.format, args...)
}

// Fields lists the fields the message names, in order.
func (m message) Fields() []Field {
	var out []Field
	for _, a := range m.args {
		if f, ok := a.(Field); ok {
			out = append(out, f)
		}
	}
	return out
}

// ownName names a field as itself, for a caller that does not say.
func ownName(f Field) string { return string(f) }

// Describer is an error that names fields, which a caller can say in its
// own words: the command line as its flags.
type Describer interface {
	error
	Describe(name func(Field) string) string
	Fields() []Field
}

// RequestError is a request that makes no sense whatever the files say:
// a value missing or malformed, or two that do not go together.
type RequestError struct{ message }

func (e *RequestError) Error() string { return e.text(ownName) }

// Describe writes the error naming each field with name.
func (e *RequestError) Describe(name func(Field) string) string { return e.text(name) }

// request is a RequestError; args may be Fields.
func request(format string, args ...any) error {
	return &RequestError{message{format, args}}
}

// Refusal is a request a file's answers rule out; nothing was changed.
type Refusal struct {
	File string
	message
}

func (e *Refusal) Error() string { return e.Describe(ownName) }

// Describe writes the refusal naming each field with name.
func (e *Refusal) Describe(name func(Field) string) string {
	return e.File + ": " + e.text(name) + "; nothing was changed"
}

// fieldList writes fields for a format: "%v", "%v and %v", "%v, %v or %v".
func fieldList(n int, last string) string {
	if n < 2 {
		return strings.Repeat("%v", n)
	}
	return strings.Repeat("%v, ", n-2) + "%v " + last + " %v"
}

// fieldArgs turns fields into format arguments.
func fieldArgs(fields ...Field) []any {
	out := make([]any, len(fields))
	for i, f := range fields {
		out[i] = f
	}
	return out
}

// listSeparator is what comes before item i of n in a list in words:
// "", ", " or " and ".
func listSeparator(i, n int) string {
	switch {
	case i == 0:
		return ""
	case i == n-1:
		return " and "
	}
	return ", "
}

// FieldError is a request refused because of the state of what a field
// names (a folder that is not there, a file that would be replaced), not
// because it makes no sense. It may wrap the error that says so.
type FieldError struct {
	message
	Err error
}

func (e *FieldError) Error() string { return e.Describe(ownName) }

// Describe writes the error naming each field with name.
func (e *FieldError) Describe(name func(Field) string) string { return e.text(name) }

func (e *FieldError) Unwrap() error { return e.Err }

// fieldError is a FieldError wrapping err; args may be Fields.
func fieldError(err error, format string, args ...any) error {
	return &FieldError{message{format, args}, err}
}

// Note is something a user should know after a change, which may name
// fields.
type Note struct{ message }

// note is a Note; args may be Fields.
func note(format string, args ...any) Note { return Note{message{format, args}} }

func (n Note) String() string { return n.text(ownName) }

// Describe writes the note naming each field with name.
func (n Note) Describe(name func(Field) string) string { return n.text(name) }
