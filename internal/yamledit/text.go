package yamledit

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// textWidth is the widest a line of a folded answer that SetText writes
// runs, counting its indentation.
const textWidth = 80

// SetText makes the scalar at path read back as value, as Set does, but
// keeps a long answer in the form a person writes one: a value written
// as a block scalar ("mission: >" with the text on the lines below) stays
// one, in the same style, and a value of more than one line becomes a
// literal block ("text: |") instead of a quoted line full of "\n".
//
// A folded block (">") is wrapped at 80 columns; a literal one ("|")
// keeps the value's lines. A value ending in one line break is written
// with the usual chomping, one without any with "-" (">-", "|-"). Where
// none of that reads back as value, SetText does as Set does.
//
// A new key given a value of more than one line is written as a literal
// block too.
func (d *Doc) SetText(path, value string) error {
	d.long = true
	defer func() { d.long = false }()
	segs, err := parsePath(path)
	if err != nil {
		return err
	}
	l, err := locate(d.root, segs, plan)
	if err != nil || l.value == nil || l.aliased || l.parent.Style&yaml.FlowStyle != 0 {
		return d.Set(path, value)
	}
	v := l.value
	block := v.Kind == yaml.ScalarNode && v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 && v.Anchor == "" && v.Tag != "!!binary"
	if !block && !strings.Contains(strings.TrimSuffix(value, "\n"), "\n") {
		return d.Set(path, value)
	}
	if !utf8.ValidString(value) {
		return fmt.Errorf("yamledit: %s: the value is not valid UTF-8", path)
	}
	indent := l.parent.Column + 1 // two spaces past the entries of the collection
	style := yaml.LiteralStyle
	if block && v.Style&yaml.FoldedStyle != 0 && !strings.Contains(strings.TrimSuffix(value, "\n"), "\n") {
		style = yaml.FoldedStyle
	}
	text, ok := blockText(value, style, indent, d.eol)
	if !ok {
		return d.Set(path, value)
	}
	var edits []edit
	switch start, end, one := d.scalarSpan(v); {
	case one:
		// "key: old # note" becomes "key: | # note" and the lines below.
		header, body, _ := strings.Cut(text, d.eol)
		lineEnd := d.lineEnd(v.Line)
		edits = []edit{{start, end, header}, {lineEnd, lineEnd, d.eol + strings.TrimSuffix(body, d.eol)}}
	case block:
		start, ok := d.offset(v.Line, v.Column)
		if !ok {
			return d.Set(path, value)
		}
		last := d.blockEnd(v, l.parent.Column-1)
		edits = []edit{{start, d.lineEnd(last), strings.TrimSuffix(text, d.eol)}}
	default:
		return d.Set(path, value)
	}
	want, wl, err := d.target(segs, copies)
	if err != nil {
		return err
	}
	setNode(wl, segs[len(segs)-1].key, value)
	return d.commit(path, edits, true, want)
}

// lineEnd returns the offset of the end of line l (counted from 1),
// before its line ending.
func (d *Doc) lineEnd(l int) int {
	return d.starts[l-1] + len(d.line(l))
}

// blockText returns value written as a block scalar of the given style,
// its body indented by indent spaces: the indicator line, then the body,
// each line ending in eol. It reports false for a value a block scalar
// cannot hold as it is: one that starts with a space or a blank line,
// ends in more than one line break, or holds characters YAML cannot
// print.
func blockText(value string, style yaml.Style, indent int, eol string) (string, bool) {
	chomp := ""
	body := value
	switch {
	case strings.HasSuffix(value, "\n\n"), value == "" || value == "\n":
		return "", false
	case strings.HasSuffix(value, "\n"):
		body = value[:len(value)-1]
	default:
		chomp = "-"
	}
	if strings.HasPrefix(body, " ") || strings.HasPrefix(body, "\t") || strings.HasPrefix(body, "\n") {
		return "", false
	}
	for _, r := range body {
		if r != '\n' && r != '\t' && !printable(r) {
			return "", false
		}
	}
	pad := strings.Repeat(" ", indent)
	var lines []string
	if style == yaml.FoldedStyle {
		// A folded block joins its lines with spaces, so the text is
		// broken only at single spaces between words.
		if strings.Contains(body, "  ") || strings.ContainsAny(body, "\t\r") {
			return "", false
		}
		lines = wrap(body, textWidth-indent)
	} else {
		lines = strings.Split(body, "\n")
	}
	indicator := "|"
	if style == yaml.FoldedStyle {
		indicator = ">"
	}
	var b strings.Builder
	b.WriteString(indicator + chomp + eol)
	for _, line := range lines {
		if strings.TrimRight(line, " \t") != line && style == yaml.FoldedStyle {
			return "", false
		}
		if line != "" {
			b.WriteString(pad + line)
		}
		b.WriteString(eol)
	}
	return b.String(), true
}

// wrap breaks text at spaces into lines of at most width characters,
// where the words allow.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Split(text, " ") {
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > width:
			lines = append(lines, line)
			line = w
		default:
			line += " " + w
		}
	}
	return append(lines, line)
}
