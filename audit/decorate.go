package audit

import (
	"context"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/chartroom/chartroom"
)

// recorder records one access, filling in the actor from the context. A
// failure to record is returned to the caller: an access that cannot be
// recorded does not happen.
type recorder struct {
	rec Recorder
	now func() time.Time
}

func (r recorder) record(ctx context.Context, action Action, objType string, objID, patientID int64, err error, detail string) error {
	a, _ := ActorFrom(ctx)
	e := Entry{At: r.now(), UserID: a.UserID, Username: a.Username, Role: a.Role, Action: action, ObjectType: objType,
		PatientID: patientID, IP: a.IP, UserAgent: a.UserAgent, Purpose: a.Purpose, Reason: a.Reason, Outcome: Success, Detail: detail}
	if objID != 0 {
		e.ObjectID = strconv.FormatInt(objID, 10)
	}
	if err != nil {
		e.Outcome = Failure
		if chartroom.ErrorKind(err) == chartroom.KindForbidden {
			e.Outcome = Refused
		}
		e.Detail = strings.TrimSpace(e.Detail + " " + chartroom.ErrorKind(err).String())
	}
	return r.rec.Record(ctx, e)
}

func ids(ps []*chartroom.Patient) string {
	var b strings.Builder
	b.WriteString("results=")
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(p.ID, 10))
	}
	return b.String()
}

// Patients decorates a PatientService so that every read, search, create
// and update is recorded. Details name fields and ids, never values.
func Patients(inner chartroom.PatientService, rec Recorder, now func() time.Time) chartroom.PatientService {
	return &patients{inner, recorder{rec, now}}
}

type patients struct {
	inner chartroom.PatientService
	r     recorder
}

func (p *patients) CreatePatient(ctx context.Context, x *chartroom.Patient) error {
	err := p.inner.CreatePatient(ctx, x)
	if rerr := p.r.record(ctx, Create, "patient", x.ID, x.ID, err, ""); err == nil {
		err = rerr
	}
	return err
}

func (p *patients) Patient(ctx context.Context, id int64) (*chartroom.Patient, error) {
	x, err := p.inner.Patient(ctx, id)
	if rerr := p.r.record(ctx, Read, "patient", id, id, err, ""); err == nil && rerr != nil {
		return nil, rerr
	}
	return x, err
}

func (p *patients) UpdatePatient(ctx context.Context, x *chartroom.Patient) error {
	err := p.inner.UpdatePatient(ctx, x)
	if rerr := p.r.record(ctx, Update, "patient", x.ID, x.ID, err, "version="+strconv.FormatInt(x.Version, 10)); err == nil {
		err = rerr
	}
	return err
}

func (p *patients) FindPatients(ctx context.Context, f chartroom.PatientFilter) (chartroom.Page[*chartroom.Patient], error) {
	page, err := p.inner.FindPatients(ctx, f)
	var by []string
	if f.Family != "" {
		by = append(by, "family")
	}
	if f.Given != "" {
		by = append(by, "given")
	}
	if !f.BirthDate.IsZero() {
		by = append(by, "birth_date")
	}
	if f.MRN != "" {
		by = append(by, "mrn")
	}
	detail := "by=" + strings.Join(by, "+") + " " + ids(page.Items)
	if rerr := p.r.record(ctx, Search, "patient", 0, 0, err, detail); err == nil && rerr != nil {
		return page, rerr
	}
	return page, err
}

func (p *patients) PatientByIdentifier(ctx context.Context, facility, value string) (*chartroom.Patient, error) {
	x, err := p.inner.PatientByIdentifier(ctx, facility, value)
	var id int64
	if x != nil {
		id = x.ID
	}
	if rerr := p.r.record(ctx, Read, "patient", id, id, err, "by=identifier"); err == nil && rerr != nil {
		return nil, rerr
	}
	return x, err
}

// Encounters decorates an EncounterService.
func Encounters(inner chartroom.EncounterService, rec Recorder, now func() time.Time) chartroom.EncounterService {
	return &encounters{inner, recorder{rec, now}}
}

type encounters struct {
	inner chartroom.EncounterService
	r     recorder
}

func (s *encounters) CreateEncounter(ctx context.Context, e *chartroom.Encounter) error {
	err := s.inner.CreateEncounter(ctx, e)
	if rerr := s.r.record(ctx, Create, "encounter", e.ID, e.PatientID, err, ""); err == nil {
		err = rerr
	}
	return err
}

func (s *encounters) Encounter(ctx context.Context, id int64) (*chartroom.Encounter, error) {
	e, err := s.inner.Encounter(ctx, id)
	var pid int64
	if e != nil {
		pid = e.PatientID
	}
	if rerr := s.r.record(ctx, Read, "encounter", id, pid, err, ""); err == nil && rerr != nil {
		return nil, rerr
	}
	return e, err
}

