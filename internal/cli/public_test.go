package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPublicFlags checks that --public and --fragment write the web page
// alone unless --format says more, and refuse a --format without it.
func TestPublicFlags(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		code  int
		files string // extensions written, in name order
	}{
		{"public alone", []string{"--public"}, 0, "html html json"},
		{"fragment alone", []string{"--fragment"}, 0, "html html json"},
		{"public with pdf", []string{"--public", "--format", "html,pdf"}, 0, "html pdf html pdf json"},
		{"public without html", []string{"--public", "--format", "md"}, 2, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			file := writeFile(t, dir, "p.yaml")
			out := filepath.Join(dir, "out")
			code, _, stderr := run(t, append([]string{"generate", "-o", out, file}, tc.args...)...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d: %s", code, tc.code, stderr)
			}
			var exts []string
			entries, _ := os.ReadDir(out)
			for _, e := range entries {
				exts = append(exts, strings.TrimPrefix(filepath.Ext(e.Name()), "."))
			}
			if got := strings.Join(exts, " "); got != tc.files {
				t.Errorf("wrote %q, want %q", got, tc.files)
			}
		})
	}
}
