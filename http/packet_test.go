package http_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/roi"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

// pdfText runs pdftotext over a PDF (with a password when given).
func pdfText(t *testing.T, pdf []byte, password string) (string, error) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (apt-get install poppler-utils)")
	}
	f := filepath.Join(t.TempDir(), "p.pdf")
	os.WriteFile(f, pdf, 0o600)
	args := []string{"-layout"}
	if password != "" {
		args = append(args, "-upw", password)
	}
	out, err := exec.Command("pdftotext", append(args, f, "-")...).CombinedOutput()
	return string(out), err
}

// TestReleasePacketCategories seeds a record with a document in every
// sensitive category and checks, in the PDF itself, that a packet never
// holds a category its request does not cover, that Part 2 records travel
// with their notice, and that the download link serves the released packet
// encrypted, for a limited number of downloads.
func TestReleasePacketCategories(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		ctx := t.Context()
		p, _, _ := storetest.Seed(t, s)
		at := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
		markers := map[string]*chartroom.Document{
			"NORMALMARKER": {Type: "discharge-summary", Title: "Discharge summary"},
			"SUDMARKER":    {Type: "progress-note", Title: "Counselling note", Source: "part2-program"},
			"PSYMARKER":    {Type: "psychotherapy-note", Title: "Session note"},
			"HIVMARKER":    {Type: "laboratory-report", Title: "Viral load", Sensitivity: []string{"hiv"}},
			"MHMARKER":     {Type: "progress-note", Title: "Psychiatry follow-up", Sensitivity: []string{"mental-health"}},
			"GENMARKER":    {Type: "laboratory-report", Title: "BRCA panel", Sensitivity: []string{"genetic"}},
			"REPROMARKER":  {Type: "progress-note", Title: "Gynecology visit", Sensitivity: []string{"reproductive"}},
		}
		for m, d := range markers {
			d.PatientID, d.ServiceAt = p.ID, at
			if err := s.CreateDocument(ctx, d, chartroom.DocumentContent{Text: "Fictitious note. " + m + " end."}); err != nil {
				t.Fatal(err)
			}
		}
		// A scan whose file is damaged: listed on the cover, never skipped silently.
		broken := &chartroom.Document{PatientID: p.ID, ServiceAt: at, Type: "scanned-record", Title: "Outside imaging CD label"}
		if err := s.CreateDocument(ctx, broken, chartroom.DocumentContent{ContentType: "image/png", Body: strings.NewReader("\x89PNG\r\n\x1a\nthis is not a PNG at all")}); err != nil {
			t.Fatal(err)
		}
		roiUser, him := f.users[chartroom.RoleROI].ID, f.users[chartroom.RoleHIMManager].ID
		request := func(cats ...roi.Category) *roi.Request {
			r := &roi.Request{PatientID: p.ID, Requester: roi.Attorney, RequesterName: "Marlowe & Pike LLP", Basis: roi.Authorization,
				Purpose: "personal injury claim", Format: "pdf", Delivery: "download", From: "2026-01-01",
				Authorization: &roi.AuthorizationForm{Description: "Records of the March 2026 visits", Disclosers: "Harbor View", Recipients: "Marlowe & Pike LLP",
					Purpose: "legal", SignedBy: "the patient", SignedOn: time.Now().AddDate(0, 0, -2), ExpiresOn: time.Now().AddDate(1, 0, 0),
					RightToRevoke: true, Conditioning: true, Redisclosure: true, Categories: cats}}
			if err := s.CreateRequest(ctx, r, 30); err != nil {
				t.Fatal(err)
			}
			for _, st := range []roi.Status{roi.Validated, roi.InProcess, roi.QualityCheck} {
				if _, err := s.MoveRequest(ctx, r.ID, st, roiUser, "", nil); err != nil {
					t.Fatal(err)
				}
			}
			return r
		}
		get := func(path string) []byte {
			resp := f.do(chartroom.RoleROI, "GET", path, nil)
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("%s: %d %s", path, resp.StatusCode, b)
			}
			return b
		}
		check := func(text string, want ...string) {
			t.Helper()
			for m := range markers {
				in := strings.Contains(text, m)
				wanted := false
				for _, w := range want {
					wanted = wanted || w == m
				}
				if in != wanted {
					t.Errorf("%s in packet: %v, want %v", m, in, wanted)
				}
			}
		}
		// No category named: only the ordinary record.
		plain := request()
		text, err := pdfText(t, get("/api/v1/releases/"+itoa(plain.ID)+"/packet"), "")
		if err != nil {
			t.Fatal(err)
		}
		check(text, "NORMALMARKER")
		if !strings.Contains(text, "ROI"+itoa(plain.ID)+"-000001") || strings.Contains(text, "42 CFR part 2") {
			t.Errorf("Bates numbers or notice wrong:\n%s", text)
		}
		if !strings.Contains(text, "could not be read") || !strings.Contains(text, "Outside imaging") {
			t.Errorf("the unreadable scan is not listed:\n%s", text)
		}
		// Substance-use records named: they come with the Part 2 notice.
		sud := request(roi.SubstanceUse)
		text, _ = pdfText(t, get("/api/v1/releases/"+itoa(sud.ID)+"/packet"), "")
		check(text, "NORMALMARKER", "SUDMARKER")
		if !strings.Contains(strings.ToLower(text), "42 cfr part 2") {
			t.Errorf("no Part 2 notice:\n%s", text)
		}
		// Every category named: psychotherapy notes still need an
		// authorization of their own.
		all := request(roi.Categories()...)
		text, _ = pdfText(t, get("/api/v1/releases/"+itoa(all.ID)+"/packet"), "")
		check(text, "NORMALMARKER", "SUDMARKER", "HIVMARKER", "MHMARKER", "GENMARKER", "REPROMARKER")

		// A reviewer's redaction is removed from the PDF, not covered.
		gen := markers["GENMARKER"]
		if resp := f.do(chartroom.RoleROI, "POST", "/api/v1/releases/"+itoa(all.ID)+"/redactions", map[string]any{"document_id": gen.ID, "text": "GENMARKER", "reason": "not requested"}); resp.StatusCode != http.StatusCreated {
			t.Fatalf("redaction: %d %s", resp.StatusCode, readAll(resp))
		}
		for _, bad := range []map[string]any{
			{"document_id": gen.ID, "text": "NOT IN THE NOTE", "reason": "x"},
			{"document_id": 999999, "text": "GENMARKER", "reason": "x"},
			{"document_id": gen.ID, "text": "GENMARKER", "reason": ""},
		} {
			if resp := f.do(chartroom.RoleROI, "POST", "/api/v1/releases/"+itoa(all.ID)+"/redactions", bad); resp.StatusCode != http.StatusBadRequest {
				t.Errorf("bad redaction %v: %d", bad, resp.StatusCode)
			}
		}
		raw := get("/api/v1/releases/" + itoa(all.ID) + "/packet")
		text, _ = pdfText(t, raw, "")
		check(text, "NORMALMARKER", "SUDMARKER", "HIVMARKER", "MHMARKER", "REPROMARKER")
		if !strings.Contains(text, "REDACTED") {
			t.Errorf("no redaction mark:\n%s", text)
		}

		// Released by a second person, the packet goes out by link.
		if _, err := s.MoveRequest(ctx, sud.ID, roi.Released, him, "", nil); err != nil {
			t.Fatal(err)
		}
		resp := f.do(chartroom.RoleROI, "POST", "/api/v1/releases/"+itoa(sud.ID)+"/link", nil)
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("link: %d %s", resp.StatusCode, readAll(resp))
		}
		link := decode[struct {
			URL      string `json:"url"`
			Password string `json:"password"`
		}](t, resp)
		for i := 0; i < 3; i++ {
			resp := f.do("", "GET", link.URL, nil)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("download %d: %d", i+1, resp.StatusCode)
			}
			pdf, _ := io.ReadAll(resp.Body)
			if _, err := pdfText(t, pdf, ""); err == nil {
				t.Fatal("the downloaded packet opens without its password")
			}
			text, err := pdfText(t, pdf, link.Password)
			if err != nil || !bytes.Contains([]byte(text), []byte("SUDMARKER")) {
				t.Fatalf("the downloaded packet with its password: %v\n%s", err, text)
			}
		}
		if resp := f.do("", "GET", link.URL, nil); resp.StatusCode != http.StatusGone || !strings.Contains(readAll(resp), "used the 3 times") {
			t.Errorf("a fourth download: %d", resp.StatusCode)
		}
		tampered := link.URL[:len(link.URL)-3] + "xyz"
		if resp := f.do("", "GET", tampered, nil); resp.StatusCode != http.StatusNotFound || !strings.Contains(readAll(resp), "whole link") {
			t.Errorf("a tampered link: %d", resp.StatusCode)
		}
		if n := f.rec.count(audit.Disclose); n != 3 {
			t.Errorf("%d downloads recorded, want 3", n)
		}
		// Not released yet: no link.
		if resp := f.do(chartroom.RoleROI, "POST", "/api/v1/releases/"+itoa(plain.ID)+"/link", nil); resp.StatusCode != http.StatusConflict {
			t.Errorf("a link before release: %d", resp.StatusCode)
		}
	})
}

