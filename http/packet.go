package http

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/roi"
	"github.com/chartroom/chartroom/roi/packet"
)

// ReleaseLinks keeps the expiring download links of released packets.
type ReleaseLinks interface {
	CreateReleaseLink(ctx context.Context, l *roi.Link, token string, by int64) error
	TakeReleaseLink(ctx context.Context, token string) (*roi.Link, error)
	RevokeReleaseLinks(ctx context.Context, requestID int64) error
}

// buildPacket assembles a request's packet: the documents Select includes,
// their current versions read through the (audited) document service, the
// Part 2 notice before the items that need it. It returns the selection
// too, so the page can say what was left out and why.
func (s *Server) buildPacket(ctx context.Context, req *roi.Request, password, releasedBy string, w io.Writer) (*packet.Manifest, []roi.Selection, error) {
	p, err := s.Lookup.Patient(ctx, req.PatientID)
	if err != nil {
		return nil, nil, err
	}
	var items []roi.Item
	docs := map[int64]*chartroom.Document{}
	f := chartroom.DocumentFilter{PatientID: req.PatientID, Limit: 200}
	for {
		page, err := s.Documents.FindDocuments(ctx, f)
		if err != nil {
			return nil, nil, err
		}
		for _, d := range page.Items {
			docs[d.ID] = d
			items = append(items, roi.Item{DocumentID: d.ID, EncounterID: d.EncounterID, Type: string(d.Type), Title: d.Title, Source: d.Source,
				Status: string(d.Status), ServiceAt: d.ServiceAt, Sensitivity: d.Sensitivity})
		}
		if page.NextCursor == "" {
			break
		}
		f.Cursor = page.NextCursor
	}
	sel := roi.Select(req, items)
	spec := packet.Spec{RequestID: "ROI-" + itoa(req.ID), Facility: s.FacilityName, Requester: req.RequesterName, RequesterAddress: req.RequesterAddress,
		PatientName: p.Name.Given + " " + p.Name.Family, MRN: p.MRN(""), BirthDate: p.BirthDate.String(), Purpose: req.Purpose,
		Released: s.Now(), ReleasedBy: releasedBy, BatesPrefix: "ROI" + itoa(req.ID) + "-", Password: password,
		Watermark: fmt.Sprintf("RELEASED TO %s %s ROI-%d", strings.ToUpper(req.RequesterName), s.Now().Format("2006-01-02"), req.ID)}
	var pitems []packet.Item
	for i, x := range sel {
		if !x.Included() {
			continue
		}
		d := docs[x.DocumentID]
		v, err := s.Documents.DocumentVersion(ctx, d.ID, 0)
		if err != nil {
			return nil, nil, err
		}
		it := packet.Item{Title: d.Title, DocType: string(d.Type), Date: d.ServiceAt.Format("2006-01-02")}
		if d.Title == "" {
			it.Title = string(d.Type)
		}
		switch {
		case v.Text != "" && v.BlobSHA256 == "":
			it.ContentType, it.Text = packet.TypeText, v.Text
		case v.ContentType == packet.TypePDF || v.ContentType == packet.TypePNG || v.ContentType == packet.TypeJPEG:
			rc, _, err := s.Documents.OpenDocumentBinary(ctx, d.ID, 0)
			if err != nil {
				return nil, nil, err
			}
			it.Data, err = io.ReadAll(io.LimitReader(rc, 64<<20))
			rc.Close()
			if err != nil {
				return nil, nil, err
			}
			it.ContentType = v.ContentType
		default:
			sel[i].Reason = "a " + v.ContentType + " document cannot be placed in a PDF packet; release it on paper"
			continue
		}
		if x.Part2 {
			if len(spec.Notices) == 0 {
				spec.Notices = append(spec.Notices, roi.Part2Notice)
			}
			it.NoticeIndexes = []int{0}
		}
		pitems = append(pitems, it)
	}
	if len(pitems) == 0 {
		return nil, sel, chartroom.Errorf(chartroom.KindConflict, "", "nothing in the record falls within this request, or everything in it is excluded")
	}
	m, err := packet.Build(w, spec, pitems)
	return m, sel, err
}

