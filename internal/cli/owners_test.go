package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/pdftest"
	"github.com/partnership-tools/mou/internal/sampletest"
)

// leadIns are the words that open the heading of each kind of signature
// block.
var leadIns = []string{"Signed for and on behalf of", "Agreed by", "Accepted for the partnership by", "Record agreed and signed for", "Endorsed for"}

// checkOwners reads a PDF's signing fields back with qpdf and the words
// around them with pdftotext -bbox, and checks that the fields are
// exactly a signature and a date field for each partner in want, by id,
// each inside the block whose heading want gives: so that a service told
// to assign the fields by name sends each block to the right head.
func checkOwners(t *testing.T, name string, data []byte, want map[string]string) {
	t.Helper()
	fields := pdftest.Fields(t, data)
	words := pdftest.Words(t, data)
	got := map[string]int{}
	for _, f := range fields {
		kind, id, _ := strings.Cut(f.Name, ".")
		got[id]++
		heading, ok := want[id]
		if !ok {
			t.Errorf("%s: field %s belongs to no block that signs", name, f.Name)
			continue
		}
		if h := strings.Join(strings.Fields(pdftest.Heading(f, words, leadIns...)), " "); h != heading {
			t.Errorf("%s: the %s field %s sits in the block headed %q, want %q", name, kind, f.Name, h, heading)
		}
	}
	for id := range want {
		if got[id] != 2 {
			t.Errorf("%s: %d fields named after %s, want a signature and a date", name, got[id], id)
		}
	}
}

// TestFieldsByBlockOwner follows the hub sample, led here by its second
// school, through a handover announced by its third, a school joining, a
// review and a school leaving, and checks every signing field of every
// document against the block it sits in. Measured before: the joining
// agreement's fields were signature.severnside (in Hillside's block) and
// signature.oakhurst (in the acceptance block); the notices and the
// review record were named after the first partner, whoever sent them;
// after a leave, the redline's last block was signature.partner-6.
func TestFieldsByBlockOwner(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	file := filepath.Join(dir, "hub.yaml")
	if err := os.WriteFile(file, sampletest.Edit(t, "hub-and-spoke.yaml", "lead_partner: severnside", "lead_partner: oakhurst"), 0o644); err != nil {
		t.Fatal(err)
	}
	const slug = "severn-vale-teaching-hub"
	pdf := func(name string) []byte { return mustRead(t, filepath.Join(out, slug+"-"+name+".pdf")) }
	names := map[string]string{"severnside": "Severnside High School", "oakhurst": "Oakhurst Primary School",
		"st-aidans": "St Aidan's Church of England Primary School", "millbrook": "Millbrook Academy", "bro-wyn": "Ysgol Gymraeg Bro Ŵyn",
		"hillside": "Hillside Primary School"}
	blocks := func(lead string, ids ...string) map[string]string {
		m := map[string]string{}
		for _, id := range ids {
			m[id] = lead + " " + names[id]
		}
		return m
	}
	five := []string{"severnside", "oakhurst", "st-aidans", "millbrook", "bro-wyn"}

	mustRun(t, "generate", "-o", out, "--format", "pdf", file)
	checkOwners(t, "MOU v1", pdf("mou-v1"), blocks("Signed for and on behalf of", five...))
	checkOwners(t, "code of practice v1", pdf("code-of-practice-v1"), blocks("Endorsed for", five...))

	mustRun(t, "handover", file, "--partner", "bro-wyn", "--name", "Eira Huws", "--email", "e.huws@browyn.example.org", "--effective", "2027-01-06", "--from", "st-aidans")
	mustRun(t, "generate", "-o", out, "--format", "pdf", file)
	checkOwners(t, "notice of change v2, from St Aidan's", pdf("notice-of-change-v2"), blocks("Signed for and on behalf of", "st-aidans"))

	mustRun(t, "join", file, "--partner", "hillside", "--name", "Hillside Primary School", "--kind", "school", "--lead", "Grace Obi",
		"--title", "Deputy Headteacher", "--email", "g.obi@hillside.example.org", "--signatory", "Martin Shaw", "--position", "Headteacher", "--effective", "2027-09-01")
	mustRun(t, "generate", "-o", out, "--format", "pdf", file)
	joining := blocks("Signed for and on behalf of", "hillside")
	joining["oakhurst"] = "Accepted for the partnership by " + names["oakhurst"]
	checkOwners(t, "joining agreement v3", pdf("joining-agreement-v3"), joining)
	// Hillside joins by the joining agreement: its block in the
	// memorandum has nothing to sign.
	checkOwners(t, "MOU v3", pdf("mou-v3"), blocks("Signed for and on behalf of", five...))

	mustRun(t, "review", file, "--date", "2027-09-20", "-o", out, "--format", "pdf")
	checkOwners(t, "review record", pdf("review-2027-09-20"), blocks("Record agreed and signed for", "oakhurst"))

	before := filepath.Join(dir, "hub-v3.yaml")
	os.WriteFile(before, mustRead(t, file), 0o644)
	mustRun(t, "leave", file, "--partner", "millbrook", "--effective", "2028-08-31", "--given", "2028-05-25", "--reassign-to", "st-aidans")
	mustRun(t, "generate", "-o", out, "--format", "pdf", file)
	checkOwners(t, "notice of withdrawal v4", pdf("notice-of-withdrawal-v4"), blocks("Signed for and on behalf of", "millbrook"))

	redline := filepath.Join(dir, "redline.pdf")
	run(t, "diff", before, file, "--redline", redline)
	stay := []string{"severnside", "oakhurst", "st-aidans", "bro-wyn", "hillside"}
	// Millbrook's block is struck out, with no field to sign.
	checkOwners(t, "redline after the leave", mustRead(t, redline), blocks("Signed for and on behalf of", stay...))
	if text := pdftest.Text(t, mustRead(t, redline)); !strings.Contains(text, "Millbrook") {
		t.Error("the redline does not show Millbrook's struck block")
	}
}

