package ingest

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/hl7"
)

// Record is what the processor writes to.
type Record struct {
	Patients   chartroom.PatientService
	Encounters chartroom.EncounterService
	Documents  chartroom.DocumentService
	Providers  chartroom.ProviderService
	Merges     chartroom.MergeService
	Charges    chartroom.ChargeService
}

// Queue is the stored messages waiting for processing.
type Queue interface {
	ClaimInbound(ctx context.Context, n int, fn func(m *chartroom.InboundMessage) error) (int, error)
}

// Processor applies stored messages to the record.
type Processor struct {
	Record
	Queue    Queue
	Channels map[string]Channel
	Log      *slog.Logger
	// Busy, when set, reports whether the receivers are busy (messages are
	// arriving). The receivers then go first: each worker spends at most
	// BusyShare of its time applying messages and waits the rest, so the
	// processor neither starves the ACKs of the single database writer and
	// the CPU, nor stops: the backlog is applied at full speed once the
	// burst is over, or as soon as the message at hand has waited MaxLag.
	Busy func() bool
	// BusyShare is a worker's share of the time while Busy (default 0.1).
	BusyShare float64
	// MaxLag is how far behind the record may fall before the processor
	// stops yielding to busy receivers (default 10 s).
	MaxLag time.Duration
	// Processed and Failed count outcomes, for monitoring.
	Processed, Failed atomic.Int64
}

// maxYield bounds one pause after a message, so that the messages a worker
// holds are finished well inside their one-minute lease.
const maxYield = 100 * time.Millisecond

// Run processes messages until ctx ends, polling when the queue is empty.
// A message claimed but not yet applied when ctx ends goes back on the
// queue; the one being applied is finished.
func (p *Processor) Run(ctx context.Context, workers int) {
	if workers <= 0 {
		workers = 2
	}
	share := p.BusyShare
	if share <= 0 || share > 1 {
		share = 0.1
	}
	lag := p.MaxLag
	if lag <= 0 {
		lag = 10 * time.Second
	}
	// Applying a message is redone from its stored raw form if a power
	// failure loses it, so its writes need not wait for the disk.
	redo := chartroom.WithRedoable(context.WithoutCancel(ctx))
	apply := func(m *chartroom.InboundMessage) error {
		if ctx.Err() != nil {
			return chartroom.ErrRequeue
		}
		start := time.Now()
		err := p.Apply(redo, m)
		if p.Busy != nil && time.Since(m.ReceivedAt) < lag && p.Busy() {
			pause := min(time.Duration(float64(time.Since(start))*(1-share)/share), maxYield)
			select {
			case <-ctx.Done():
			case <-time.After(pause):
			}
		}
		return err
	}
	done := make(chan struct{})
	for w := 0; w < workers; w++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for ctx.Err() == nil {
				n, err := p.Queue.ClaimInbound(redo, 32, apply)
				if err != nil && p.Log != nil {
					p.Log.Error("claiming interface messages", "err", err.Error())
				}
				if n == 0 || err != nil {
					select {
					case <-ctx.Done():
					case <-time.After(200 * time.Millisecond):
					}
				}
			}
		}()
	}
	for w := 0; w < workers; w++ {
		<-done
	}
}

// Drain processes until the queue is empty, for tests and the CLI.
func (p *Processor) Drain(ctx context.Context) error {
	ctx = chartroom.WithRedoable(ctx)
	for {
		n, err := p.Queue.ClaimInbound(ctx, 64, func(m *chartroom.InboundMessage) error { return p.Apply(ctx, m) })
		if err != nil || n == 0 {
			return err
		}
	}
}

