package templates

import (
	"io/fs"
	"slices"
	"sync"

	"github.com/partnership-tools/mou/internal/locale"
)

// A language of the documents is one locale pack (internal/locale) and
// one set of templates for each edition it is written in. British
// English, the default, is the top level of FS: the open edition's files
// there, each frozen edition's in editions/NAME. Every other language is
// a folder languages/TAG laid out the same way (its open edition's files
// at its top, its frozen editions in languages/TAG/editions/NAME, pinned
// by languages/TAG/editions/SHA256SUMS), so adding one moves no file of
// English and no frozen hash.

// Default is the language of a questionnaire that names none; its
// templates are the top level of FS.
const Default = locale.Default

var (
	registeredMu sync.RWMutex
	registered   = map[string]fs.FS{}
)

// Register adds the templates of a language made while the program runs,
// laid out as a folder of languages/ is: the pseudo-locale of the tests
// is one. A built-in language cannot be replaced.
func Register(tag string, root fs.FS) {
	if _, ok := builtInRoot(tag); ok {
		panic("templates: " + tag + " is built in")
	}
	registeredMu.Lock()
	defer registeredMu.Unlock()
	registered[tag] = root
}

// Root returns the templates of the language tag ("" for Default), laid
// out as the top level of FS is, and whether there are any.
func Root(tag string) (fs.FS, bool) {
	if tag == "" {
		tag = Default
	}
	if root, ok := builtInRoot(tag); ok {
		return root, true
	}
	registeredMu.RLock()
	defer registeredMu.RUnlock()
	root, ok := registered[tag]
	return root, ok
}

func builtInRoot(tag string) (fs.FS, bool) {
	if tag == Default {
		return FS, true
	}
	if !fs.ValidPath(tag) || tag == "." {
		return nil, false
	}
	if _, err := fs.Stat(FS, "languages/"+tag); err != nil {
		return nil, false
	}
	sub, err := fs.Sub(FS, "languages/"+tag)
	return sub, err == nil
}

// Languages lists the languages there are templates for, Default first.
func Languages() []string {
	out := []string{Default}
	entries, _ := fs.ReadDir(FS, "languages")
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	registeredMu.RLock()
	for tag := range registered {
		out = append(out, tag)
	}
	registeredMu.RUnlock()
	slices.Sort(out[1:])
	return out
}

// LanguageEditions lists the editions of the wording the language tag has
// templates for, oldest first: every edition for Default, and for another
// language the editions it froze and the open one, if it has its files.
func LanguageEditions(tag string) []string {
	root, ok := Root(tag)
	if !ok {
		return nil
	}
	if tag == "" || tag == Default {
		return Editions
	}
	var out []string
	for _, e := range Editions {
		pattern := "editions/" + e + "/*.md.tmpl"
		if e == Current {
			pattern = "*.md.tmpl"
		}
		if has, _ := fs.Glob(root, pattern); len(has) > 0 {
			out = append(out, e)
		}
	}
	return out
}

// HasEdition reports whether the language tag has templates for the
// edition.
func HasEdition(tag, edition string) bool {
	return slices.Contains(LanguageEditions(tag), edition)
}
