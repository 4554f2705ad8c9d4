package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoGoldmarkExtension keeps goldmark's extension packages out of
// mou: the extension package compiles its link-finding patterns as every
// process that links it starts, and mou reads its tables itself (see
// internal/layout/table.go). Tests may still link it, to compare.
func TestNoGoldmarkExtension(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	found := false
	for _, p := range deps {
		found = found || p == "github.com/yuin/goldmark/parser"
		if strings.HasPrefix(p, "github.com/yuin/goldmark/extension") {
			t.Errorf("mou links %s", p)
		}
	}
	if !found {
		t.Fatalf("go list does not list goldmark's parser, so the list is not mou's:\n%s", out)
	}
}