// Apply applies one message to the record. Every step is idempotent: a
// patient already on file by MRN is updated, an encounter by its account
// number, a document by the sender's number, a charge line by its message
// and line, so a message claimed again after a crash changes nothing twice.
func (p *Processor) Apply(ctx context.Context, im *chartroom.InboundMessage) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("processing failed: %v", r)
		}
		if err != nil {
			p.Failed.Add(1)
		} else {
			p.Processed.Add(1)
		}
	}()
	m, err := hl7.Parse(im.Raw)
	if err != nil {
		return err
	}
	ctx = audit.WithActor(ctx, audit.Actor{Username: "interface:" + im.Channel, Role: "interface", Purpose: "HOPERAT", IP: im.Remote})
	ch := p.Channels[im.Channel]
	x := &msgCtx{p: p, m: m, im: im, ch: ch}
	h := m.Header()
	switch h.MessageCode + "^" + h.TriggerEvent {
	case "ADT^A01", "ADT^A04", "ADT^A05", "ADT^A08", "ADT^A31", "ADT^A28", "ADT^A02", "ADT^A03", "ADT^A11", "ADT^A12", "ADT^A13":
		return x.adt(ctx, h.TriggerEvent)
	case "ADT^A40":
		return x.merge(ctx)
	case "ORU^R01":
		return x.results(ctx)
	case "MDM^T02", "MDM^T04", "MDM^T06", "MDM^T08", "MDM^T10":
		return x.document(ctx, h.TriggerEvent)
	case "DFT^P03":
		return x.charges(ctx)
	}
	return fmt.Errorf("no processing for %s on channel %s", h.MessageType(), im.Channel)
}

// msgCtx is one message being applied.
type msgCtx struct {
	p  *Processor
	m  *hl7.Message
	im *chartroom.InboundMessage
	ch Channel
}

func (x *msgCtx) text(path string) string { return strings.TrimSpace(x.m.Text(path)) }

// facility maps an assigning authority or sending facility to a facility
// code.
func (x *msgCtx) facility(authority string) string {
	for _, k := range []string{authority, x.im.SendingFacility} {
		if f, ok := x.ch.Facilities[k]; ok {
			return f
		}
	}
	if x.ch.DefaultFacility != "" {
		return x.ch.DefaultFacility
	}
	if f, err := chartroom.ParseFacilityCode(x.im.SendingFacility); err == nil {
		return f
	}
	return "MAIN"
}

// mrn returns the patient's MRN from PID-3 and its facility.
func (x *msgCtx) mrn(seg string) (string, string, error) {
	f := x.m.At(mustPath(seg + "-3"))
	if seg == "PID" && f.NumReps() == 0 {
		f = x.m.At(mustPath("PID-2"))
	}
	best := -1
	for r := 1; r <= f.NumReps(); r++ {
		rep := f.Rep(r)
		if strings.TrimSpace(rep.Comp(1).String()) == "" {
			continue
		}
		if best < 0 || rep.Comp(5).String() == "MR" {
			best = r
		}
		if rep.Comp(5).String() == "MR" {
			break
		}
	}
	if best < 0 {
		return "", "", fmt.Errorf("%s-3: no patient identifier", seg)
	}
	rep := f.Rep(best)
	v, err := chartroom.ParseMRN(strings.TrimSpace(rep.Comp(1).String()))
	if err != nil {
		return "", "", fmt.Errorf("%s-3[%d].1: %v", seg, best, err)
	}
	return string(v), x.facility(rep.Comp(4).Sub(1).String()), nil
}

