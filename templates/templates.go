// Package templates holds mou's built-in templates, embedded so that the
// binary works on its own. Every answer a template prints is escaped for
// Markdown by the questionnaire's Text type.
//
//   - mou.md.tmpl: the memorandum of understanding
//   - code-of-practice.md.tmpl: the code of practice
//   - partials.md.tmpl: pieces both documents share (contacts, signatures)
//   - notice.md.tmpl, joining.md.tmpl, withdrawal.md.tmpl: the notice of
//     change, the joining agreement and the notice of withdrawal
//   - review.md.tmpl: the record of a review meeting
//   - questionnaire.yaml.tmpl: the file "mou init" writes
package templates

import "embed"

// FS holds the built-in templates.
//
//go:embed *.tmpl
var FS embed.FS
