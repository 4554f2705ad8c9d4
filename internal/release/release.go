// Package release reads the release configuration, .goreleaser.yaml, so
// that CI can build every release target with plain "go build" (Go is all
// a fresh CI machine has) the way goreleaser will, and so that tests can
// check the configuration against the program.
package release

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ConfigFile is the release configuration, at the repository's root.
const ConfigFile = ".goreleaser.yaml"

// Config is the part of goreleaser's configuration that mou uses.
type Config struct {
	Version     int       `yaml:"version"`
	ProjectName string    `yaml:"project_name"`
	Builds      []Build   `yaml:"builds"`
	Archives    []Archive `yaml:"archives"`
}

// Build is one of goreleaser's builds: one program for many targets.
type Build struct {
	ID           string   `yaml:"id"`
	Main         string   `yaml:"main"`
	Binary       string   `yaml:"binary"`
	Env          []string `yaml:"env"`
	Flags        []string `yaml:"flags"`
	Ldflags      []string `yaml:"ldflags"`
	Goos         []string `yaml:"goos"`
	Goarch       []string `yaml:"goarch"`
	Ignore       []Target `yaml:"ignore"`
	ModTimestamp string   `yaml:"mod_timestamp"`
}

// Archive is one of goreleaser's archives: how each target is packed.
type Archive struct {
	Formats         []string `yaml:"formats"`
	FormatOverrides []struct {
		Goos    string   `yaml:"goos"`
		Formats []string `yaml:"formats"`
	} `yaml:"format_overrides"`
	Files []struct {
		Src string `yaml:"src"`
	} `yaml:"files"`
}

// Target is one system and processor a build is made for.
type Target struct {
	Goos   string `yaml:"goos"`
	Goarch string `yaml:"goarch"`
}

func (t Target) String() string { return t.Goos + "/" + t.Goarch }

// Load reads the release configuration in the repository at root.
func Load(root string) (Config, error) {
	var c Config
	data, err := os.ReadFile(filepath.Join(root, ConfigFile))
	if err != nil {
		return c, err
	}
	if err := yaml.Unmarshal(data, &c); err != nil {
		return c, fmt.Errorf("%s: %w", ConfigFile, err)
	}
	if c.Version != 2 {
		return c, fmt.Errorf("%s: version is %d; mou's release configuration is written for goreleaser's version 2", ConfigFile, c.Version)
	}
	if len(c.Builds) == 0 {
		return c, fmt.Errorf("%s: no builds", ConfigFile)
	}
	return c, nil
}

// Targets lists every system and processor the build is made for, in the
// order goreleaser goes through them, leaving out those it ignores.
func (b Build) Targets() []Target {
	var targets []Target
	for _, goos := range b.Goos {
	next:
		for _, goarch := range b.Goarch {
			t := Target{goos, goarch}
			for _, ignored := range b.Ignore {
				if ignored == t {
					continue next
				}
			}
			targets = append(targets, t)
		}
	}
	return targets
}

// Command is the "go build" command line and the environment that make
// the build's program for target, as version, into the file out. It
// refuses any goreleaser template other than {{ .Version }}, which this
// build cannot fill in.
func (b Build) Command(t Target, version, out string) (args, env []string, err error) {
	args = []string{"build"}
	args = append(args, b.Flags...)
	if len(b.Ldflags) > 0 {
		ldflags, err := fill(strings.Join(b.Ldflags, " "), version)
		if err != nil {
			return nil, nil, err
		}
		args = append(args, "-ldflags="+ldflags)
	}
	args = append(args, "-o", out, b.Main)
	env = append(env, b.Env...)
	return args, append(env, "GOOS="+t.Goos, "GOARCH="+t.Goarch), nil
}

// fill puts version in place of {{ .Version }} in s.
func fill(s, version string) (string, error) {
	for _, spelling := range []string{"{{ .Version }}", "{{.Version}}"} {
		s = strings.ReplaceAll(s, spelling, version)
	}
	if i := strings.Index(s, "{{"); i >= 0 {
		return "", fmt.Errorf("%s: ldflags: a template CI cannot fill in: %s", ConfigFile, s[i:])
	}
	return s, nil
}

// Format is the archive format for a target's system: a zip for
// Windows, where Explorer opens it, else the archive's own.
func (a Archive) Format(goos string) []string {
	for _, o := range a.FormatOverrides {
		if o.Goos == goos {
			return o.Formats
		}
	}
	return a.Formats
}

// Native is the target of the machine running this program.
func Native() Target { return Target{runtime.GOOS, runtime.GOARCH} }