func (s *encounters) UpdateEncounter(ctx context.Context, e *chartroom.Encounter) error {
	err := s.inner.UpdateEncounter(ctx, e)
	if rerr := s.r.record(ctx, Update, "encounter", e.ID, e.PatientID, err, ""); err == nil {
		err = rerr
	}
	return err
}

func (s *encounters) FindEncounters(ctx context.Context, f chartroom.EncounterFilter) (chartroom.Page[*chartroom.Encounter], error) {
	page, err := s.inner.FindEncounters(ctx, f)
	if rerr := s.r.record(ctx, Search, "encounter", 0, f.PatientID, err, "results="+strconv.Itoa(len(page.Items))); err == nil && rerr != nil {
		return page, rerr
	}
	return page, err
}

// Documents decorates a DocumentService. Reading a version's text or
// binary is recorded as a read of the document.
func Documents(inner chartroom.DocumentService, rec Recorder, now func() time.Time) chartroom.DocumentService {
	return &documents{inner, recorder{rec, now}}
}

type documents struct {
	inner chartroom.DocumentService
	r     recorder
}

func (s *documents) CreateDocument(ctx context.Context, d *chartroom.Document, c chartroom.DocumentContent) error {
	err := s.inner.CreateDocument(ctx, d, c)
	if rerr := s.r.record(ctx, Create, "document", d.ID, d.PatientID, err, "type="+string(d.Type)); err == nil {
		err = rerr
	}
	return err
}

func (s *documents) Document(ctx context.Context, id int64) (*chartroom.Document, error) {
	// Metadata reads happen on every chart view; the content reads below are
	// the accesses that matter, but metadata is health information too.
	d, err := s.inner.Document(ctx, id)
	var pid int64
	if d != nil {
		pid = d.PatientID
	}
	if rerr := s.r.record(ctx, Read, "document", id, pid, err, "metadata"); err == nil && rerr != nil {
		return nil, rerr
	}
	return d, err
}

func (s *documents) UpdateDocument(ctx context.Context, d *chartroom.Document) error {
	err := s.inner.UpdateDocument(ctx, d)
	if rerr := s.r.record(ctx, Update, "document", d.ID, d.PatientID, err, "indexing"); err == nil {
		err = rerr
	}
	return err
}

func (s *documents) AddVersion(ctx context.Context, id int64, c chartroom.DocumentContent) (*chartroom.DocumentVersion, error) {
	v, err := s.inner.AddVersion(ctx, id, c)
	d, _ := s.inner.Document(ctx, id)
	var pid int64
	if d != nil {
		pid = d.PatientID
	}
	detail := ""
	if v != nil {
		detail = "version=" + strconv.Itoa(v.Version)
	}
	if rerr := s.r.record(ctx, Update, "document", id, pid, err, detail); err == nil && rerr != nil {
		return nil, rerr
	}
	return v, err
}

func (s *documents) patientOf(ctx context.Context, id int64) int64 {
	if d, err := s.inner.Document(ctx, id); err == nil {
		return d.PatientID
	}
	return 0
}

func (s *documents) DocumentVersions(ctx context.Context, id int64) ([]*chartroom.DocumentVersion, error) {
	vs, err := s.inner.DocumentVersions(ctx, id)
	if rerr := s.r.record(ctx, Read, "document", id, s.patientOf(ctx, id), err, "all versions"); err == nil && rerr != nil {
		return nil, rerr
	}
	return vs, err
}

func (s *documents) DocumentVersion(ctx context.Context, id int64, version int) (*chartroom.DocumentVersion, error) {
	v, err := s.inner.DocumentVersion(ctx, id, version)
	detail := "version=" + strconv.Itoa(version)
	if v != nil {
		detail = "version=" + strconv.Itoa(v.Version)
	}
	if rerr := s.r.record(ctx, Read, "document", id, s.patientOf(ctx, id), err, detail); err == nil && rerr != nil {
		return nil, rerr
	}
	return v, err
}

func (s *documents) OpenDocumentBinary(ctx context.Context, id int64, version int) (io.ReadCloser, *chartroom.DocumentVersion, error) {
	rc, v, err := s.inner.OpenDocumentBinary(ctx, id, version)
	if rerr := s.r.record(ctx, Read, "document", id, s.patientOf(ctx, id), err, "binary"); err == nil && rerr != nil {
		rc.Close()
		return nil, nil, rerr
	}
	return rc, v, err
}

func (s *documents) FindDocuments(ctx context.Context, f chartroom.DocumentFilter) (chartroom.Page[*chartroom.Document], error) {
	page, err := s.inner.FindDocuments(ctx, f)
	if rerr := s.r.record(ctx, Search, "document", 0, f.PatientID, err, "results="+strconv.Itoa(len(page.Items))); err == nil && rerr != nil {
		return page, rerr
	}
	return page, err
}

func (s *documents) AddAmendment(ctx context.Context, a *chartroom.Amendment) error {
	err := s.inner.AddAmendment(ctx, a)
	if rerr := s.r.record(ctx, Create, "amendment", a.ID, s.patientOf(ctx, a.DocumentID), err, "document="+strconv.FormatInt(a.DocumentID, 10)); err == nil {
		err = rerr
	}
	return err
}

