package codeset

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// orderLine builds a fictitious order-file line in the official layout.
func orderLine(n int, code string, billable bool, short, long string) string {
	f := "0"
	if billable {
		f = "1"
	}
	return fmt.Sprintf("%05d %-7s %s %-60s %s", n, code, f, short, long)
}

const fakeTabular = `<?xml version="1.0" encoding="utf-8"?>
<ICD10CM.tabular><version>2030</version>
<chapter><name>1</name><desc>Made-up diseases (Q00-Q01)</desc>
<excludes2><note>nothing real (Z99)</note></excludes2>
<section id="Q00-Q01"><desc>Invented block</desc>
<diag><name>Q00</name><desc>Invented condition</desc>
<excludes1><note>other invented thing (Q01.-)</note></excludes1>
<sevenChrNote><note>add a 7th character</note></sevenChrNote>
<sevenChrDef><extension char="A">initial encounter</extension><extension char="S">sequela</extension></sevenChrDef>
<diag><name>Q00.1</name><desc>Invented condition, first kind</desc>
<inclusionTerm><note>Imaginary syndrome</note></inclusionTerm></diag>
</diag></section></chapter></ICD10CM.tabular>`

func TestParseOrderFile(t *testing.T) {
	in := orderLine(1, "Q00", false, "Invented condition", "Invented condition") + "\r\n" +
		orderLine(2, "Q001XXA", true, "Invented condition, first kind, init", "Invented condition, first kind, initial encounter") + "\r\n"
	got, err := ParseOrderFile("fake.txt", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Code: "Q00", Short: "Invented condition", Long: "Invented condition"},
		{Code: "Q001XXA", Billable: true, Short: "Invented condition, first kind, init", Long: "Invented condition, first kind, initial encounter"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}
}

