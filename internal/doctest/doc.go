// Package doctest holds the test that runs every shell command the README
// and the pages in docs/ show, exactly as shown, and checks the output
// they show. Its parser of Markdown code blocks lives here; the test is
// in doctest_test.go.
package doctest
