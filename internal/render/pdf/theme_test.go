package pdf

import "github.com/partnership-tools/mou/internal/theme"

// DefaultTheme is the built-in theme, which most tests draw with.
func DefaultTheme() Theme { return theme.Default() }
