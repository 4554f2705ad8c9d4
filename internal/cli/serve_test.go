package cli

import (
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
