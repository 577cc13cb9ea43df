package http_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

// TestScanAndIndex uploads a scanned PDF to the inbox and files it under a
// patient, an encounter and a document type, as the imaging clerk does.
func TestScanAndIndex(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		pt, enc, _ := storetest.Seed(t, s)
		role := chartroom.RoleHIMManager
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		mw.WriteField("csrf", f.csrf[role])
		fw, _ := mw.CreateFormFile("file", "outside-records.pdf")
		fw.Write([]byte("%PDF-1.4\nfictitious outside record\n%%EOF\n"))
		mw.Close()
		req, _ := http.NewRequest("POST", f.ts.URL+"/scans", &buf)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.AddCookie(&http.Cookie{Name: "chartroom_session", Value: f.tokens[role]})
		resp, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/scans?id=") {
			t.Fatalf("upload: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		id := strings.TrimPrefix(resp.Header.Get("Location"), "/scans?id=")
		page := readAll(f.do(role, "GET", "/scans?id="+id+"&mrn="+pt.MRN(""), nil))
		if !strings.Contains(page, "Lindqvist, Marta") || !strings.Contains(page, `name="encounter_id"`) {
			t.Fatalf("index form does not show the patient and encounters")
		}
		form := url.Values{"csrf": {f.csrf[role]}, "patient_id": {itoa(pt.ID)}, "encounter_id": {itoa(enc.ID)}, "type": {"scanned-record"}, "service_at": {"2026-03-02"}}
		req, _ = http.NewRequest("POST", f.ts.URL+"/scans/"+id+"/index", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(&http.Cookie{Name: "chartroom_session", Value: f.tokens[role]})
		resp, err = noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("index: %d", resp.StatusCode)
		}
		docs, _ := s.FindDocuments(t.Context(), chartroom.DocumentFilter{PatientID: pt.ID, Type: "scanned-record"})
		if len(docs.Items) != 1 || docs.Items[0].EncounterID != enc.ID || docs.Items[0].Source != "scan" {
			t.Fatalf("indexed document: %+v", docs.Items)
		}
		if pending, _ := s.PendingScans(t.Context()); len(pending) != 0 {
			t.Errorf("the scan is still in the inbox")
		}
		// Filing the same scan twice is refused.
		req, _ = http.NewRequest("POST", f.ts.URL+"/scans/"+id+"/index", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(&http.Cookie{Name: "chartroom_session", Value: f.tokens[role]})
		resp, _ = noRedirect.Do(req)
		resp.Body.Close()
		if resp.StatusCode != http.StatusConflict {
			t.Errorf("second index: %d", resp.StatusCode)
		}
	})
}