// patient builds the patient that the PID segment describes, onto base.
func (x *msgCtx) patient(base *chartroom.Patient) (*chartroom.Patient, error) {
	mrn, fac, err := x.mrn("PID")
	if err != nil {
		return nil, err
	}
	p := &chartroom.Patient{}
	if base != nil {
		c := *base
		p = &c
	}
	if fam := x.text("PID-5.1.1"); fam != "" {
		p.Name = chartroom.PersonName{Family: fam, Given: x.text("PID-5.2"), Middle: x.text("PID-5.3"), Suffix: x.text("PID-5.4"), Prefix: x.text("PID-5.5")}
	}
	if p.Name.Given == "" {
		p.Name.Given = "Unknown"
	}
	if dob := x.text("PID-7.1"); len(dob) >= 8 {
		d, err := chartroom.ParseDate(dob[:8])
		if err != nil {
			return nil, fmt.Errorf("PID-7: %v", err)
		}
		p.BirthDate = d
	}
	if sx := x.text("PID-8"); sx != "" {
		s, err := chartroom.ParseSex(sx)
		if err != nil {
			return nil, fmt.Errorf("PID-8: %v", err)
		}
		p.Sex = s
	}
	if p.Sex == "" {
		p.Sex = chartroom.SexUnknown
	}
	if ssn := x.text("PID-19"); ssn != "" {
		if v, err := chartroom.ParseSSN(ssn); err == nil {
			p.SSN = v
		}
	}
	if line := x.text("PID-11.1.1"); line != "" {
		p.Addresses = []chartroom.Address{{Use: "home", Line1: line, Line2: x.text("PID-11.2"), City: x.text("PID-11.3"), State: x.text("PID-11.4"), Postal: x.text("PID-11.5"), Country: x.text("PID-11.6")}}
	}
	if ph := x.text("PID-13.1"); ph != "" {
		p.Telecoms = []chartroom.Telecom{{Use: "home", System: "phone", Value: ph}}
	} else if ph := x.text("PID-13.12"); ph != "" {
		p.Telecoms = []chartroom.Telecom{{Use: "home", System: "phone", Value: ph}}
	}
	if dd := x.text("PID-29.1"); len(dd) >= 8 {
		if d, err := chartroom.ParseDate(dd[:8]); err == nil {
			t := d.Time()
			p.DeceasedAt = &t
		}
	}
	p.Identifiers = slicesClone(p.Identifiers)
	found := false
	for _, id := range p.Identifiers {
		if id.Type == "MR" && id.Facility == fac && id.Value == mrn {
			found = true
		}
	}
	if !found {
		p.Identifiers = append(p.Identifiers, chartroom.Identifier{Type: "MR", Facility: fac, Value: mrn})
	}
	return p, nil
}

func slicesClone[T any](s []T) []T { return append([]T(nil), s...) }

// upsertPatient creates or updates the patient in PID.
func (x *msgCtx) upsertPatient(ctx context.Context) (*chartroom.Patient, error) {
	mrn, fac, err := x.mrn("PID")
	if err != nil {
		return nil, err
	}
	old, err := x.p.Patients.PatientByIdentifier(ctx, fac, mrn)
	if err != nil && chartroom.ErrorKind(err) != chartroom.KindNotFound {
		return nil, err
	}
	if old != nil && old.MergedInto != 0 {
		if old, err = x.p.Patients.Patient(ctx, old.MergedInto); err != nil {
			return nil, err
		}
	}
	p, err := x.patient(old)
	if err != nil {
		return nil, err
	}
	if old == nil {
		return p, x.p.Patients.CreatePatient(ctx, p)
	}
	return p, x.p.Patients.UpdatePatient(ctx, p)
}

// adt applies a registration, visit, transfer, discharge or cancellation.
func (x *msgCtx) adt(ctx context.Context, event string) error {
	p, err := x.upsertPatient(ctx)
	if err != nil {
		return err
	}
	if event == "A28" || event == "A31" {
		return nil // person-level only
	}
	if _, ok := x.m.Find("PV1", 1); !ok {
		if event == "A08" {
			return nil
		}
		return fmt.Errorf("%s: no PV1 segment", event)
	}
	account := x.text("PV1-19.1")
	if account == "" {
		account = x.text("PID-18.1")
	}
	var e *chartroom.Encounter
	if account != "" {
		page, err := x.p.Encounters.FindEncounters(ctx, chartroom.EncounterFilter{PatientID: p.ID, Account: account, Limit: 1})
		if err != nil {
			return err
		}
		if len(page.Items) > 0 {
			e = page.Items[0]
		}
	}
	isNew := e == nil
	if isNew {
		if event == "A11" || event == "A12" || event == "A13" {
			return fmt.Errorf("%s: no encounter with account %q to cancel", event, account)
		}
		e = &chartroom.Encounter{PatientID: p.ID, Account: account, Status: chartroom.EncounterInProgress}
	}
	e.PatientID = p.ID
	e.Facility = x.facility(x.text("PV1-3.4.1"))
	e.Class = classOf(x.text("PV1-2"), x.text("PV1-18"))
	if t, ok := hl7Time(x.text("PV1-44.1")); ok {
		e.AdmitAt = t
	} else if isNew {
		if t, ok := hl7Time(x.text("EVN-2.1")); ok {
			e.AdmitAt = t
		} else if t, ok := hl7Time(x.text("MSH-7.1")); ok {
			e.AdmitAt = t
		} else {
			e.AdmitAt = time.Now()
		}
	}
	if v := x.text("PV1-10"); v != "" {
		e.Service = truncate(v, 20)
	}
	if v := x.text("PV1-14"); v != "" && len(v) <= 2 {
		e.AdmitSource = strings.ToUpper(v)
	}
	if v := x.text("PV1-36"); v != "" && len(v) <= 2 {
		e.Disposition = strings.ToUpper(v)
	}
	if v := x.text("PV1-20.1"); v != "" {
		e.Payer = truncate(v, 60)
	} else if v := x.text("IN1-4.1"); v != "" {
		e.Payer = truncate(v, 60)
	}
	if id := x.attending(ctx, "PV1-7"); id != 0 {
		e.AttendingID = id
	}
	switch event {
	case "A03":
		t, ok := hl7Time(x.text("PV1-45.1"))
		if !ok {
			t, _ = hl7Time(x.text("EVN-2.1"))
		}
		if t.IsZero() {
			t = time.Now()
		}
		if t.Before(e.AdmitAt) {
			t = e.AdmitAt
		}
		e.DischargeAt, e.Status = &t, chartroom.EncounterFinished
	case "A11":
		e.Status = chartroom.EncounterCancelled
	case "A13":
		e.DischargeAt, e.Status = nil, chartroom.EncounterInProgress
	}
	if isNew {
		return x.p.Encounters.CreateEncounter(ctx, e)
	}
	return x.p.Encounters.UpdateEncounter(ctx, e)
}

