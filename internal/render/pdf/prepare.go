package pdf

import "sync"

// preparing holds the font families whose faces Prepare has started on.
var preparing sync.Map // *[faceCount]faceInfo -> struct{}

// Prepare starts parsing, in the background, the faces every document is
// drawn in, the theme's regular and bold, which the first document drawn
// would otherwise stop to parse (about 2 ms each). Reading and checking
// the questionnaire and writing its Markdown then overlap with it on
// another processor. Calling it again does nothing.
func (r *Renderer) Prepare() {
	if _, started := preparing.LoadOrStore(r.m.faces, struct{}{}); started {
		return
	}
	for _, f := range []face{faceRegular, faceBold} {
		go parsed(r.m.faces[f])
	}
}
