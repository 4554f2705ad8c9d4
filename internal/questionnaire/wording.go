package questionnaire

// Wording chooses the standard wording the documents are written with.
type Wording struct {
	// Edition is the edition of the built-in wording; a file that names
	// none keeps the first, 2026.1, which everything signed before
	// editions were named was written with. The list must match
	// templates.Editions (a test checks).
	Edition string `yaml:"edition" enum:"2026.1,2026.2"`
}
