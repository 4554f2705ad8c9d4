package release

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// root is the repository's root, seen from this package's folder.
const root = "../.."

func load(t *testing.T) Build {
	t.Helper()
	c, err := Load(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Builds) != 1 || len(c.Archives) != 1 {
		t.Fatalf("%d builds and %d archives, want one of each", len(c.Builds), len(c.Archives))
	}
	return c.Builds[0]
}

// TestTargets checks that releases are built for the computers schools
// have, without cgo, and reproducibly.
func TestTargets(t *testing.T) {
	b := load(t)
	var got []string
	for _, target := range b.Targets() {
		got = append(got, target.String())
	}
	want := []string{"windows/amd64", "windows/arm64", "darwin/amd64", "darwin/arm64", "linux/amd64", "linux/arm64"}
	if !slices.Equal(got, want) {
		t.Errorf("targets %v, want %v", got, want)
	}
	if b.Main != "./cmd/mou" || b.Binary != "mou" {
		t.Errorf("builds %s as %s, want ./cmd/mou as mou", b.Main, b.Binary)
	}
	if !slices.Contains(b.Env, "CGO_ENABLED=0") {
		t.Errorf("env %v: cgo is not off, so cross builds would need a C compiler", b.Env)
	}
	if !slices.Contains(b.Flags, "-trimpath") {
		t.Errorf("flags %v: without -trimpath the binaries hold the builder's paths", b.Flags)
	}
	if b.ModTimestamp != "{{ .CommitTimestamp }}" {
		t.Errorf("mod_timestamp %q: the binaries' times would come from the clock", b.ModTimestamp)
	}
}

// TestIgnore leaves out a target the configuration ignores.
func TestIgnore(t *testing.T) {
	b := Build{Goos: []string{"linux", "windows"}, Goarch: []string{"amd64", "arm64"}, Ignore: []Target{{"windows", "arm64"}}}
	var got []string
	for _, target := range b.Targets() {
		got = append(got, target.String())
	}
	if want := []string{"linux/amd64", "linux/arm64", "windows/amd64"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestArchives checks each archive's format and that every file it names
// is in the repository, so a moved README or licence fails here rather
// than on the day of a release.
func TestArchives(t *testing.T) {
	c, err := Load(root)
	if err != nil {
		t.Fatal(err)
	}
	a := c.Archives[0]
	for goos, want := range map[string]string{"windows": "zip", "darwin": "tar.gz", "linux": "tar.gz"} {
		if got := a.Format(goos); !slices.Equal(got, []string{want}) {
			t.Errorf("%s archives are %v, want %s", goos, got, want)
		}
	}
	var srcs []string
	for _, f := range a.Files {
		srcs = append(srcs, f.Src)
		if strings.Contains(f.Src, "**") {
			t.Errorf("archives: files: %s: goreleaser's ** matches only in folders below, not the files beside them; name each folder", f.Src)
		}
		matches, err := filepath.Glob(filepath.Join(root, f.Src))
		if err != nil || len(matches) == 0 {
			t.Errorf("archives: files: %s matches nothing in the repository", f.Src)
		}
	}
	for _, need := range []string{"README.md", "LICENSE", "internal/render/pdf/fonts/LICENSE-LiberationSerif.txt", "docs/*.md", "docs/*.png", "docs/examples/*", "samples/*", "samples/logos/*"} {
		if !slices.Contains(srcs, need) {
			t.Errorf("archives: files: %s is missing", need)
		}
	}
}

// TestCommand checks the go build command CI runs for a target.
func TestCommand(t *testing.T) {
	b := Build{Main: "./cmd/mou", Env: []string{"CGO_ENABLED=0"}, Flags: []string{"-trimpath"},
		Ldflags: []string{"-s -w", "-X example.com/cli.buildVersion=v{{ .Version }}"}}
	args, env, err := b.Command(Target{"windows", "arm64"}, "1.4.0", "out/mou")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(args, " "), "build -trimpath -ldflags=-s -w -X example.com/cli.buildVersion=v1.4.0 -o out/mou ./cmd/mou"; got != want {
		t.Errorf("args:\n%s\nwant:\n%s", got, want)
	}
	if got, want := strings.Join(env, " "), "CGO_ENABLED=0 GOOS=windows GOARCH=arm64"; got != want {
		t.Errorf("env %s, want %s", got, want)
	}
	b.Ldflags = []string{"-X main.commit={{ .FullCommit }}"}
	if _, _, err := b.Command(Target{"linux", "amd64"}, "1.4.0", "mou"); err == nil || !strings.Contains(err.Error(), "{{ .FullCommit }}") {
		t.Errorf("a template CI cannot fill in: got %v", err)
	}
}

// TestCIBuildsEveryTarget checks that .ci/run builds the targets of this
// configuration (crossbuild reads them from it) and vets the code for
// Windows, whose locking code the tests cannot run here.
func TestCIBuildsEveryTarget(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(root, ".ci/run"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	for _, want := range []string{"go run ./internal/release/crossbuild", "GOOS=windows go vet ./..."} {
		if !slices.Contains(lines, want) {
			t.Errorf(".ci/run has no line %q", want)
		}
	}
}

// TestVersionFromTag builds mou for this machine with the release's own
// flags, as for the tag v1.4.0, and checks that mou --version says so:
// the -X path in ldflags must name the variable the program prints.
func TestVersionFromTag(t *testing.T) {
	if testing.Short() {
		t.Skip("builds mou: skipped with -short")
	}
	b := load(t)
	bin := filepath.Join(t.TempDir(), "mou")
	args, env, err := b.Command(Native(), "1.4.0", bin)
	if err != nil {
		t.Fatal(err)
	}
	build := exec.Command("go", args...)
	build.Dir = root
	build.Env = append(os.Environ(), env...)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != "mou v1.4.0\n" {
		t.Errorf("mou --version printed %q, want \"mou v1.4.0\\n\"", out)
	}
}
