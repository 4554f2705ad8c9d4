package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
)

// fpdf compresses each stream with a new zlib writer, a megabyte of
// garbage each time, which made compression most of the cost of a PDF.
// So fpdf writes its streams plain and deflateStreams compresses them
// afterwards with one reused writer, rebuilding the cross-reference
// table for the new offsets. The same pass adds the signing fields
// (fields.go), which fpdf cannot write.

// deflaters holds zlib writers, each with a buffer for the stream it
// compresses, so that the documents of a run share a few of them: a new
// writer is a megabyte of memory to zero and fault in.
var deflaters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return &deflater{w: w}
}}

type deflater struct {
	w   *zlib.Writer
	buf bytes.Buffer
}

var (
	objHeader = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\A(\d+) 0 obj\n`) })
	lengthKey = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/Length (\d+)`) })
	sizeKey   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/Size (\d+)`) })
	rootKey   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/Root (\d+) 0 R`) })
	firstObj  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^\d+ 0 obj\n`) })
)

const (
	streamStart = ">>\nstream\n"
	streamEnd   = "\nendstream\nendobj\n"
	objEnd      = "endobj\n"
)

// pdfFile is a PDF as fpdf writes it, cut into its objects so that they
// can be changed and added to before it is put back together.
type pdfFile struct {
	head    []byte      // the header, before the first object
	objs    []pdfObject // numbered 1 to len(objs), in file order
	trailer []byte      // from "trailer" to just before "startxref"
}

// pdfObject is one whole object, from "N 0 obj" to "endobj".
type pdfObject struct {
	num  int
	data []byte
}

// splitPDF cuts pdf into its objects. It fails on anything it does not
// recognise.
func splitPDF(pdf []byte) (*pdfFile, error) {
	xref := bytes.LastIndex(pdf, []byte("\nxref\n"))
	trailer := bytes.LastIndex(pdf, []byte("\ntrailer\n"))
	startxref := bytes.LastIndex(pdf, []byte("\nstartxref\n"))
	if xref < 0 || trailer < xref || startxref < trailer {
		return nil, fmt.Errorf("no cross-reference table")
	}
	fm := firstObj().FindIndex(pdf)
	if fm == nil {
		return nil, fmt.Errorf("no objects")
	}
	f := &pdfFile{head: pdf[:fm[0]], trailer: pdf[trailer+1 : startxref+1]}
	seen := map[int]bool{}
	for pos := fm[0]; pos < xref+1; {
		rest := pdf[pos : xref+1]
		m := objHeader().FindSubmatch(rest)
		if m == nil {
			return nil, fmt.Errorf("no object at offset %d", pos)
		}
		num, _ := strconv.Atoi(string(m[1]))
		s, e := bytes.Index(rest, []byte(streamStart)), bytes.Index(rest, []byte(objEnd))
		if e < 0 {
			return nil, fmt.Errorf("object %d has no end", num)
		}
		end := e + len(objEnd)
		if s >= 0 && s < e {
			lm := lengthKey().FindSubmatch(rest[:s])
			if lm == nil {
				return nil, fmt.Errorf("object %d: stream without a length", num)
			}
			n, _ := strconv.Atoi(string(lm[1]))
			data := s + len(streamStart)
			if data+n+len(streamEnd) > len(rest) || string(rest[data+n:data+n+len(streamEnd)]) != streamEnd {
				return nil, fmt.Errorf("object %d: stream length does not match", num)
			}
			end = data + n + len(streamEnd)
		}
		if seen[num] {
			return nil, fmt.Errorf("object %d appears twice", num)
		}
		seen[num] = true
		f.objs = append(f.objs, pdfObject{num: num, data: rest[:end]})
		pos += end
	}
	sm := sizeKey().FindSubmatch(f.trailer)
	if sm == nil {
		return nil, fmt.Errorf("trailer without a size")
	}
	if size, _ := strconv.Atoi(string(sm[1])); len(f.objs) != size-1 {
		return nil, fmt.Errorf("%d objects, the trailer says %d", len(f.objs), size-1)
	}
	for i := 1; i <= len(f.objs); i++ {
		if !seen[i] {
			return nil, fmt.Errorf("object %d is missing", i)
		}
	}
	return f, nil
}

// object returns object num, valid until the next add.
func (f *pdfFile) object(num int) *pdfObject {
	for i := range f.objs {
		if f.objs[i].num == num {
			return &f.objs[i]
		}
	}
	return nil
}

// add appends an object whose dictionary (and stream, if any) is body,
// and returns its number.
func (f *pdfFile) add(body string) int {
	num := len(f.objs) + 1
	f.objs = append(f.objs, pdfObject{num: num, data: fmt.Appendf(nil, "%d 0 obj\n%s\nendobj\n", num, body)})
	return num
}

// bytes puts the file back together with a new cross-reference table.
func (f *pdfFile) bytes() []byte {
	size := len(f.head) + len(f.trailer) + 64 + 20*(len(f.objs)+1)
	for _, o := range f.objs {
		size += len(o.data)
	}
	out := bytes.NewBuffer(make([]byte, 0, size))
	out.Write(f.head)
	offsets := make([]int, len(f.objs)+1)
	for _, o := range f.objs {
		offsets[o.num] = out.Len()
		out.Write(o.data)
	}
	xrefAt := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range offsets[1:] {
		fmt.Fprintf(out, "%010d 00000 n \n", off)
	}
	out.Write(sizeKey().ReplaceAll(f.trailer, fmt.Appendf(nil, "/Size %d", len(offsets))))
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", xrefAt)
	return out.Bytes()
}

// deflate compresses every stream that has no filter. Each stream is
// compressed on its own, so two goroutines share the work where there is
// enough of it and another processor: the memorandum, which finishes
// last, then uses the processor the code of practice is done with.
func (f *pdfFile) deflate() error {
	var jobs []int // the objects to compress, the longest first
	size := 0
	for i, o := range f.objs {
		if s := bytes.Index(o.data, []byte(streamStart)); s >= 0 && !bytes.Contains(o.data[:s], []byte("/Filter")) {
			jobs = append(jobs, i)
			size += len(o.data)
		}
	}
	slices.SortStableFunc(jobs, func(a, b int) int { return len(f.objs[b].data) - len(f.objs[a].data) })
	var next atomic.Int64
	work := func() error {
		var d *deflater // taken when there is work left, as a new one is costly
		defer func() {
			if d != nil {
				deflaters.Put(d)
			}
		}()
		for j := next.Add(1) - 1; j < int64(len(jobs)); j = next.Add(1) - 1 {
			if d == nil {
				d = deflaters.Get().(*deflater)
			}
			o := &f.objs[jobs[j]]
			data, err := d.compress(o.data)
			if err != nil {
				return err
			}
			o.data = data
		}
		return nil
	}
	if size < parallelDeflate || runtime.GOMAXPROCS(0) < 2 {
		return work()
	}
	other := make(chan error, 1)
	go func() { other <- work() }()
	return errors.Join(work(), <-other)
}

// parallelDeflate is the least a PDF's plain streams must hold, in
// bytes, for a second goroutine to compress some of them.
const parallelDeflate = 32 << 10

// compress returns obj, a whole object with a stream and no filter, with
// its stream compressed.
func (d *deflater) compress(obj []byte) ([]byte, error) {
	s := bytes.Index(obj, []byte(streamStart))
	dict := obj[:s+2]
	lm := lengthKey().FindSubmatchIndex(dict)
	n, _ := strconv.Atoi(string(dict[lm[2]:lm[3]]))
	data := s + len(streamStart)
	d.buf.Reset()
	d.w.Reset(&d.buf)
	d.w.Write(obj[data : data+n])
	if err := d.w.Close(); err != nil {
		return nil, err
	}
	z := d.buf.Bytes()
	out := make([]byte, 0, len(dict)+len("/Filter /FlateDecode")+20+len(streamStart)+len(z)+len(streamEnd))
	out = append(out, dict[:lm[0]]...)
	out = fmt.Appendf(out, "/Length %d/Filter /FlateDecode", len(z))
	out = append(out, dict[lm[1]:]...)
	out = append(out, streamStart[2:]...)
	out = append(out, z...)
	out = append(out, streamEnd...)
	return out, nil
}

// deflateStreams returns pdf, as fpdf writes it uncompressed, with every
// stream that has no filter compressed. It fails on anything it does not
// recognise; the caller then keeps the plain PDF, which is valid too.
func deflateStreams(pdf []byte) ([]byte, error) {
	f, err := splitPDF(pdf)
	if err != nil {
		return nil, err
	}
	if err := f.deflate(); err != nil {
		return nil, err
	}
	return f.bytes(), nil
}