func (s *documents) Amendments(ctx context.Context, documentID int64) ([]*chartroom.Amendment, error) {
	as, err := s.inner.Amendments(ctx, documentID)
	if rerr := s.r.record(ctx, Read, "amendment", 0, s.patientOf(ctx, documentID), err, "document="+strconv.FormatInt(documentID, 10)); err == nil && rerr != nil {
		return nil, rerr
	}
	return as, err
}

// Merges decorates a MergeService: merges and unmerges are recorded on
// both records.
func Merges(inner chartroom.MergeService, rec Recorder, now func() time.Time) chartroom.MergeService {
	return &merges{inner, recorder{rec, now}}
}

type merges struct {
	inner chartroom.MergeService
	r     recorder
}

func (s *merges) MergePatients(ctx context.Context, survivorID, retiredID, by int64, reason string) (*chartroom.Merge, error) {
	m, err := s.inner.MergePatients(ctx, survivorID, retiredID, by, reason)
	var id int64
	if m != nil {
		id = m.ID
	}
	d := "merge survivor=" + strconv.FormatInt(survivorID, 10) + " retired=" + strconv.FormatInt(retiredID, 10)
	rerr := s.r.record(ctx, Update, "merge", id, survivorID, err, d)
	if rerr2 := s.r.record(ctx, Update, "merge", id, retiredID, err, d); rerr == nil {
		rerr = rerr2
	}
	if err == nil && rerr != nil {
		return nil, rerr
	}
	return m, err
}

func (s *merges) Unmerge(ctx context.Context, id, by int64) (*chartroom.Merge, error) {
	m, err := s.inner.Unmerge(ctx, id, by)
	if m != nil {
		d := "unmerge survivor=" + strconv.FormatInt(m.SurvivorID, 10) + " retired=" + strconv.FormatInt(m.RetiredID, 10)
		rerr := s.r.record(ctx, Update, "merge", id, m.SurvivorID, err, d)
		if rerr2 := s.r.record(ctx, Update, "merge", id, m.RetiredID, err, d); rerr == nil {
			rerr = rerr2
		}
		if err == nil && rerr != nil {
			return nil, rerr
		}
	} else if rerr := s.r.record(ctx, Update, "merge", id, 0, err, "unmerge"); err == nil && rerr != nil {
		return nil, rerr
	}
	return m, err
}

func (s *merges) Merges(ctx context.Context, patientID int64) ([]*chartroom.Merge, error) {
	ms, err := s.inner.Merges(ctx, patientID)
	if rerr := s.r.record(ctx, Read, "merge", 0, patientID, err, ""); err == nil && rerr != nil {
		return nil, rerr
	}
	return ms, err
}

func (s *documents) DocumentByExternalID(ctx context.Context, patientID int64, externalID string) (*chartroom.Document, error) {
	d, err := s.inner.DocumentByExternalID(ctx, patientID, externalID)
	var id int64
	if d != nil {
		id = d.ID
	}
	if rerr := s.r.record(ctx, Read, "document", id, patientID, err, "by=external id"); err == nil && rerr != nil {
		return nil, rerr
	}
	return d, err
}

// Scans decorates the imaging inbox: an unindexed scan is health
// information whose patient is not known yet, so reads are recorded by scan.
func Scans(inner chartroom.ScanService, rec Recorder, now func() time.Time) chartroom.ScanService {
	return &scans{inner, recorder{rec, now}}
}

type scans struct {
	inner chartroom.ScanService
	r     recorder
}

func (s *scans) AddScan(ctx context.Context, sc *chartroom.Scan, body io.Reader) error {
	err := s.inner.AddScan(ctx, sc, body)
	if rerr := s.r.record(ctx, Create, "scan", sc.ID, 0, err, ""); err == nil {
		err = rerr
	}
	return err
}

func (s *scans) PendingScans(ctx context.Context) ([]*chartroom.Scan, error) {
	return s.inner.PendingScans(ctx) // file names and sizes only
}

func (s *scans) Scan(ctx context.Context, id int64) (*chartroom.Scan, error) {
	return s.inner.Scan(ctx, id)
}

func (s *scans) ScanContent(ctx context.Context, id int64) ([]byte, *chartroom.Scan, error) {
	b, sc, err := s.inner.ScanContent(ctx, id)
	if rerr := s.r.record(ctx, Read, "scan", id, 0, err, "image"); err == nil && rerr != nil {
		return nil, nil, rerr
	}
	return b, sc, err
}

func (s *scans) IndexScan(ctx context.Context, id int64, d *chartroom.Document, by int64) error {
	err := s.inner.IndexScan(ctx, id, d, by)
	if rerr := s.r.record(ctx, Create, "document", d.ID, d.PatientID, err, "indexed from scan "+strconv.FormatInt(id, 10)); err == nil {
		err = rerr
	}
	return err
}