// handleReleasePacket shows the packet for the quality check, or for a
// released request, as a PDF.
func (s *Server) handleReleasePacket(w http.ResponseWriter, r *http.Request) error {
	req, err := s.release(r)
	if err != nil {
		return err
	}
	if req.Status != roi.QualityCheck && req.Status != roi.Released {
		return chartroom.Errorf(chartroom.KindConflict, "status", "the packet is assembled for the quality check; this request is %s", req.Status)
	}
	var buf bytes.Buffer
	m, _, err := s.buildPacket(r.Context(), req, "", userFrom(r.Context()).Name, &buf)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`inline; filename="ROI-%d.pdf"`, req.ID))
	w.Header().Set("X-Packet-Pages", strconv.Itoa(m.Pages))
	w.Header().Set("Cache-Control", "no-store")
	_, err = w.Write(buf.Bytes())
	return err
}

// handleReleaseLink makes an expiring download link for a released request
// and shows it with the packet's password, once.
func (s *Server) handleReleaseLink(w http.ResponseWriter, r *http.Request) error {
	req, err := s.release(r)
	if err != nil {
		return err
	}
	if s.Links == nil {
		return errNoReleases
	}
	if req.Status != roi.Released {
		return chartroom.Errorf(chartroom.KindConflict, "status", "a download link is made once the request is released")
	}
	days, _ := strconv.Atoi(r.PostFormValue("days"))
	if days <= 0 {
		days = 7
	}
	max, _ := strconv.Atoi(r.PostFormValue("downloads"))
	if max <= 0 {
		max = 3
	}
	token, password := randomToken(32), randomWords()
	l := &roi.Link{RequestID: req.ID, ExpiresAt: s.Now().AddDate(0, 0, days), MaxDownloads: max, Password: password}
	if err := s.Links.CreateReleaseLink(r.Context(), l, token, userFrom(r.Context()).ID); err != nil {
		return err
	}
	url := "/release-download/" + token
	if r.Header.Get("Accept") == "application/json" || strings.HasPrefix(r.URL.Path, "/api/") {
		return writeJSON(w, http.StatusCreated, map[string]any{"url": url, "password": password, "expires_at": l.ExpiresAt, "max_downloads": max})
	}
	s.render(w, r, http.StatusCreated, "link.html", map[string]any{"Title": "Download link for request " + itoa(req.ID), "Nav": "releases",
		"R": req, "URL": url, "Password": password, "Link": l})
	return nil
}

// handleReleaseDownload serves a released packet to whoever holds an
// unexpired link, encrypted with the password sent separately. Each
// download is recorded on the audit trail against the patient.
func (s *Server) handleReleaseDownload(w http.ResponseWriter, r *http.Request) error {
	if s.Links == nil || s.Releases == nil {
		return errNoReleases
	}
	token := r.PathValue("token")
	if len(token) < 20 || len(token) > 100 {
		return chartroom.NotFound("download link")
	}
	l, err := s.Links.TakeReleaseLink(r.Context(), token)
	if err != nil {
		return err
	}
	req, err := s.Releases.Request(r.Context(), l.RequestID)
	if err != nil {
		return err
	}
	if req.Status != roi.Released {
		return chartroom.NotFound("download link")
	}
	// The download acts for the releasing staff member: the packet is what
	// they released.
	actx := audit.WithActor(r.Context(), audit.Actor{Username: "download-link:" + itoa(l.ID), IP: clientIP(r), UserAgent: r.UserAgent(), Purpose: "HDIRECT"})
	var buf bytes.Buffer
	if _, _, err := s.buildPacket(actx, req, l.Password, "Health Information Management", &buf); err != nil {
		return err
	}
	if s.Audit != nil {
		s.Audit.Record(actx, audit.Entry{At: s.Now(), Username: "download-link:" + itoa(l.ID), Action: audit.Disclose, ObjectType: "release-packet",
			ObjectID: itoa(req.ID), PatientID: req.PatientID, IP: clientIP(r), UserAgent: r.UserAgent(), Outcome: audit.Success,
			Detail: fmt.Sprintf("packet downloaded (%d of %d) by link", l.Downloads, l.MaxDownloads)})
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="records-%d.pdf"`, req.ID))
	w.Header().Set("Cache-Control", "no-store")
	_, err = w.Write(buf.Bytes())
	return err
}

func randomToken(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// randomWords makes a password a person can read over the phone: four
// words and a number.
func randomWords() string {
	words := strings.Fields("anchor beacon cedar delta ember falcon garnet harbor island juniper kestrel lantern meadow nectar orchard pebble quartz river saffron timber umber violet willow yarrow zephyr amber basalt cobalt dune fjord")
	b := make([]byte, 5)
	rand.Read(b)
	var parts []string
	for _, x := range b[:4] {
		parts = append(parts, words[int(x)%len(words)])
	}
	return strings.Join(parts, "-") + "-" + strconv.Itoa(int(b[4])%90+10)
}
