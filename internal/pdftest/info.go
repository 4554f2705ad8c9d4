package pdftest

import (
	"os/exec"
	"testing"
)

// Info is what pdfinfo says of a PDF's details (Title, Subject,
// Keywords…), one "Name: value" a line, or skips the test with a message
// where poppler-utils is not installed.
func Info(t testing.TB, data []byte) string {
	t.Helper()
	out, err := exec.Command(tool(t, "pdfinfo", "poppler-utils"), "-enc", "UTF-8", file(t, data)).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	return string(out)
}