func TestAuthorizationScan(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		p, _, _ := storetest.Seed(t, s)
		r := &roi.Request{PatientID: p.ID, Requester: roi.Attorney, RequesterName: "Marlowe & Pike LLP", Basis: roi.Authorization, Purpose: "claim", Format: "pdf", Delivery: "download"}
		if err := s.CreateRequest(t.Context(), r, 30); err != nil {
			t.Fatal(err)
		}
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		mw.WriteField("csrf", f.csrf[chartroom.RoleROI])
		fw, _ := mw.CreateFormFile("file", "authorization.pdf")
		fw.Write([]byte("%PDF-1.4\n% fictitious signed authorization\n"))
		mw.Close()
		req, _ := http.NewRequest("POST", f.ts.URL+"/releases/"+itoa(r.ID)+"/authorization-scan", &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.AddCookie(&http.Cookie{Name: "chartroom_session", Value: f.tokens[chartroom.RoleROI]})
		resp, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("attach: %d", resp.StatusCode)
		}
		got, _ := s.Request(t.Context(), r.ID)
		d, err := s.Document(t.Context(), got.AuthorizationDocumentID)
		if err != nil || d.PatientID != p.ID || d.Source != "roi-authorization" {
			t.Fatalf("filed authorization: %+v %v", d, err)
		}
		// It is the request's paperwork, never a record the packet releases.
		sel, _ := s.Request(t.Context(), r.ID)
		for _, x := range roi.Select(sel, []roi.Item{{DocumentID: d.ID, Type: "consent", Source: d.Source, Status: "final", ServiceAt: d.ServiceAt}}) {
			if x.Included() {
				t.Error("the authorization would be released as a record")
			}
		}
	})
}