func TestBadInput(t *testing.T) {
	good := orderLine(1, "Q00", true, "Invented", "Invented condition") + "\n"
	cases := []struct {
		name, file string
		data       []byte
		want       []string // substrings of the error
	}{
		{"bad width", "order.txt", []byte(good + "00002 Q001   1  Invented shifted by one column\n"), []string{"order.txt:2", "width"}},
		{"wrong encoding", "order.txt", []byte(good + orderLine(2, "Q01", true, "Caf\xe9", "Caf\xe9 condition") + "\n"), []string{"order.txt:2", "encoding"}},
		{"xml cut in half", "tab.xml", []byte(fakeTabular[:len(fakeTabular)/2]), []string{"tab.xml:", "cut short"}},
		{"unknown file", "notes.txt", []byte("Dear coder,\nthis is a letter.\n"), []string{"notes.txt:1", "unrecognised"}},
		{"cpt bad rows", "cpt.csv", []byte("code,short,long\n99999,Visit,Office visit\n9999,Short code,Too short\nABCDE,Letters,Not a code\n"), []string{"cpt.csv", "line 3", "line 4", "nothing loaded"}},
		{"truncated zip", "rel.zip", zipOf(t, map[string]string{"order.txt": good})[:60], []string{"rel.zip", "zip"}},
	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, c.file)
			if err := os.WriteFile(p, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Import(context.Background(), []string{p}, ImportOptions{Year: 2030})
			if err == nil {
				t.Fatalf("no error; loaded %d releases", len(s.Releases))
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Errorf("error %v is not a *ParseError", err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func zipOf(t testing.TB, files map[string]string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for n, c := range files {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, c)
	}
	zw.Close()
	return b.Bytes()
}

func TestImportFakeReleaseAndBlob(t *testing.T) {
	dir := t.TempDir()
	order := orderLine(1, "Q00", false, "Invented condition", "Invented condition") + "\r\n" +
		orderLine(2, "Q001", false, "Invented condition, first kind", "Invented condition, first kind") + "\r\n" +
		orderLine(3, "Q001XXA", true, "Invented condition, first kind, init", "Invented condition, first kind, initial encounter") + "\r\n"
	add := "Add:         1 Q001XXA Invented condition, first kind, init                         Invented condition, first kind, initial encounter\r\n\r\n  2 codes in icd10cm_order_2030.txt\r\n"
	zp := filepath.Join(dir, "release.zip")
	os.WriteFile(zp, zipOf(t, map[string]string{"a.txt": order, "b.txt": add, "c.xml": fakeTabular, "readme.pdf": "%PDF-1.4 fake"}), 0o644)
	s, err := Import(context.Background(), []string{zp}, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r := s.ReleaseFor(ICD10CM, 2030); r == nil || len(r.Entries) != 3 {
		t.Fatalf("FY2030 release: %+v", s.Releases)
	}
	if r := s.ReleaseFor(ICD10CM, 2029); r == nil || !r.Derived || r.lookup("Q001XXA") != nil {
		t.Fatalf("FY2029 reconstructed release wrong: %+v", r)
	}
	if e := s.Lookup(ICD10CM, "Q00.1XXA", NewDate(2029, 10, 1)); e == nil {
		t.Error("Q00.1XXA not valid on 2029-10-01")
	}
	if e := s.Lookup(ICD10CM, "Q00.1XXA", NewDate(2029, 9, 30)); e != nil {
		t.Error("Q00.1XXA valid before its release")
	}
	res := s.Searcher().Search("imaginary syndrom", SearchOptions{Limit: 3})
	if len(res) == 0 || res[0].Code != "Q00.1XXA" {
		t.Errorf("search via inclusion term and misspelling: %+v", res)
	}

	var blob bytes.Buffer
	if _, err := s.WriteTo(&blob); err != nil {
		t.Fatal(err)
	}
	var back Set
	if _, err := back.ReadFrom(bytes.NewReader(blob.Bytes())); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(s.Releases, back.Releases); d != "" {
		t.Errorf("round trip: %s", d)
	}
	bad := append([]byte(nil), blob.Bytes()...)
	bad[len(bad)-3] ^= 0xff
	if _, err := new(Set).ReadFrom(bytes.NewReader(bad)); !errors.Is(err, ErrBadBlob) {
		t.Errorf("damaged blob: %v", err)
	}

	// the archive: a failed save leaves the earlier release readable
	a := DirArchive{Dir: filepath.Join(dir, "codesets")}
	ctx := context.Background()
	meta := s.Meta(time.Date(2030, 1, 2, 0, 0, 0, 0, time.UTC))
	if err := a.SaveRelease(ctx, meta, bytes.NewReader(blob.Bytes())); err != nil {
		t.Fatal(err)
	}
	failing := io.MultiReader(strings.NewReader("partial"), errReader{})
	if err := a.SaveRelease(ctx, meta, failing); err == nil {
		t.Fatal("save from a failing reader succeeded")
	}
	loaded, err := LoadArchive(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if len(loaded.Releases) != len(s.Releases) {
		t.Errorf("archive after failed save holds %d releases, want %d", len(loaded.Releases), len(s.Releases))
	}
	ents, _ := os.ReadDir(a.Dir)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func FuzzParsers(f *testing.F) {
	f.Add([]byte(orderLine(1, "Q00", true, "Invented", "Invented condition") + "\n"))
	f.Add([]byte("Add:         1 Q001XXA Invented condition                                           Invented\n\n"))
	f.Add([]byte(fakeTabular))
	f.Add([]byte(`<ICD10CM.index><version>1</version><letter><title>A</title><mainTerm><title>Ache<nemod>(x)</nemod></title><code>Q00</code><term level="1"><title>head</title><see>Pain</see></term></mainTerm></letter></ICD10CM.index>`))
	f.Add([]byte(`<ICD10PCS.tabular><pcsTable><axis pos="1"><label code="0">A</label></axis><axis pos="2"><label code="0">B</label></axis><axis pos="3"><label code="T">C</label></axis><pcsRow><axis pos="4"><label code="J">D</label></axis><axis pos="5"><label code="4">E</label></axis><axis pos="6"><label code="Z">F</label></axis><axis pos="7"><label code="Z">G</label></axis></pcsRow></pcsTable></ICD10PCS.tabular>`))
	f.Add([]byte("code\tshort\tlong\n99999\tVisit\tOffice visit\n"))
	f.Add([]byte("Q000    0010  00000\n"))
	f.Add([]byte("MCE_Version\tICD_Version\n37\t10\t4\tA\tNewborn_Only\tD\tQ00\tX\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ParseOrderFile("f", bytes.NewReader(b))
		ParseCodesFile("f", bytes.NewReader(b))
		ParseAddenda("f", bytes.NewReader(b))
		ParseTabularXML("f", bytes.NewReader(b))
		ParseIndexXML("f", bytes.NewReader(b))
		ParsePCSTablesXML("f", bytes.NewReader(b))
		ParsePCSDefinitionsXML("f", bytes.NewReader(b))
		ParseHCPCS("f", bytes.NewReader(b))
		ParseCPT("f", bytes.NewReader(b))
		ParseGEM("f", bytes.NewReader(b))
		ParseMCE("f", bytes.NewReader(b))
		ParsePOAExempt("f", bytes.NewReader(b))
		if s, err := ImportReader(context.Background(), "f", bytes.NewReader(b), ImportOptions{Year: 2030}); err == nil {
			s.Searcher().Search(string(b[:min(len(b), 40)]), SearchOptions{})
		}
		new(Set).ReadFrom(bytes.NewReader(b))
	})
}

func FuzzSearch(f *testing.F) {
	for _, q := range []string{"chf", "E11.2", "0DT", "hip fracture initial", "diabtes", "a", "", "   ", "Q00.1XXA", "ü∂"} {
		f.Add(q)
	}
	s, err := ImportReader(context.Background(), "order.txt", strings.NewReader(orderLine(1, "Q00", false, "Invented condition", "Invented condition")+"\n"+orderLine(2, "Q001", true, "Invented first", "Invented condition, first kind")+"\n"), ImportOptions{Year: 2030})
	if err != nil {
		f.Fatal(err)
	}
	x := s.Searcher()
	f.Fuzz(func(t *testing.T, q string) {
		x.Search(q, SearchOptions{Explain: true})
	})
}

// TestSearcherCode looks codes up by value: the published form, the title,
// billable or header, and nothing for a code the release lacks or a date
// no release covers.
func TestSearcherCode(t *testing.T) {
	s, err := ImportReader(context.Background(), "order.txt", strings.NewReader(orderLine(1, "Q00", false, "Invented condition", "Invented condition")+"\n"+orderLine(2, "Q001", true, "Invented first", "Invented condition, first kind")+"\n"), ImportOptions{Year: 2030})
	if err != nil {
		t.Fatal(err)
	}
	x := s.Searcher()
	r, ok := x.Code(ICD10CM, "q00.1", 0)
	if !ok || r.Code != "Q00.1" || r.Title != "Invented condition, first kind" || !r.Billable {
		t.Errorf("Q00.1: %+v %v", r, ok)
	}
	if r, ok := x.Code(ICD10CM, "Q00", NewDate(2030, 1, 15)); !ok || r.Billable {
		t.Errorf("the header Q00 on a date in FY2030: %+v %v", r, ok)
	}
	if _, ok := x.Code(ICD10CM, "Q00.2", 0); ok {
		t.Error("a code the release lacks was found")
	}
	if _, ok := x.Code(ICD10CM, "Q00.1", NewDate(2001, 1, 1)); ok {
		t.Error("a code was found on a date no release covers")
	}
}