// TestBindingJoinSigners: when a partner joins a legally binding
// agreement, the notice of change and the joining agreement agree on who
// signs it; the newcomer's signature alone does not make status or
// signed say that every partner has signed; and each existing partner's
// signature on the joining agreement can be recorded. Measured before:
// the notice said "no partner needs to sign again", and after Hillside's
// signature both said "every partner has signed".
func TestBindingJoinSigners(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	file := filepath.Join(dir, "hub.yaml")
	text := string(sampletest.Edit(t, "hub-and-spoke.yaml")) + "wording:\n  edition: \"2026.2\"\n  status: binding\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	five := []string{"severnside", "oakhurst", "st-aidans", "millbrook", "bro-wyn"}
	mustRun(t, "generate", "-o", out, "--format", "md", file)
	for _, id := range five {
		mustRun(t, "signed", file, "--version", "1", "--partner", id, "--by", "Head", "--date", "2026-07-20", "-o", out)
		mustRun(t, "signed", file, "--version", "1", "--partner", id, "--by", "Head", "--date", "2026-07-20", "-o", out, "--document", "code-of-practice")
	}
	stdout := mustRun(t, "join", file, "--partner", "hillside", "--name", "Hillside Primary School", "--kind", "school", "--lead", "Grace Obi",
		"--title", "Deputy Headteacher", "--email", "g.obi@hillside.example.org", "--signatory", "Martin Shaw", "--position", "Headteacher", "--effective", "2027-09-01")
	if !strings.Contains(stdout, "Hillside Primary School and every existing partner sign the joining agreement") {
		t.Errorf("join says:\n%s", stdout)
	}
	stdout = mustRun(t, "generate", "-o", out, "--format", "md,pdf", file)
	if !strings.Contains(stdout, "Every existing partner signs the joining agreement too") {
		t.Errorf("generate says:\n%s", stdout)
	}
	read := func(kind string) string {
		return strings.Join(strings.Fields(string(mustRead(t, filepath.Join(out, "severn-vale-teaching-hub-"+kind+"-v2.md")))), " ")
	}
	signers := "Hillside Primary School, Severnside High School, Oakhurst Primary School, St Aidan's Church of England Primary School, Millbrook Academy and Ysgol Gymraeg Bro Ŵyn sign the joining agreement sent with this version."
	if notice := read("notice-of-change"); !strings.Contains(notice, signers) {
		t.Errorf("the notice of change does not say %q:\n%s", signers, notice)
	}
	joining := read("joining-agreement")
	for _, name := range []string{"Severnside High School", "Oakhurst Primary School", "St Aidan's Church of England Primary School", "Millbrook Academy", "Ysgol Gymraeg Bro Ŵyn"} {
		if !strings.Contains(joining, "**Agreed by "+name+"**") {
			t.Errorf("the joining agreement has no block agreeing for %s", name)
		}
	}
	data := mustRead(t, filepath.Join(out, "severn-vale-teaching-hub-joining-agreement-v2.pdf"))
	want := map[string]string{"hillside": "Signed for and on behalf of Hillside Primary School"}
	for id, name := range map[string]string{"severnside": "Severnside High School", "oakhurst": "Oakhurst Primary School",
		"st-aidans": "St Aidan's Church of England Primary School", "millbrook": "Millbrook Academy", "bro-wyn": "Ysgol Gymraeg Bro Ŵyn"} {
		want[id] = "Agreed by " + name
	}
	checkOwners(t, "binding joining agreement", data, want)

	const everyone = "Every partner has signed"
	stdout = mustRun(t, "signed", file, "--version", "2", "--partner", "hillside", "--by", "Martin Shaw", "--date", "2027-09-02", "-o", out)
	_, status, _ := run(t, "status", file, "--today", "2027-09-03", "-o", out)
	for what, text := range map[string]string{"signed": stdout, "status": status} {
		if strings.Contains(strings.ToLower(text), strings.ToLower(everyone)) || !strings.Contains(text, "the joining agreement of version 2: Severnside High School, Oakhurst Primary School") {
			t.Errorf("after Hillside's signature alone, %s says:\n%s", what, text)
		}
	}
	mustRun(t, "signed", file, "--version", "2", "--partner", "hillside", "--by", "Martin Shaw", "--date", "2027-09-02", "-o", out, "--document", "code-of-practice")
	for i, id := range five {
		_, status, _ = run(t, "status", file, "--today", "2027-09-03", "-o", out)
		if strings.Contains(status, everyone) {
			t.Errorf("with %d of five existing partners' joining signatures, status says:\n%s", i, status)
		}
		mustRun(t, "signed", file, "--version", "2", "--partner", id, "--by", "Head", "--date", "2027-09-03", "-o", out, "--document", "joining-agreement")
	}
	if _, status, _ = run(t, "status", file, "--today", "2027-09-04", "-o", out); !strings.Contains(status,
		everyone+" agreement ref. GWCF-W234; the code of practice of version 2 is endorsed and the joining agreement of version 2 is signed.") {
		t.Errorf("with every signature recorded, status says:\n%s", status)
	}
	// The joining agreement is not the memorandum: Hillside has no
	// block of its own to sign there in its joining version.
	if code, _, stderr := run(t, "signed", file, "--version", "2", "--partner", "hillside", "--by", "X", "--date", "2027-09-05", "--document", "mou"); code != 1 ||
		!strings.Contains(stderr, "joins by the joining agreement in version 2 and does not sign the memorandum of understanding") {
		t.Errorf("signing the memorandum for Hillside: exit %d, %s", code, stderr)
	}
}
