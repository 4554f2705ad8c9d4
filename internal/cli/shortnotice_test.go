package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/pdftest"
	"github.com/partnership-tools/mou/internal/sampletest"
)

// TestShortNotice: a withdrawal that takes effect before the agreement's
// notice period has run is refused without the other partners' consent;
// with --short-notice the notice of withdrawal says that it is short and
// takes effect early only with their agreement, each of them has a block
// to sign it, named after it in the PDF, status waits for them, and the
// verdict says so.
func TestShortNotice(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	file := filepath.Join(dir, "hub.yaml")
	if err := os.WriteFile(file, sampletest.Edit(t, "hub-and-spoke.yaml", "notice_period: 3 months", "notice_period: 6 months"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "generate", "-o", out, "--format", "md", file)
	before, _ := os.ReadFile(file)
	leave := []string{"leave", file, "--partner", "st-aidans", "--given", "2027-02-01", "--effective", "2027-04-30"}

	code, _, stderr := run(t, leave...)
	if want := "--effective: 30 April 2027 is less than the notice period (6 months) after notice was given on 1 February 2027, so the withdrawal cannot take effect before 31 July 2027 unless the other partners agree: give --effective 2027-07-31 or later, or --short-notice if they agree to the shorter notice"; code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("without --short-notice: exit %d, %s", code, stderr)
	}
	if code, _, stderr := run(t, append(leave[:len(leave)-4:len(leave)-4], "--effective", "2027-08-31", "--given", "2027-02-01", "--short-notice")...); code != 1 || !strings.Contains(stderr, "--short-notice is for notice shorter than the agreement's notice period, and this is not: it runs until 31 July 2027") {
		t.Errorf("--short-notice on full notice: exit %d, %s", code, stderr)
	}
	if code, _, stderr := run(t, "leave", file, "--partner", "st-aidans", "--effective", "2027-04-30", "--short-notice"); code != 2 || !strings.Contains(stderr, "--short-notice needs --given") {
		t.Errorf("--short-notice without --given: exit %d, %s", code, stderr)
	}
	if after, _ := os.ReadFile(file); !bytes.Equal(after, before) {
		t.Fatal("a refused withdrawal changed the file")
	}

	stdout := mustRun(t, append(leave, "--short-notice")...)
	if !strings.Contains(stdout, "the notice of withdrawal says so, and every other partner signs it to agree") {
		t.Errorf("leave said:\n%s", stdout)
	}
	stdout = mustRun(t, "generate", "-o", out, "--format", "md,pdf", file)
	if !strings.Contains(stdout, "St Aidan's Church of England Primary School leaves on notice shorter than the memorandum's: every other partner signs the notice of withdrawal too, to agree") ||
		strings.Contains(stdout, "No other partner signs") {
		t.Errorf("generate said:\n%s", stdout)
	}
	notice := strings.Join(strings.Fields(string(mustRead(t, filepath.Join(out, "severn-vale-teaching-hub-notice-of-withdrawal-v2.md")))), " ")
	for _, want := range []string{
		"Date: 1 February 2027",
		"This notice, given on 1 February 2027, is shorter than the notice of at least 6 months that the memorandum requires, which would run until 31 July 2027. The withdrawal takes effect on 30 April 2027 only with the agreement of every other partner, which each gives by signing below; without it, the withdrawal takes effect on 31 July 2027.",
		"**Signed for and on behalf of St Aidan's Church of England Primary School**",
		"**Shorter notice agreed by Severnside High School**", "**Shorter notice agreed by Ysgol Gymraeg Bro Ŵyn**",
	} {
		if !strings.Contains(notice, want) {
			t.Errorf("the notice of withdrawal does not say %q:\n%s", want, notice)
		}
	}
	if strings.Contains(notice, "by this notice given on") {
		t.Error("the notice says, unconditionally, that the withdrawal takes effect by it")
	}
	var names []string
	for _, f := range pdftest.Fields(t, mustRead(t, filepath.Join(out, "severn-vale-teaching-hub-notice-of-withdrawal-v2.pdf"))) {
		if f.Type == "/Sig" {
			names = append(names, f.Name)
		}
	}
	if want := []string{"signature.st-aidans", "signature.severnside", "signature.oakhurst", "signature.millbrook", "signature.bro-wyn"}; !slices.Equal(names, want) {
		t.Errorf("the notice's signing fields are %q, want %q", names, want)
	}
	// The others sign it before it takes effect, on or after the day it
	// is dated.
	mustRun(t, "signed", file, "--version", "2", "--partner", "oakhurst", "--by", "Paul Whitmore", "--date", "2027-02-10", "--document", "notice-of-withdrawal", "-o", out)
	status := mustRun(t, "status", file, "--today", "2027-02-11", "-o", out)
	if want := "Not yet signed the notice of withdrawal of version 2: Severnside High School, Millbrook Academy and Ysgol Gymraeg Bro Ŵyn"; !strings.Contains(status, want) {
		t.Errorf("status says:\n%s\nwithout %q", status, want)
	}
}

// TestLeaveListsEveryProblem: leave reports every problem with its
// request in one go, each by the flag concerned, rather than one a run.
func TestLeaveListsEveryProblem(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "hub.yaml")
	if err := os.WriteFile(file, sampletest.Edit(t, "hub-and-spoke.yaml", "notice_period: 3 months", "notice_period: 6 months"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "leave", file, "--partner", "severnside", "--given", "2027-02-01", "--effective", "2027-04-30", "--reassign-to", "nobody", "--from", "nobody")
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	want := []string{
		"--from: no partner has the id \"nobody\"",
		"--partner: Severnside High School is the lead partner: name the partner that takes over with --new-lead",
		"--reassign-to: no partner has the id \"nobody\"",
		"--effective: 30 April 2027 is less than the notice period (6 months)",
		"mou: " + file + ": nothing was changed",
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != len(want) {
		t.Errorf("%d lines, want %d:\n%s", len(lines), len(want), stderr)
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr does not say %q:\n%s", w, stderr)
		}
	}
}
