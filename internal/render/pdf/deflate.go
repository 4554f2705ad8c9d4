package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"regexp"
	"strconv"
	"sync"
)

// fpdf compresses each stream with a new zlib writer, a megabyte of
// garbage each time, which made compression most of the cost of a PDF.
// So fpdf writes its streams plain and deflateStreams compresses them
// afterwards with one reused writer, rebuilding the cross-reference
// table for the new offsets.

var zlibWriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

var (
	objHeader = regexp.MustCompile(`\A(\d+) 0 obj\n`)
	lengthKey = regexp.MustCompile(`/Length (\d+)`)
	sizeKey   = regexp.MustCompile(`/Size (\d+)`)
	firstObj  = regexp.MustCompile(`(?m)^\d+ 0 obj\n`)
)

const (
	streamStart = ">>\nstream\n"
	streamEnd   = "\nendstream\nendobj\n"
	objEnd      = "endobj\n"
)

// deflateStreams returns pdf, as fpdf writes it uncompressed, with every
// stream that has no filter compressed. It fails on anything it does not
// recognise; the caller then keeps the plain PDF, which is valid too.
func deflateStreams(pdf []byte) ([]byte, error) {
	xref := bytes.LastIndex(pdf, []byte("\nxref\n"))
	trailer := bytes.LastIndex(pdf, []byte("\ntrailer\n"))
	startxref := bytes.LastIndex(pdf, []byte("\nstartxref\n"))
	if xref < 0 || trailer < xref || startxref < trailer {
		return nil, fmt.Errorf("no cross-reference table")
	}
	fm := firstObj.FindIndex(pdf)
	if fm == nil {
		return nil, fmt.Errorf("no objects")
	}
	first := fm[0]

	zw := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(zw)
	var out bytes.Buffer
	out.Grow(len(pdf) / 2)
	out.Write(pdf[:first])
	offsets := map[int]int{}
	for pos := first; pos < xref+1; {
		rest := pdf[pos : xref+1]
		m := objHeader.FindSubmatch(rest)
		if m == nil {
			return nil, fmt.Errorf("no object at offset %d", pos)
		}
		num, _ := strconv.Atoi(string(m[1]))
		offsets[num] = out.Len()
		s, e := bytes.Index(rest, []byte(streamStart)), bytes.Index(rest, []byte(objEnd))
		if e < 0 {
			return nil, fmt.Errorf("object %d has no end", num)
		}
		if s < 0 || s > e {
			out.Write(rest[:e+len(objEnd)])
			pos += e + len(objEnd)
			continue
		}
		dict := rest[:s+2]
		lm := lengthKey.FindSubmatchIndex(dict)
		if lm == nil {
			return nil, fmt.Errorf("object %d: stream without a length", num)
		}
		n, _ := strconv.Atoi(string(dict[lm[2]:lm[3]]))
		data := s + len(streamStart)
		if data+n+len(streamEnd) > len(rest) || string(rest[data+n:data+n+len(streamEnd)]) != streamEnd {
			return nil, fmt.Errorf("object %d: stream length does not match", num)
		}
		end := data + n + len(streamEnd)
		if bytes.Contains(dict, []byte("/Filter")) {
			out.Write(rest[:end])
			pos += end
			continue
		}
		var z bytes.Buffer
		zw.Reset(&z)
		zw.Write(rest[data : data+n])
		if err := zw.Close(); err != nil {
			return nil, err
		}
		out.Write(dict[:lm[0]])
		fmt.Fprintf(&out, "/Length %d/Filter /FlateDecode", z.Len())
		out.Write(dict[lm[1]:])
		out.WriteString(streamStart[2:])
		out.Write(z.Bytes())
		out.WriteString(streamEnd)
		pos += end
	}

	sm := sizeKey.FindSubmatch(pdf[trailer:startxref])
	if sm == nil {
		return nil, fmt.Errorf("trailer without a size")
	}
	size, _ := strconv.Atoi(string(sm[1]))
	if len(offsets) != size-1 {
		return nil, fmt.Errorf("%d objects, the trailer says %d", len(offsets), size-1)
	}
	xrefAt := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", size)
	for i := 1; i < size; i++ {
		off, ok := offsets[i]
		if !ok {
			return nil, fmt.Errorf("object %d is missing", i)
		}
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	out.Write(pdf[trailer+1 : startxref+1])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", xrefAt)
	return out.Bytes(), nil
}
