package cmdarg

import "testing"

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		"partnership.yaml":              `partnership.yaml`,
		"Ysgol_Bro_Wyn.yaml":            "Ysgol_Bro_Wyn.yaml",
		"Ysgol–Caerdydd.yaml":           `"Ysgol–Caerdydd.yaml"`, // PowerShell reads a dash as a hyphen
		"Ysgol_Glan_Môr.yaml":           "Ysgol_Glan_Môr.yaml",
		`C:\Users\Head\mou\hub-v2.yaml`: `C:\Users\Head\mou\hub-v2.yaml`,
		"St Mary's & Moreton MOU.yaml":  `"St Mary's & Moreton MOU.yaml"`,
		"my partnership.yaml":           `"my partnership.yaml"`,
		"50% partnership.yaml":          `"50% partnership.yaml"`,
		`a "quoted" $HOME file.yaml`:    `"a \"quoted\" \$HOME file.yaml"`,
		"~/partnership.yaml":            `"~/partnership.yaml"`,
		"":                              `""`,
		"hub;rm -rf.yaml":               `"hub;rm -rf.yaml"`,
	} {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
}
