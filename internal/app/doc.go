// Package app holds mou's use cases over files: validate, generate (one
// questionnaire or many), handover, diff, calendar and status. Each takes
// paths and options and returns values; printing, flags and exit codes
// are the command line's (package cli).
package app
