package pseudo

import (
	"io/fs"
	"reflect"
	"strings"
	"sync"
	"testing/fstest"

	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/templates"
)

var installOnce sync.Once

// Install registers the pseudo-locale, once a process: a pack made from
// British English's and templates made from every British English
// template, of the open edition and every frozen one, as a language's
// folder lays them out. A questionnaire then chooses it with
// "language: en-XA".
func Install() {
	installOnce.Do(func() {
		pack := Pack(locale.Get(locale.Default))
		pack.Tag = Tag
		locale.Register(pack)
		root, err := Templates(templates.FS)
		if err != nil {
			panic(err)
		}
		templates.Register(Tag, root)
	})
}

// Pack returns a copy of p with every string marked, map keys and the
// placeholders in patterns left as they are.
func Pack(p *locale.Pack) *locale.Pack {
	out := new(locale.Pack)
	mark(reflect.ValueOf(out).Elem(), reflect.ValueOf(p).Elem())
	return out
}

// mark copies src into dst, marking every string.
func mark(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.String:
		dst.SetString(Text(src.String()))
	case reflect.Struct:
		for i := 0; i < src.NumField(); i++ {
			mark(dst.Field(i), src.Field(i))
		}
	case reflect.Array:
		for i := 0; i < src.Len(); i++ {
			mark(dst.Index(i), src.Index(i))
		}
	case reflect.Slice:
		dst.Set(reflect.MakeSlice(src.Type(), src.Len(), src.Len()))
		for i := 0; i < src.Len(); i++ {
			mark(dst.Index(i), src.Index(i))
		}
	case reflect.Map:
		dst.Set(reflect.MakeMap(src.Type()))
		for _, k := range src.MapKeys() {
			v := reflect.New(src.Type().Elem()).Elem()
			mark(v, src.MapIndex(k))
			dst.SetMapIndex(k, v)
		}
	default:
		dst.Set(src)
	}
}

// Templates returns the templates of root (laid out as the top of
// templates.FS is) with every template's words marked: the open
// edition's files at the top, each frozen edition's in editions/NAME.
func Templates(root fs.FS) (fstest.MapFS, error) {
	out := fstest.MapFS{}
	for _, pattern := range []string{"*.tmpl", "editions/*/*.tmpl"} {
		names, err := fs.Glob(root, pattern)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			data, err := fs.ReadFile(root, name)
			if err != nil {
				return nil, err
			}
			if strings.HasSuffix(name, ".yaml.tmpl") {
				continue // the questionnaire mou init writes is not a document
			}
			out[name] = &fstest.MapFile{Data: []byte(Template(string(data)))}
		}
	}
	return out, nil
}