// attending finds the provider in an XCN field by NPI, if on file.
func (x *msgCtx) attending(ctx context.Context, path string) int64 {
	if x.p.Providers == nil {
		return 0
	}
	npi, err := chartroom.ParseNPI(x.text(path + ".1"))
	if err != nil {
		return 0
	}
	page, err := x.p.Providers.FindProviders(ctx, chartroom.ProviderFilter{NPI: string(npi), Limit: 1})
	if err != nil || len(page.Items) == 0 {
		return 0
	}
	return page.Items[0].ID
}

// merge applies A40: the patient in MRG-1 is merged into the one in PID-3.
func (x *msgCtx) merge(ctx context.Context) error {
	survivor, err := x.upsertPatient(ctx)
	if err != nil {
		return err
	}
	if _, ok := x.m.Find("MRG", 1); !ok {
		return fmt.Errorf("A40: no MRG segment")
	}
	old := strings.TrimSpace(x.m.Text("MRG-1[1].1"))
	if old == "" {
		return fmt.Errorf("MRG-1: no prior patient identifier")
	}
	fac := x.facility(x.m.Text("MRG-1[1].4.1"))
	retired, err := x.p.Patients.PatientByIdentifier(ctx, fac, old)
	if err != nil {
		return fmt.Errorf("MRG-1: prior patient %s at %s: %w", old, fac, err)
	}
	if retired.ID == survivor.ID {
		return nil // already merged: the old MRN now finds the survivor
	}
	_, err = x.p.Merges.MergePatients(ctx, survivor.ID, retired.ID, 0, "HL7 A40 from "+x.im.SendingApp+" message "+x.im.ControlID)
	return err
}

// encounterOf finds the encounter for PV1-19 or PID-18, if the message names one.
func (x *msgCtx) encounterOf(ctx context.Context, patientID int64) int64 {
	account := x.text("PV1-19.1")
	if account == "" {
		account = x.text("PID-18.1")
	}
	if account == "" {
		return 0
	}
	page, err := x.p.Encounters.FindEncounters(ctx, chartroom.EncounterFilter{PatientID: patientID, Account: account, Limit: 1})
	if err != nil || len(page.Items) == 0 {
		return 0
	}
	return page.Items[0].ID
}

