package theme

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// themeFile is the YAML form of a Theme. Every key is optional; what is
// left out keeps its value from Default.
type themeFile struct {
	Paper      *string  `yaml:"paper"`
	BodySize   *float64 `yaml:"body_size"`
	LineHeight *float64 `yaml:"line_height"`
	Margins    struct {
		Top    *float64 `yaml:"top"`
		Bottom *float64 `yaml:"bottom"`
		Left   *float64 `yaml:"left"`
		Right  *float64 `yaml:"right"`
	} `yaml:"margins"`
	Colours map[string]string `yaml:"colours"`
	Justify *bool             `yaml:"justify"`
	Font    *string           `yaml:"font"`
}

// Parse reads a theme file (YAML) on top of Default. name is used in
// errors.
func Parse(name string, data []byte) (Theme, error) {
	t := Default()
	var f themeFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && err.Error() != "EOF" {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		msg = strings.ReplaceAll(msg, " in type theme.themeFile", "")
		msg = strings.ReplaceAll(msg, "unmarshal errors:\n  ", "")
		return t, fmt.Errorf("%s: %s", name, msg)
	}
	if f.Paper != nil {
		switch strings.ToLower(*f.Paper) {
		case "a4":
			t.Paper = "A4"
		case "letter":
			t.Paper = "Letter"
		default:
			return t, fmt.Errorf("%s: paper: %q is not a4 or letter", name, *f.Paper)
		}
	}
	for _, v := range []struct {
		src *float64
		dst *float64
	}{
		{f.BodySize, &t.BodySize}, {f.LineHeight, &t.LineHeight},
		{f.Margins.Top, &t.MarginTop}, {f.Margins.Bottom, &t.MarginBottom},
		{f.Margins.Left, &t.MarginLeft}, {f.Margins.Right, &t.MarginRight},
	} {
		if v.src != nil {
			*v.dst = *v.src
		}
	}
	if f.Justify != nil {
		t.Justify = *f.Justify
	}
	if f.Font != nil {
		t.Font = strings.ToLower(*f.Font)
	}
	colours := t.colourFields()
	for key, hex := range f.Colours {
		dst, ok := colours[key]
		if !ok {
			return t, fmt.Errorf("%s: colours: unknown colour %q (the colours are %s)", name, key, strings.Join(colourNames, ", "))
		}
		c, err := parseHex(hex)
		if err != nil {
			return t, fmt.Errorf("%s: colours.%s: %v", name, key, err)
		}
		*dst = c
	}
	if err := t.Check(); err != nil {
		return t, fmt.Errorf("%s: %v", name, err)
	}
	return t, nil
}

// colourNames lists the theme's colours as the theme file names them.
var colourNames = []string{"text", "heading", "muted", "link", "rule", "table_header", "table_stripe", "code", "quote_bar", "signature_border", "draft_mark"}

func (t *Theme) colourFields() map[string]*Colour {
	return map[string]*Colour{
		"text": &t.Text, "heading": &t.Heading, "muted": &t.Muted, "link": &t.Link, "rule": &t.Rule,
		"table_header": &t.TableHeaderFill, "table_stripe": &t.TableStripe, "code": &t.CodeFill,
		"quote_bar": &t.QuoteBar, "signature_border": &t.SignatureBorder, "draft_mark": &t.DraftMark,
	}
}

func parseHex(s string) (Colour, error) {
	h := strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(h) != 6 {
		return Colour{}, fmt.Errorf("%q is not a colour like \"#1b365d\"", s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return Colour{}, fmt.Errorf("%q is not a colour like \"#1b365d\"", s)
	}
	return Colour{uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}

// DefaultFile is the built-in theme written as a theme file, for users
// to copy and change.
func DefaultFile() string {
	t := Default()
	var b strings.Builder
	b.WriteString("# mou theme: how the documents look, as PDF, Word file and web page.\n")
	b.WriteString("# Every key is optional; what you leave out keeps this value.\n")
	fmt.Fprintf(&b, "paper: %s          # a4 or letter\n", strings.ToLower(t.Paper))
	fmt.Fprintf(&b, "body_size: %g     # body text in points; headings scale from it\n", t.BodySize)
	fmt.Fprintf(&b, "line_height: %g   # a multiple of the text size\n", t.LineHeight)
	fmt.Fprintf(&b, "font: %s          # sans or serif\n", t.Font)
	fmt.Fprintf(&b, "justify: %t     # true sets body paragraphs flush with both margins\n", t.Justify)
	fmt.Fprintf(&b, "margins:           # millimetres\n  top: %g\n  bottom: %g\n  left: %g\n  right: %g\n", t.MarginTop, t.MarginBottom, t.MarginLeft, t.MarginRight)
	b.WriteString("colours:\n")
	fields := t.colourFields()
	for _, name := range colourNames {
		fmt.Fprintf(&b, "  %s: \"%s\"\n", name, fields[name])
	}
	return b.String()
}
