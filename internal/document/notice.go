package document

import (
	"bytes"
	"regexp"
	"strings"
)

// Notice is what a notice of change needs beyond the questionnaire.
type Notice struct {
	PreviousVersion int
	Changes         []string // Markdown, already escaped
}

// NoticeOfChange is the short document sent to every partner when a
// version differs from the one before only in its contacts.
var NoticeOfChange = Kind{"notice-of-change", "Notice of Change to Key Contacts", "notice.md.tmpl"}

var refLine = regexp.MustCompile(`(?m)^Agreement ref\. ([0-9A-Z]{4}-[0-9A-Z]{4})\s*$`)

// ReferenceIn returns the agreement reference printed in an MOU's
// Markdown, or "" if there is none.
func ReferenceIn(md []byte) string {
	if m := refLine.FindSubmatch(md); m != nil {
		return string(m[1])
	}
	return ""
}

// ContactChanges compares Schedule 1 of two MOUs' Markdown and describes,
// in escaped Markdown, each row that differs: "Riverside Academy, Careers
// Leader (partnership lead): Name: Jane Smith → Dafydd Jones-Newman".
func ContactChanges(oldMD, newMD []byte) []string {
	oldRows, newRows := scheduleRows(oldMD), scheduleRows(newMD)
	var out []string
	for _, nr := range newRows {
		or, ok := find(oldRows, nr.key)
		if !ok {
			out = append(out, nr.key+": added")
			continue
		}
		var diffs []string
		for i, col := range nr.columns {
			if i < len(or.cells) && or.cells[i] != nr.cells[i] {
				diffs = append(diffs, col+": "+orDash(or.cells[i])+" → "+orDash(nr.cells[i]))
			}
		}
		if len(diffs) > 0 {
			out = append(out, nr.key+": "+strings.Join(diffs, "; "))
		}
	}
	for _, or := range oldRows {
		if _, ok := find(newRows, or.key); !ok {
			out = append(out, or.key+": removed")
		}
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// row is one row of a Schedule 1 table: key names the partner and role;
// columns and cells hold the rest.
type row struct {
	key     string
	columns []string
	cells   []string
}

func find(rows []row, key string) (row, bool) {
	for _, r := range rows {
		if r.key == key {
			return r, true
		}
	}
	return row{}, false
}

// scheduleRows reads the tables of Schedule 1 in our own Markdown. A
// contacts row is keyed by partner and role; a signatories row by partner.
func scheduleRows(md []byte) []row {
	start := bytes.Index(md, []byte("\n## Schedule 1"))
	if start < 0 {
		return nil
	}
	section := md[start+1:]
	if end := bytes.Index(section, []byte("\n## ")); end >= 0 {
		section = section[:end]
	}
	var rows []row
	var header []string
	for _, line := range strings.Split(string(section), "\n") {
		if !strings.HasPrefix(line, "|") {
			header = nil
			continue
		}
		cells := splitRow(line)
		switch {
		case header == nil:
			header = cells
		case strings.HasPrefix(cells[0], "---"):
		case len(header) >= 2 && header[1] == "Role":
			rows = append(rows, row{key: cells[0] + ", " + cells[1], columns: header[2:], cells: cells[2:]})
		default:
			rows = append(rows, row{key: cells[0] + ", signatory", columns: header[1:], cells: cells[1:]})
		}
	}
	return rows
}

// splitRow splits a table row on the pipes that are not escaped.
func splitRow(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|")
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '\\' && i+1 < len(line):
			cur.WriteByte(line[i])
			cur.WriteByte(line[i+1])
			i++
		case line[i] == '|':
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(line[i])
		}
	}
	return append(cells, strings.TrimSpace(cur.String()))
}
