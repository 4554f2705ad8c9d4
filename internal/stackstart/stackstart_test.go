package stackstart_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestInitialisedBeforeGoldmark builds mou and reads the order its
// packages are initialised in: this one must come before regexp and
// goldmark's extension package, or it grows the stack for nothing.
func TestInitialisedBeforeGoldmark(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "mou")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/mou").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "--version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("mou --version: %v\n%s", err, out)
	}
	var order []string
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "init" {
			order = append(order, f[1])
		}
	}
	at := func(pkg string) int {
		i := slices.Index(order, pkg)
		if i < 0 {
			t.Fatalf("%s is not initialised: %v", pkg, order)
		}
		return i
	}
	self := at("github.com/partnership-tools/mou/internal/stackstart")
	for _, later := range []string{"regexp", "github.com/yuin/goldmark/extension"} {
		if at(later) < self {
			t.Errorf("%s is initialised before stackstart", later)
		}
	}
}
