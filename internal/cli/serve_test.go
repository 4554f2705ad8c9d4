package cli

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestServeLookFlags: serve takes generate's --paper, --theme and
// --templates, with the same refusals, before it listens.
func TestServeLookFlags(t *testing.T) {
	tests := []struct {
		args []string
		code int
		says string
	}{
		{[]string{"--paper", "a5"}, exitUsage, `unknown paper size "a5"`},
		{[]string{"--theme", "no-such-theme.toml"}, exitInvalid, "no-such-theme.toml"},
		{[]string{"--templates", "no-such-folder"}, exitInvalid, "--templates"},
	}
	for _, tt := range tests {
		args := append([]string{"serve", "--no-browser", "--addr", "127.0.0.1:0"}, tt.args...)
		code, stdout, stderr := run(t, args...)
		if code != tt.code || !strings.Contains(stderr, tt.says) {
			t.Errorf("%v: exit %d, %q; want exit %d saying %q", tt.args, code, stderr, tt.code, tt.says)
		}
		if stdout != "" {
			t.Errorf("%v: started: %q", tt.args, stdout)
		}
	}
	for _, flag := range []string{"--paper", "--theme", "--templates"} {
		if _, out, _ := run(t, "serve", "--help"); !strings.Contains(out, flag) {
			t.Errorf("serve --help does not offer %s", flag)
		}
	}
}

// TestStartedFromExplorer: mou.exe double-clicked in Windows Explorer
// (no arguments) runs the web interview in its own folder, with the
// window's words for stopping it; with arguments, or from a terminal,
// it runs what it is given. Started from Explorer, the window waits for
// Enter before it closes. (Whether Explorer started mou is asked of
// Windows by mousetrap, in main.)
func TestStartedFromExplorer(t *testing.T) {
	exe := filepath.Join("C:", "Users", "sbm", "Downloads", "mou", "mou.exe")
	tests := []struct {
		args     []string
		explorer bool
		want     []string
		dir      string
	}{
		{nil, true, []string{"serve", "--window"}, filepath.Dir(exe)},
		{[]string{"serve"}, true, []string{"serve"}, ""},
		{[]string{"generate", "p.yaml"}, true, []string{"generate", "p.yaml"}, ""},
		{nil, false, nil, ""},
		{[]string{"serve"}, false, []string{"serve"}, ""},
	}
	for _, tt := range tests {
		args, dir := explorerArgs(tt.args, tt.explorer, exe)
		if !slices.Equal(args, tt.want) || dir != tt.dir {
			t.Errorf("%q, explorer %v: runs %q in %q; want %q in %q", tt.args, tt.explorer, args, dir, tt.want, tt.dir)
		}
	}
	// The window waits, and says so, only when Explorer opened it.
	for _, explorer := range []bool{true, false} {
		var out, errOut bytes.Buffer
		stdin := strings.NewReader("\nnot read\n")
		code := Launch([]string{"validate", "no-such-file.yaml"}, explorer, exe, stdin, &out, &errOut)
		waited := strings.Contains(out.String(), "Press Enter to close this window.")
		if code != exitInvalid || waited != explorer || !strings.Contains(errOut.String(), "no-such-file.yaml") {
			t.Errorf("explorer %v: exit %d, waited %v, said %q", explorer, code, waited, errOut.String())
		}
		if read := stdin.Len() < len("\nnot read\n"); read != explorer {
			t.Errorf("explorer %v: stdin read %v", explorer, read)
		}
	}
	// The hidden flag only changes the words; serve --help does not
	// offer it.
	if _, out, _ := run(t, "serve", "--help"); strings.Contains(out, "--window") {
		t.Error("serve --help offers --window")
	}
}