// results applies ORU^R01: each order's observations become a report
// document (the text of TX/FT results, a table of the others).
func (x *msgCtx) results(ctx context.Context) error {
	p, err := x.upsertPatient(ctx)
	if err != nil {
		return err
	}
	encID := x.encounterOf(ctx, p.ID)
	n := x.m.Count("OBR")
	if n == 0 {
		return fmt.Errorf("ORU: no OBR segment")
	}
	// Walk segments in order, grouping OBX under the OBR before them.
	var groups []*obsGroup
	var cur *obsGroup
	for i := 0; i < x.m.NumSegments(); i++ {
		seg := x.m.Segment(i)
		switch seg.ID() {
		case "OBR":
			cur = &obsGroup{obr: seg}
			groups = append(groups, cur)
		case "OBX", "NTE":
			if cur != nil {
				cur.lines = append(cur.lines, seg)
			}
		}
	}
	for gi, g := range groups {
		title := strings.TrimSpace(g.obr.Field(4).Comp(2).String())
		if title == "" {
			title = strings.TrimSpace(g.obr.Field(4).Comp(1).String())
		}
		if title == "" {
			title = "Results"
		}
		at, ok := hl7Time(g.obr.Field(7).Comp(1).String())
		if !ok {
			at, _ = hl7Time(x.text("MSH-7.1"))
		}
		if at.IsZero() {
			at = time.Now()
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%s\n\n", strings.ToUpper(title))
		for _, l := range g.lines {
			if l.ID() == "NTE" {
				fmt.Fprintf(&b, "%s\n", text(l.Field(3)))
				continue
			}
			vt := l.Field(2).String()
			name := strings.TrimSpace(l.Field(3).Comp(2).String())
			if name == "" {
				name = strings.TrimSpace(l.Field(3).Comp(1).String())
			}
			switch vt {
			case "TX", "FT", "ST":
				if vt == "ST" && name != "" {
					fmt.Fprintf(&b, "%s: %s\n", name, text(l.Field(5)))
				} else {
					fmt.Fprintf(&b, "%s\n", text(l.Field(5)))
				}
			default:
				fmt.Fprintf(&b, "%-32s %12s %-10s %-16s %s\n", name, l.Field(5).String(), l.Field(6).Comp(1).String(), l.Field(7).String(), l.Field(8).String())
			}
		}
		d := &chartroom.Document{PatientID: p.ID, EncounterID: encID, Type: reportType(g.obr), Title: truncate(title, 200), ServiceAt: at,
			Status: chartroom.DocFinal, Source: "hl7", ExternalID: fmt.Sprintf("%s|%s|%d", x.im.SendingApp, x.im.ControlID, gi+1)}
		if placer := strings.TrimSpace(g.obr.Field(3).Comp(1).String()); placer != "" {
			d.ExternalID = x.im.SendingApp + "|" + placer
		}
		if existing, err := x.p.Documents.DocumentByExternalID(ctx, p.ID, d.ExternalID); err == nil {
			if _, err := x.p.Documents.AddVersion(ctx, existing.ID, chartroom.DocumentContent{Text: b.String(), Status: chartroom.DocAmended, Reason: "corrected results"}); err != nil {
				return err
			}
			continue
		}
		if err := x.p.Documents.CreateDocument(ctx, d, chartroom.DocumentContent{Text: b.String(), Status: d.Status}); err != nil {
			return err
		}
	}
	return nil
}

type obsGroup struct {
	obr   hl7.Segment
	lines []hl7.Segment
}

func reportType(obr hl7.Segment) chartroom.DocumentType {
	s := strings.ToUpper(obr.Field(4).String() + " " + obr.Field(24).String())
	switch {
	case strings.Contains(s, "RAD") || strings.Contains(s, "XR") || strings.Contains(s, "CT ") || strings.Contains(s, "MRI") || strings.Contains(s, "US ") || strings.Contains(s, "IMAG"):
		return "radiology-report"
	case strings.Contains(s, "PATH") || strings.Contains(s, "SP") && strings.Contains(s, "SURG"):
		return "pathology-report"
	}
	return "laboratory-report"
}

// document applies MDM: TXA gives the type, status and the document number;
// OBX TX/FT lines are its text, an OBX ED is a base64 PDF.
func (x *msgCtx) document(ctx context.Context, event string) error {
	p, err := x.upsertPatient(ctx)
	if err != nil {
		return err
	}
	if _, ok := x.m.Find("TXA", 1); !ok {
		return fmt.Errorf("%s: no TXA segment", event)
	}
	number := x.text("TXA-12.1")
	if number == "" {
		return fmt.Errorf("TXA-12: the unique document number is missing")
	}
	ext := x.im.SendingApp + "|" + number
	status := docStatus(x.text("TXA-17"))
	var body bytes.Buffer
	var binary []byte
	var ctype string
	for i := 0; i < x.m.NumSegments(); i++ {
		seg := x.m.Segment(i)
		if seg.ID() != "OBX" {
			continue
		}
		switch seg.Field(2).String() {
		case "ED":
			v := seg.Field(5)
			data := strings.TrimSpace(v.Comp(5).String())
			if strings.EqualFold(v.Comp(4).String(), "Base64") && data != "" {
				b, err := base64.StdEncoding.DecodeString(data)
				if err != nil {
					return fmt.Errorf("OBX-5.5: the embedded document is not valid base64: %v", err)
				}
				binary, ctype = b, chartroom.SniffContentType(b)
				if ctype == "" {
					return fmt.Errorf("OBX-5: the embedded document is not a PDF or image")
				}
			}
		default:
			body.WriteString(text(seg.Field(5)))
			body.WriteByte('\n')
		}
	}
	content := chartroom.DocumentContent{Text: body.String(), Status: status, Reason: "MDM " + event}
	if binary != nil {
		content.Body, content.ContentType = bytes.NewReader(binary), ctype
	}
	existing, err := x.p.Documents.DocumentByExternalID(ctx, p.ID, ext)
	if err != nil && chartroom.ErrorKind(err) != chartroom.KindNotFound {
		return err
	}
	if event == "T10" || event == "T08" || event == "T06" || event == "T04" {
		if existing == nil {
			if parent := x.text("TXA-13.1"); parent != "" && (event == "T10" || event == "T06") {
				existing, _ = x.p.Documents.DocumentByExternalID(ctx, p.ID, x.im.SendingApp+"|"+parent)
			}
		}
		if existing == nil {
			return fmt.Errorf("TXA-12: no document %s on file to change (%s)", number, event)
		}
		switch event {
		case "T04": // status change only
			existing.Status = status
			return x.p.Documents.UpdateDocument(ctx, existing)
		case "T06": // addendum
			return x.p.Documents.AddAmendment(ctx, &chartroom.Amendment{DocumentID: existing.ID, Text: body.String(), Reason: "addendum from " + x.im.SendingApp})
		}
		if existing.Version > 0 && existing.ExternalID == ext && x.im.Attempts > 1 {
			// A retry after a crash may have stored this version already.
			if v, err := x.p.Documents.DocumentVersion(ctx, existing.ID, 0); err == nil && v.Reason == content.Reason && v.Text == content.Text {
				return nil
			}
		}
		_, err := x.p.Documents.AddVersion(ctx, existing.ID, content)
		return err
	}
	if existing != nil {
		return nil // T02 seen before
	}
	typ := docType(x.text("TXA-2"))
	at, ok := hl7Time(x.text("TXA-4.1"))
	if !ok {
		at, ok = hl7Time(x.text("TXA-6.1"))
	}
	if !ok {
		at = time.Now()
	}
	d := &chartroom.Document{PatientID: p.ID, EncounterID: x.encounterOf(ctx, p.ID), Type: typ, Title: typ.Title(), ServiceAt: at, Status: status,
		Source: "hl7", ExternalID: ext, AuthorID: x.attending(ctx, "TXA-9")}
	if content.Text == "\n" || strings.TrimSpace(content.Text) == "" {
		content.Text = ""
	}
	return x.p.Documents.CreateDocument(ctx, d, content)
}

// charges applies DFT^P03: each FT1 is a charge line.
func (x *msgCtx) charges(ctx context.Context) error {
	p, err := x.upsertPatient(ctx)
	if err != nil {
		return err
	}
	enc := x.encounterOf(ctx, p.ID)
	var cs []*chartroom.Charge
	for i := 0; i < x.m.NumSegments(); i++ {
		seg := x.m.Segment(i)
		if seg.ID() != "FT1" {
			continue
		}
		line, _ := strconv.Atoi(seg.Field(1).String())
		if line == 0 {
			line = len(cs) + 1
		}
		code := strings.TrimSpace(seg.Field(25).Comp(1).String())
		system := seg.Field(25).Comp(3).String()
		desc := seg.Field(25).Comp(2).String()
		if code == "" {
			code = strings.TrimSpace(seg.Field(7).Comp(1).String())
			desc = seg.Field(7).Comp(2).String()
		}
		if code == "" {
			return fmt.Errorf("FT1[%d]-25: the charge has no procedure code", line)
		}
		at, ok := hl7Time(seg.Field(4).Comp(1).String())
		if !ok {
			at, _ = hl7Time(x.text("MSH-7.1"))
		}
		units, _ := strconv.ParseFloat(seg.Field(10).String(), 64)
		amount, _ := strconv.ParseFloat(seg.Field(11).Comp(1).String(), 64)
		c := &chartroom.Charge{PatientID: p.ID, EncounterID: enc, Source: "hl7:" + x.im.SendingApp + "|" + x.im.ControlID, Line: line, ServiceDate: at,
			Code: code, CodeSystem: system, Description: desc, Units: units, Amount: amount}
		dx := seg.Field(19)
		for r := 1; r <= dx.NumReps(); r++ {
			if d := strings.TrimSpace(dx.Rep(r).Comp(1).String()); d != "" {
				c.Diagnoses = append(c.Diagnoses, d)
			}
		}
		mods := seg.Field(26)
		for r := 1; r <= mods.NumReps(); r++ {
			if d := strings.TrimSpace(mods.Rep(r).Comp(1).String()); d != "" {
				c.Modifiers = append(c.Modifiers, d)
			}
		}
		cs = append(cs, c)
	}
	if len(cs) == 0 {
		return fmt.Errorf("DFT: no FT1 segment")
	}
	return x.p.Charges.AddCharges(ctx, cs)
}

// text joins a field's repetitions as lines of decoded text (FT and TX
// carry one line per repetition).
func text(v hl7.Value) string {
	var lines []string
	for r := 1; r <= max(1, v.NumReps()); r++ {
		lines = append(lines, v.Rep(r).String())
	}
	return strings.Join(lines, "\n")
}

func classOf(pv12, pv118 string) chartroom.EncounterClass {
	switch strings.ToUpper(pv12) {
	case "I":
		return chartroom.Inpatient
	case "E":
		return chartroom.Emergency
	}
	if strings.HasPrefix(strings.ToUpper(pv118), "OBS") {
		return chartroom.Observation
	}
	return chartroom.Outpatient
}

func docType(txa2 string) chartroom.DocumentType {
	t := strings.ToUpper(txa2)
	for k, v := range map[string]chartroom.DocumentType{"DS": "discharge-summary", "HP": "history-and-physical", "OP": "operative-note", "PN": "progress-note",
		"CN": "consultation", "ED": "emergency-note", "PR": "procedure-note", "RAD": "radiology-report", "PATH": "pathology-report", "CL": "clinic-note"} {
		if t == k || strings.HasPrefix(t, k) {
			return v
		}
	}
	return "progress-note"
}

func docStatus(txa17 string) chartroom.DocumentStatus {
	switch strings.ToUpper(txa17) {
	case "LA", "AU":
		return chartroom.DocSigned
	case "DI", "DO", "IP", "IN", "PA":
		return chartroom.DocPreliminary
	}
	return chartroom.DocFinal
}

// hl7Time parses an HL7 DTM (YYYY[MM[DD[HH[MM[SS]]]]][+ZZZZ]).
func hl7Time(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	zone := time.UTC
	if i := strings.IndexAny(s, "+-"); i >= 8 {
		if off, err := time.Parse("-0700", s[i:]); err == nil {
			zone = off.Location()
		}
		s = s[:i]
	}
	if i := strings.IndexByte(s, '.'); i >= 0 {
		s = s[:i]
	}
	for _, l := range []string{"20060102150405", "200601021504", "2006010215", "20060102"} {
		if len(s) == len(l) {
			if t, err := time.ParseInLocation(l, s, zone); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func mustPath(s string) hl7.Path {
	p, err := hl7.ParsePath(s)
	if err != nil {
		panic(err)
	}
	return p
}
