package hl7_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/chartroom/chartroom/hl7"
)

// loadCorpus reads every file of the shared messages/ folder.
func loadCorpus(b *testing.B) ([][]byte, int64) {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join(corpusDir, "messages", "*"))
	if len(files) == 0 {
		b.Skipf("shared HL7 corpus not found at %s/messages: skipping", corpusDir)
	}
	var msgs [][]byte
	var total int64
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		msgs = append(msgs, raw)
		total += int64(len(raw))
	}
	return msgs, total
}

// visitAll reads every field, repetition, component and subcomponent of m
// as decoded text into buf, and returns how many leaves it saw.
func visitAll(m *hl7.Message, buf []byte) (int, []byte) {
	n := 0
	var c hl7.Cursor
	c.Reset(m)
	for c.Next() {
		buf = c.AppendText(buf[:0])
		n += len(buf)
	}
	return n, buf
}

// parseAll is the full parse of every message: hl7.Parse, then visitAll.
func parseAll(b *testing.B, msgs [][]byte, buf []byte) (int, []byte) {
	sum := 0
	for _, raw := range msgs {
		m, err := hl7.Parse(raw)
		if err != nil {
			b.Fatal(err)
		}
		var n int
		n, buf = visitAll(m, buf)
		sum += n
	}
	return sum, buf
}

// BenchmarkParseFull is the full parse: hl7.Parse of each message of the
// corpus, then every field, repetition, component and subcomponent visited
// with its escapes decoded.
func BenchmarkParseFull(b *testing.B) {
	msgs, total := loadCorpus(b)
	b.SetBytes(total)
	b.ReportAllocs()
	buf := make([]byte, 0, 1<<20)
	sink := 0
	for b.Loop() {
		var n int
		n, buf = parseAll(b, msgs, buf)
		sink += n
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(msgs)), "ns/msg")
	if sink == 0 {
		b.Fatal("nothing visited")
	}
}

// BenchmarkParseFullReuse is the full parse with a reused hl7.Parser.
func BenchmarkParseFullReuse(b *testing.B) {
	msgs, total := loadCorpus(b)
	b.SetBytes(total)
	b.ReportAllocs()
	buf := make([]byte, 0, 1<<20)
	var p hl7.Parser
	for b.Loop() {
		for _, raw := range msgs {
			m, err := p.Parse(raw)
			if err != nil {
				b.Fatal(err)
			}
			_, buf = visitAll(m, buf)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(msgs)), "ns/msg")
}

// BenchmarkParseIndex is hl7.Parse alone: the offset index, nothing read.
func BenchmarkParseIndex(b *testing.B) {
	msgs, total := loadCorpus(b)
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, raw := range msgs {
			if _, err := hl7.Parse(raw); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(msgs)), "ns/msg")
}

// tokenize is the floor: one loop over the bytes that only splits segments,
// fields, repetitions and components (a 256-entry class table, as fast a
// byte loop as Go gives), counting them.
func tokenize(raw []byte) (segs, fields, comps int) {
	if len(raw) < 8 {
		return 0, 0, 0
	}
	var class [256]uint8
	class['\r'], class['\n'] = 1, 1
	class[raw[3]] = 2
	class[raw[4]], class[raw[5]] = 3, 3
	for _, c := range raw {
		switch class[c] {
		case 0:
		case 1:
			segs++
		case 2:
			fields++
		default:
			comps++
		}
	}
	return segs, fields, comps
}

// BenchmarkTokenizeFloor is the bare tokenizer over the same bytes.
func BenchmarkTokenizeFloor(b *testing.B) {
	msgs, total := loadCorpus(b)
	b.SetBytes(total)
	b.ReportAllocs()
	sink := 0
	for b.Loop() {
		for _, raw := range msgs {
			s, f, c := tokenize(raw)
			sink += s + f + c
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(msgs)), "ns/msg")
	if sink == 0 {
		b.Fatal("nothing counted")
	}
}

// BenchmarkParseFullVsFloor times a pass of the full parse and a pass of the
// bare tokenizer in turn (the order alternating), so that both see the same
// load from whatever else the machine is running, and reports the median of
// the per-pair ratios: the figure the ≤ 3× bar is about. Timing the two in
// separate benchmarks, one after the other, lets a change in load between
// them move the ratio by half.
func BenchmarkParseFullVsFloor(b *testing.B) {
	msgs, total := loadCorpus(b)
	b.SetBytes(2 * total)
	b.ReportAllocs()
	buf := make([]byte, 0, 1<<20)
	sink := 0
	full := func() {
		var n int
		n, buf = parseAll(b, msgs, buf)
		sink += n
	}
	floor := func() {
		for _, raw := range msgs {
			s, f, c := tokenize(raw)
			sink += s + f + c
		}
	}
	var ratios, fulls, floors []float64
	odd := false
	for b.Loop() {
		var tFull, tFloor time.Duration
		if odd {
			t0 := time.Now()
			full()
			t1 := time.Now()
			floor()
			tFull, tFloor = t1.Sub(t0), time.Since(t1)
		} else {
			t0 := time.Now()
			floor()
			t1 := time.Now()
			full()
			tFloor, tFull = t1.Sub(t0), time.Since(t1)
		}
		odd = !odd
		ratios = append(ratios, float64(tFull)/float64(tFloor))
		fulls = append(fulls, float64(tFull.Nanoseconds()))
		floors = append(floors, float64(tFloor.Nanoseconds()))
	}
	median := func(x []float64) float64 {
		slices.Sort(x)
		return x[len(x)/2]
	}
	b.ReportMetric(median(ratios), "full/floor")
	b.ReportMetric(median(fulls), "full-ns/pass")
	b.ReportMetric(median(floors), "floor-ns/pass")
	if sink == 0 {
		b.Fatal("nothing visited")
	}
}
