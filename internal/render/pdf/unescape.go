package pdf

import "github.com/partnership-tools/mou/internal/layout"

// unescape undoes Markdown's escapes and references, as every renderer does.
func unescape(v []byte) string { return layout.Unescape(v) }
