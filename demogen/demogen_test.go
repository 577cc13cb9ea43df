package demogen_test

import (
	"bytes"
	"context"
	"image/png"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/demogen"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

var anchor = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

func TestDeterministic(t *testing.T) {
	a := demogen.Generate(42, 60, anchor)
	b := demogen.Generate(42, 60, anchor)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed wrote two different hospitals")
	}
	c := demogen.Generate(43, 60, anchor)
	if reflect.DeepEqual(a.Patients[0].Name, c.Patients[0].Name) && reflect.DeepEqual(a.Patients[1].Name, c.Patients[1].Name) {
		t.Error("another seed wrote the same patients")
	}
}

func TestEverythingValidates(t *testing.T) {
	h := demogen.Generate(1, 200, anchor)
	if len(h.Patients) < 200 {
		t.Fatalf("%d patients", len(h.Patients))
	}
	for _, p := range h.Providers {
		if err := p.Validate(); err != nil {
			t.Errorf("provider %s: %v", p.NPI, err)
		}
	}
	kinds := map[chartroom.DocumentType]int{}
	var pdfs, pngs, dups, flagged int
	for _, p := range h.Patients {
		if err := p.Validate(); err != nil {
			t.Errorf("patient %s: %v", p.MRN(""), err)
		}
		if p.DuplicateOf >= 0 {
			dups++
		}
		if p.Confidentiality.Any() {
			flagged++
		}
		for _, v := range p.Visits {
			e := *v.Encounter
			e.PatientID = 1
			if err := e.Validate(); err != nil {
				t.Errorf("encounter: %v", err)
			}
			if len(v.Codes) == 0 {
				t.Errorf("visit %s has no expected codes", v.Scenario)
			}
			for _, c := range v.Codes {
				if strings.ContainsAny(c, "{}") {
					t.Errorf("unfilled code %q in %s", c, v.Scenario)
				}
			}
			for _, d := range v.Documents {
				doc := *d.Document
				doc.PatientID = 1
				if err := doc.Validate(); err != nil {
					t.Errorf("document: %v", err)
				}
				if strings.Contains(d.Text, "{") {
					t.Errorf("unfilled placeholder in %s: %q", d.Type, d.Text)
				}
				kinds[d.Type]++
				switch d.ContentType {
				case "application/pdf":
					pdfs++
					if !bytes.HasPrefix(d.Binary, []byte("%PDF-")) || !bytes.Contains(d.Binary, []byte("startxref")) || chartroom.SniffContentType(d.Binary) != "application/pdf" {
						t.Error("bad PDF")
					}
				case "image/png":
					pngs++
					if _, err := png.Decode(bytes.NewReader(d.Binary)); err != nil {
						t.Errorf("bad PNG: %v", err)
					}
				}
			}
		}
	}
	for _, k := range []chartroom.DocumentType{"discharge-summary", "history-and-physical", "progress-note", "operative-note", "emergency-note", "clinic-note", "radiology-report"} {
		if kinds[k] == 0 {
			t.Errorf("no %s in the demo", k)
		}
	}
	if pdfs == 0 || pngs == 0 || dups == 0 || flagged == 0 {
		t.Errorf("pdfs %d, pngs %d, duplicates %d, flagged %d: want some of each", pdfs, pngs, dups, flagged)
	}
}

func TestLoad(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		h := demogen.Generate(7, 40, anchor)
		start := time.Now()
		if err := demogen.Load(context.Background(), s, h, nil); err != nil {
			t.Fatal(err)
		}
		t.Logf("loaded %d patients in %v", len(h.Patients), time.Since(start))
		p := h.Patients[0]
		page, err := s.FindDocuments(context.Background(), chartroom.DocumentFilter{PatientID: p.ID})
		if err != nil || len(page.Items) == 0 {
			t.Fatalf("documents of the first patient: %v %v", page, err)
		}
		if err := demogen.Load(context.Background(), s, demogen.Generate(7, 5, anchor), nil); err != demogen.ErrLoaded {
			t.Errorf("second load: %v", err)
		}
	})
}
