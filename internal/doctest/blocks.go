package doctest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// A Block is one fenced code block of a Markdown page that holds shell
// commands, with the output the page shows right after it, if any, and
// what the page says (in an HTML comment a reader does not see) about
// running it.
type Block struct {
	Line     int    // the line of the opening fence
	Script   string // the commands, as shown
	Output   string // the output shown after it, or ""
	HasOut   bool   // an output block follows
	Skip     string // why not to run it, or ""
	Needs    []string
	WantExit int
}

// directive matches the HTML comment that goes before a block:
//
//	<!-- doctest: skip REASON -->
//	<!-- doctest: exit 3 -->
//	<!-- doctest: needs pdftotext -->
var directive = regexp.MustCompile(`^<!--\s*doctest:\s*(skip|exit|needs)\b\s*(.*?)\s*-->$`)

// shellInfo are the info strings that mark a block of shell commands;
// outputInfo those that mark a block of output (the fence alone, or text).
var (
	shellInfo  = map[string]bool{"sh": true, "shell": true, "bash": true}
	outputInfo = map[string]bool{"": true, "text": true}
)

// Blocks reads the shell blocks of a Markdown page.
func Blocks(page string) ([]Block, error) {
	lines := strings.Split(page, "\n")
	var (
		blocks  []Block
		pending Block // directives seen since the last block
		// last is the index in blocks of the shell block that ended most
		// recently with nothing but blank lines since, or -1.
		last = -1
	)
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if m := directive.FindStringSubmatch(line); m != nil {
			switch m[1] {
			case "skip":
				if m[2] == "" {
					return nil, fmt.Errorf("line %d: say why a block is skipped", i+1)
				}
				pending.Skip = m[2]
			case "exit":
				n, err := strconv.Atoi(m[2])
				if err != nil {
					return nil, fmt.Errorf("line %d: exit %q is not a number", i+1, m[2])
				}
				pending.WantExit = n
			case "needs":
				pending.Needs = append(pending.Needs, strings.Fields(m[2])...)
			}
			last = -1
			continue
		}
		fence, info, ok := opening(line)
		if !ok {
			if line != "" {
				last = -1
				if strings.HasPrefix(line, "<!--") && strings.Contains(line, "doctest") {
					return nil, fmt.Errorf("line %d: a doctest comment mou cannot read: %s", i+1, line)
				}
			}
			continue
		}
		start := i
		var body []string
		for i++; i < len(lines) && !closing(strings.TrimSpace(lines[i]), fence); i++ {
			body = append(body, dedent(lines[i], lines[start]))
		}
		if i == len(lines) {
			return nil, fmt.Errorf("line %d: the code block is never closed", start+1)
		}
		text := strings.Join(body, "\n")
		switch {
		case shellInfo[info]:
			pending.Line, pending.Script = start+1, text
			blocks = append(blocks, pending)
			pending, last = Block{}, len(blocks)-1
			continue
		case outputInfo[info] && last >= 0:
			blocks[last].Output, blocks[last].HasOut = text, true
		}
		if pending.Skip != "" || pending.WantExit != 0 || pending.Needs != nil {
			return nil, fmt.Errorf("line %d: a doctest comment stands before a block that is not of shell commands", start+1)
		}
		last = -1
	}
	return blocks, nil
}

// opening reads a line that opens a fenced block: its fence and info string.
func opening(line string) (fence, info string, ok bool) {
	for _, c := range []string{"```", "~~~"} {
		if strings.HasPrefix(line, c) {
			n := len(line) - len(strings.TrimLeft(line, c[:1]))
			return line[:n], strings.TrimSpace(line[n:]), true
		}
	}
	return "", "", false
}

// closing says whether line closes a block opened with fence.
func closing(line, fence string) bool {
	return strings.HasPrefix(line, fence) && strings.Trim(line, fence[:1]) == ""
}

// dedent removes from line the indent of the block's opening fence, as
// Markdown does for a block inside a list item.
func dedent(line, open string) string {
	indent := len(open) - len(strings.TrimLeft(open, " "))
	for i := 0; i < indent && strings.HasPrefix(line, " "); i++ {
		line = line[1:]
	}
	return line
}

// Matches says whether output is what a page shows, want: the same text,
// but for trailing spaces, where each … in want stands for any text
// (the pages use it to leave out long names and lines).
func Matches(want, output string) bool {
	pieces := strings.Split(tidy(want), "…")
	for i, p := range pieces {
		pieces[i] = regexp.QuoteMeta(p)
	}
	re, err := regexp.Compile(`^(?s:` + strings.Join(pieces, `.*`) + `)$`)
	return err == nil && re.MatchString(tidy(output))
}

// tidy drops the spaces at the ends of lines and the blank lines at the end.
func tidy(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}
