package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/pdftest"
	"github.com/partnership-tools/mou/internal/sampletest"
)

// TestThreeYears lives three years of a five-school hub from the bundled
// sample, as the README's "Over the years" walks it: signing, a handover,
// two reviews, a school joining, a signatory change with acting cover, a
// school leaving and an objective change that everyone signs. At each step
// it checks what mou says must be signed and the documents it writes.
func TestThreeYears(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	file := filepath.Join(dir, "hub.yaml")
	if err := os.WriteFile(file, sampletest.Edit(t, "hub-and-spoke.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	const slug = "severn-vale-teaching-hub"
	doc := func(kind string, v int) string {
		return string(mustRead(t, filepath.Join(out, slug+"-"+kind+"-v"+strconv.Itoa(v)+".md")))
	}
	expect := func(what, text string, want ...string) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s does not contain %q; it is:\n%s", what, w, text)
			}
		}
	}
	refuse := func(what, text string, not ...string) {
		t.Helper()
		for _, w := range not {
			if strings.Contains(text, w) {
				t.Errorf("%s contains %q", what, w)
			}
		}
	}
	generate := func(version int, want ...string) string {
		t.Helper()
		stdout := mustRun(t, "generate", "-o", out, file)
		expect("generate version "+strconv.Itoa(version), stdout, want...)
		pdftest.Valid(t, mustRead(t, filepath.Join(out, slug+"-mou-v"+strconv.Itoa(version)+".pdf")))
		return stdout
	}
	status := func(today string, want ...string) {
		t.Helper()
		_, stdout, _ := run(t, "status", file, "--today", today)
		expect("status on "+today, stdout, want...)
	}
	schools := map[string]string{"severnside": "Richard Penhaligon", "oakhurst": "Paul Whitmore", "st-aidans": "Catherine Holt",
		"millbrook": "Andrea Lyons", "bro-wyn": "Siân Llŷr"}
	sign := func(version int, date string, ids ...string) {
		t.Helper()
		for _, id := range ids {
			mustRun(t, "signed", file, "--version", strconv.Itoa(version), "--partner", id, "--by", schools[id], "--date", date, "-o", out)
		}
	}
	// endorse records the partners' endorsements of the code of practice,
	// or their signatures on another document of the version.
	endorse := func(document string, version int, date string, ids ...string) {
		t.Helper()
		for _, id := range ids {
			mustRun(t, "signed", file, "--version", strconv.Itoa(version), "--partner", id, "--by", schools[id], "--date", date, "-o", out, "--document", document)
		}
	}
	all := []string{"severnside", "oakhurst", "st-aidans", "millbrook", "bro-wyn"}

	// Year 1. Version 1 is issued and every head signs it.
	stdout := generate(1, "Agreement ref. XA6T-VGA0, version 1.")
	ref := regexp.MustCompile(`Agreement ref\. (\w{4}-\w{4})`).FindStringSubmatch(stdout)[1]
	sign(1, "2026-07-20", "severnside", "oakhurst", "st-aidans", "millbrook")
	status("2026-08-01", "Not yet signed agreement ref. "+ref+" (version 1): Ysgol Gymraeg Bro Ŵyn.")
	sign(1, "2026-09-02", "bro-wyn")
	status("2026-09-03", "Not yet endorsed the code of practice of version 1: Severnside High School, Oakhurst Primary School, St Aidan's Church of England Primary School, Millbrook Academy and Ysgol Gymraeg Bro Ŵyn")
	endorse("code-of-practice", 1, "2026-09-02", all...)
	status("2026-09-03", "Every partner has signed agreement ref. "+ref+"; the code of practice of version 1 is endorsed.")

	// January 2027: Oakhurst's assessment lead leaves. Only Schedule 1 is reissued.
	mustRun(t, "handover", file, "--partner", "oakhurst", "--name", "Ian Morgan", "--email", "assessment@oakhurst.example.org",
		"--effective", "2027-01-06", "--reason", "Grace Adeyemi moved to a headship")
	generate(2, "The signed agreement stands (Agreement ref. "+ref+", as in version 1): only the contacts changed.",
		"wrote "+out+"/"+slug+"-notice-of-change-v2.md")
	notice := doc("notice-of-change", 2)
	expect("the notice of change", notice, "Date: 6 January 2027", "From: Severnside High School, the lead partner",
		"Name: Grace Adeyemi → Ian Morgan", `Reason: Grace Adeyemi moved to a headship\.`, "**Signed for and on behalf of Severnside High School**")
	refuse("the notice of change", notice, "Email:") // the address stayed the same, so it is not reported
	expect("MOU version 2", doc("mou", 2), "Signed on 20 July 2026 by Paul Whitmore, version 1.", "Signed on 2 September 2026 by Siân Llŷr, version 1.")

	// July 2027: the first review finds two objectives met.
	stdout = mustRun(t, "review", file, "--date", "2027-07-08", "--met", "1,3", "-o", out)
	expect("review", stdout, "objectives[0].met: false → true", "objectives[2].met: false → true")
	expect("the first review record", string(mustRead(t, filepath.Join(out, slug+"-review-2027-07-08.md"))),
		"Date of the review: 8 July 2027", "(Agreement ref. "+ref+")", "Next review: 10 February 2028.")
	status("2027-07-20", "1 review held, on 8 July 2027.")

	// Year 2. September 2027: Hillside Primary joins; it signs the joining
	// agreement, which the lead partner signs to accept it, and endorses
	// the code; no other partner signs anything.
	mustRun(t, "join", file, "--partner", "hillside", "--name", "Hillside Primary School", "--kind", "school", "--urn", "104321",
		"--lead", "Grace Obi", "--title", "Deputy Headteacher", "--email", "g.obi@hillside.example.org",
		"--signatory", "Martin Shaw", "--position", "Headteacher", "--effective", "2027-09-01")
	generate(3, "The signed agreement stands for the other partners (Agreement ref. "+ref+", as in version 2).",
		"Hillside Primary School joins: it signs the joining agreement", "Severnside High School signs the joining agreement too, to accept it for the partnership.", "No other partner signs",
		"wrote "+out+"/"+slug+"-joining-agreement-v3.md")
	expect("the joining agreement", doc("joining-agreement", 3), "Date: 1 September 2027", "From: Severnside High School, for the partnership",
		"already signed by Severnside High School, Oakhurst Primary School, St Aidan's Church of England Primary School, Millbrook Academy and Ysgol Gymraeg Bro Ŵyn (Agreement ref. "+ref+")",
		"**Signed for and on behalf of Hillside Primary School**", "Name: Martin Shaw", "**Accepted for the partnership by Severnside High School**")
	expect("MOU version 3", doc("mou", 3), "6. **Hillside Primary School**", "Joins on 1 September 2027 by signing the joining agreement")
	status("2027-09-05", "Not yet signed the joining agreement of version 3: Hillside Primary School and Severnside High School",
		"Not yet endorsed the code of practice of version 3: Hillside Primary School;")
	schools["hillside"] = "Martin Shaw"
	sign(3, "2027-09-10", "hillside")
	status("2027-09-11", "Not yet signed the joining agreement of version 3: Severnside High School;")
	endorse("joining-agreement", 3, "2027-09-11", "severnside")
	endorse("code-of-practice", 3, "2027-09-11", "hillside")
	status("2027-09-12", "Every partner has signed agreement ref. "+ref+"; the code of practice of version 3 is endorsed and the joining agreement of version 3 is signed.")

	// January 2028: Severnside's head is away; the deputy head signs as acting head.
	mustRun(t, "handover", file, "--partner", "severnside", "--role", "signatory", "--name", "Helen Rhys", "--position", "Acting Headteacher",
		"--acting", "--until", "2028-04-30", "--effective", "2028-01-08")
	generate(4, "The signed agreement stands (Agreement ref. "+ref+", as in version 3): only the contacts changed.")
	expect("the notice of change of version 4", doc("notice-of-change", 4),
		"Name: Richard Penhaligon → Helen Rhys (acting until 30 April 2028); Position: Headteacher → Acting Headteacher")
	mou := doc("mou", 4)
	expect("MOU version 4", mou, "| Severnside High School | Helen Rhys (acting until 30 April 2028) | Acting Headteacher |",
		"Signed on 20 July 2026 by Richard Penhaligon, version 1.", "Signed on 10 September 2027 by Martin Shaw, version 3.")

	status("2028-04-20", "Acting cover by Helen Rhys as signatory for Severnside High School ends on 30 April 2028, in 10 days")

	// May 2028: Helen Rhys is appointed headteacher.
	stdout = mustRun(t, "handover", file, "--partner", "severnside", "--role", "signatory", "--name", "Helen Rhys", "--position", "Headteacher",
		"--effective", "2028-05-01")
	expect("handover", stdout, "partners[0].signatory.acting_until: 2028-04-30 → none",
		"history: added version 5: Signatory for Severnside High School: position Acting Headteacher → Headteacher, Helen Rhys confirmed in the role, no longer acting.")
	refuse("handover", stdout, "signatory.name")
	generate(5, "only the contacts changed")
	expect("MOU version 5", doc("mou", 5), "| Severnside High School | Helen Rhys | Headteacher |")

	// July 2028: the second review.
	mustRun(t, "review", file, "--date", "2028-07-06", "--met", "2", "-o", out)
	status("2028-07-10", "2 reviews held, the last on 6 July 2028.")

	// Year 3. Millbrook gave notice in May; it leaves at the end of August.
	// It still leads an activity, so it cannot leave until St Aidan's takes
	// that over; the new lead changes the agreement, which the others sign.
	code, _, stderr := run(t, "leave", file, "--partner", "millbrook", "--effective", "2028-08-31", "--given", "2028-05-25")
	if code != 1 {
		t.Errorf("leave without --reassign-to: exit %d, want 1", code)
	}
	expect("leave without --reassign-to", stderr, "Millbrook Academy still leads an activity (activities[1].lead)", "--reassign-to")
	stdout = mustRun(t, "leave", file, "--partner", "millbrook", "--effective", "2028-08-31", "--given", "2028-05-25", "--reassign-to", "st-aidans")
	expect("leave", stdout, "activities[1].lead: millbrook → st-aidans")
	stdout = generate(6, "The agreement text changed since version 5", "every partner must sign version 6",
		"Millbrook Academy leaves: the notice of withdrawal", "wrote "+out+"/"+slug+"-notice-of-withdrawal-v6.md")
	ref5 := regexp.MustCompile(`→ (\w{4}-\w{4})\)`).FindStringSubmatch(stdout)[1]
	expect("the notice of withdrawal", doc("notice-of-withdrawal", 6), "Date: 25 May 2028", "From: Millbrook Academy", "Its withdrawal takes effect on 31 August 2028, by this notice given on 25 May 2028",
		"Its withdrawal takes effect on 31 August 2028", "(Agreement ref. "+ref+")", "so the partners who remain sign that version",
		"**Signed for and on behalf of Millbrook Academy**", "Name: Andrea Lyons")
	mou = doc("mou", 6)
	refuse("MOU version 6", mou, "**Millbrook Academy**", "Andrea Lyons", "millbrook")
	expect("MOU version 6", mou, "| 6 | 31 August 2028 | Millbrook Academy left the partnership by notice of withdrawal given on 25 May 2028; its work passed to St Aidan's Church of England Primary School. |")
	schools["severnside"] = "Helen Rhys"
	sign(6, "2028-09-05", "severnside", "oakhurst", "st-aidans", "bro-wyn", "hillside")
	status("2028-09-06", "Every partner has signed agreement ref. "+ref5+"; the code of practice of version 6 is endorsed.")

	// September 2028: the hub raises a target and hands Millbrook's work
	// to others. The agreement changes, so every partner signs version 7.
	edited := string(mustRead(t, file))
	for _, e := range [][2]string{
		{"version: 6", "version: 7"}, {"date: 2028-08-31\n", "date: 2028-09-15\n"},
		{"target: 60% feel confident", "target: 70% feel confident"},
		{"owner: millbrook", "owner: st-aidans"},
		{"[severnside, oakhurst, st-aidans, millbrook, bro-wyn]", "[severnside, oakhurst, st-aidans, bro-wyn, hillside]"},
		{"[severnside, oakhurst, st-aidans, millbrook, bro-wyn]", "[severnside, oakhurst, st-aidans, bro-wyn, hillside]"},
		{"[severnside, millbrook]", "[severnside]"}, {"[bro-wyn, oakhurst, st-aidans, millbrook]", "[bro-wyn, oakhurst, st-aidans, hillside]"},
		{"    - partner: millbrook\n      in_kind", "    - partner: hillside\n      in_kind"},
		{"    - partner: millbrook\n      will", "    - partner: hillside\n      will"},
		{"Church of England Primary School.\n", "Church of England Primary School.\n  - version: 7\n    date: 2028-09-15\n    change: Language target raised to 70%; Millbrook's work handed to St Aidan's and Hillside.\n"},
	} {
		if !strings.Contains(edited, e[0]) {
			t.Fatalf("the questionnaire has no %q", e[0])
		}
		edited = strings.Replace(edited, e[0], e[1], 1)
	}
	os.WriteFile(file, []byte(edited), 0o644)
	stdout = generate(7, "The agreement text changed since version 6", "Aims and objectives", "every partner must sign version 7")
	ref6 := regexp.MustCompile(`→ (\w{4}-\w{4})\)`).FindStringSubmatch(stdout)[1]
	if ref6 == ref || ref6 == ref5 {
		t.Fatal("the agreement reference did not change")
	}
	mou = doc("mou", 7)
	refuse("MOU version 7", mou, "Signed on", "millbrook", "Joins on")
	status("2028-09-20", "Not yet signed agreement ref. "+ref6+" (version 7): Severnside High School, Oakhurst Primary School, St Aidan's Church of England Primary School, Ysgol Gymraeg Bro Ŵyn and Hillside Primary School.")
	sign(7, "2028-09-30", "severnside", "oakhurst", "st-aidans", "bro-wyn", "hillside")
	// The code's commitments changed too, so it is endorsed again.
	status("2028-10-01", "Not yet endorsed the code of practice of version 7: Severnside High School, Oakhurst Primary School, St Aidan's Church of England Primary School, Ysgol Gymraeg Bro Ŵyn and Hillside Primary School")
	endorse("code-of-practice", 7, "2028-09-30", "severnside", "oakhurst", "st-aidans", "bro-wyn", "hillside")
	status("2028-10-01", "Every partner has signed agreement ref. "+ref6+"; the code of practice of version 7 is endorsed.")

	// Every document of the story is a valid PDF.
	for _, name := range []string{"notice-of-change-v2", "joining-agreement-v3", "notice-of-change-v4", "notice-of-withdrawal-v6",
		"review-2027-07-08", "review-2028-07-06", "mou-v7", "code-of-practice-v7"} {
		pdftest.Valid(t, mustRead(t, filepath.Join(out, slug+"-"+name+".pdf")))
	}

	// The whole story is in the amendment record of the last version.
	expect("MOU version 7", mou, "| 2 | 6 January 2027 | Lead for Oakhurst Primary School: Grace Adeyemi → Ian Morgan. |",
		"| 3 | 1 September 2027 | Hillside Primary School joined the partnership by a joining agreement. |",
		"| 4 | 8 January 2028 | Signatory for Severnside High School: Richard Penhaligon, Headteacher → Helen Rhys, Acting Headteacher (acting until 30 April 2028). |")
}
