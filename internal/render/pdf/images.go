package pdf

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// fpdf writes its images in the order of their widths, and images of the
// same width in the order its map of images gives them, which changes
// from run to run: two logos of the same width came out in either order,
// so the same questionnaire gave different bytes. orderImages numbers the
// images again in the order of their names, which fpdf draws from the
// hash of their bytes, so the same logos always come out the same way.

var (
	imageName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/I([0-9a-f]+) (\d+) 0 R`) })
	objectRef = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\d+) 0 R`) })
	objectNum = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\A\d+`) })
)

// orderImages renumbers the image objects in the order of their names. It
// leaves the file as it is unless the images lie as fpdf writes them:
// each image followed by its soft mask and its palette, if it has them,
// and the images one after the other.
func (f *pdfFile) orderImages() {
	names := map[int]string{} // the first object of each image -> its name
	for _, o := range f.objs {
		if bytes.Contains(o.data, []byte("/XObject <<")) {
			for _, m := range imageName().FindAllSubmatch(dictionary(o.data), -1) {
				n, _ := strconv.Atoi(string(m[2]))
				names[n] = string(m[1])
			}
		}
	}
	if len(names) < 2 {
		return
	}
	heads := make([]int, 0, len(names))
	for n := range names {
		heads = append(heads, n)
	}
	slices.Sort(heads)
	size := map[int]int{} // objects in each image
	for i, h := range heads {
		o := f.object(h)
		if o == nil || !bytes.Contains(o.data, []byte("/Subtype /Image")) {
			return
		}
		dict := dictionary(o.data)
		size[h] = 1 + bytes.Count(dict, []byte("/SMask ")) + bytes.Count(dict, []byte("/Indexed "))
		if i > 0 && heads[i-1]+size[heads[i-1]] != h {
			return
		}
	}
	ordered := slices.Clone(heads)
	slices.SortFunc(ordered, func(a, b int) int { return strings.Compare(names[a], names[b]) })
	if !slices.Equal(ordered, heads) { // else nothing to renumber
		f.renumber(heads, ordered, size)
	}
	slices.SortStableFunc(f.objs, func(a, b pdfObject) int { return a.num - b.num })
}

// renumber gives the images that start at heads, each of the given number
// of objects, the numbers of the images in the order given, and rewrites
// every reference to them.
func (f *pdfFile) renumber(heads, ordered []int, size map[int]int) {
	renumber := map[int]int{}
	next := heads[0]
	for _, h := range ordered {
		for k := range size[h] {
			renumber[h+k] = next
			next++
		}
	}
	for i := range f.objs {
		o := &f.objs[i]
		if n, moved := renumber[o.num]; moved {
			o.num = n
			o.data = objectNum().ReplaceAll(o.data, []byte(strconv.Itoa(n)))
		}
		dict := dictionary(o.data)
		if !objectRef().Match(dict) {
			continue
		}
		fixed := objectRef().ReplaceAllFunc(dict, func(ref []byte) []byte {
			n, _ := strconv.Atoi(string(ref[:len(ref)-len(" 0 R")]))
			if to, ok := renumber[n]; ok {
				return []byte(strconv.Itoa(to) + " 0 R")
			}
			return ref
		})
		o.data = slices.Concat(fixed, o.data[len(dict):])
	}
}

// dictionary is an object up to its stream, if it has one: what refers
// to other objects.
func dictionary(obj []byte) []byte {
	if s := bytes.Index(obj, []byte(streamStart)); s >= 0 {
		return obj[:s]
	}
	return obj
}
