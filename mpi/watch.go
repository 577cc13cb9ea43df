package mpi

import (
	"context"
	"encoding/json"
	"log/slog"
	"strconv"

	"github.com/chartroom/chartroom"
)

// Watcher keeps the index in step with the patient record and checks every
// registration as it happens, whichever way it comes (the web UI, the API
// or HL7). It decorates the patient and merge services:
//   - a new patient goes into the index, and its likely duplicates go onto
//     the duplicate worklist;
//   - a changed patient is re-indexed, and a change that looks like another
//     person's data written over the record (an overlay) is flagged there;
//   - a merge takes the retired record out of the index, an unmerge puts it
//     back.
//
// Failing to check never fails the registration: the record is what
// matters; the failure is logged.
type Watcher struct {
	Index    *Index
	Worklist chartroom.MatchService
	Log      *slog.Logger
}

// Patients returns the patient service, watched.
func (w *Watcher) Patients(inner chartroom.PatientService) chartroom.PatientService {
	return &watchedPatients{PatientService: inner, w: w}
}

// Merges returns the merge service, watched; patients reads records back
// after an unmerge.
func (w *Watcher) Merges(inner chartroom.MergeService, patients chartroom.PatientService) chartroom.MergeService {
	return &watchedMerges{MergeService: inner, patients: patients, w: w}
}

// Check returns the likely duplicates of a patient not yet saved, for the
// registrar to see before saving.
func (w *Watcher) Check(p *chartroom.Patient, limit int) []Match {
	r := FromPatient(p)
	if p.ID == 0 {
		r.ID = ""
	}
	return w.Index.Lookup(r, limit)
}

func (w *Watcher) log() *slog.Logger {
	if w.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return w.Log
}

type watchedPatients struct {
	chartroom.PatientService
	w *Watcher
}

func (s *watchedPatients) CreatePatient(ctx context.Context, p *chartroom.Patient) error {
	if err := s.PatientService.CreatePatient(ctx, p); err != nil {
		return err
	}
	r := FromPatient(p)
	matches := s.w.Index.Lookup(r, 10)
	s.w.Index.Add(r)
	if len(matches) > 0 && s.w.Worklist != nil {
		var cs []*chartroom.MatchCandidate
		for _, m := range matches {
			other, err := strconv.ParseInt(m.ID, 10, 64)
			if err != nil {
				continue
			}
			cs = append(cs, Candidate(p.ID, other, m.Score))
		}
		if _, err := s.w.Worklist.SaveCandidates(ctx, cs); err != nil {
			s.w.log().Error("saving likely duplicates of a new registration", "patient_id", p.ID, "err", err.Error())
		}
	}
	return nil
}

func (s *watchedPatients) UpdatePatient(ctx context.Context, p *chartroom.Patient) error {
	old, oldErr := s.PatientService.Patient(ctx, p.ID)
	if err := s.PatientService.UpdatePatient(ctx, p); err != nil {
		return err
	}
	r := FromPatient(p)
	if p.MergedInto != 0 {
		s.w.Index.Remove(r.ID)
		return nil
	}
	s.w.Index.Add(r)
	if oldErr == nil && s.w.Worklist != nil {
		if reasons := Overlay(FromPatient(old), r); len(reasons) > 0 {
			b, _ := json.Marshal(map[string]any{"overlay": reasons})
			c := &chartroom.MatchCandidate{Kind: chartroom.CandidateOverlay, LeftID: p.ID, RightID: p.ID, Probability: 1, Decision: string(Review), Explanation: b}
			if _, err := s.w.Worklist.SaveCandidates(ctx, []*chartroom.MatchCandidate{c}); err != nil {
				s.w.log().Error("flagging a possible overlay", "patient_id", p.ID, "err", err.Error())
			}
		}
	}
	return nil
}

type watchedMerges struct {
	chartroom.MergeService
	patients chartroom.PatientService
	w        *Watcher
}

func (s *watchedMerges) MergePatients(ctx context.Context, survivorID, retiredID, by int64, reason string) (*chartroom.Merge, error) {
	m, err := s.MergeService.MergePatients(ctx, survivorID, retiredID, by, reason)
	if err == nil {
		s.w.Index.Remove(strconv.FormatInt(retiredID, 10))
	}
	return m, err
}

func (s *watchedMerges) Unmerge(ctx context.Context, id, by int64) (*chartroom.Merge, error) {
	m, err := s.MergeService.Unmerge(ctx, id, by)
	if err == nil {
		if p, err := s.patients.Patient(ctx, m.RetiredID); err == nil {
			s.w.Index.Add(FromPatient(p))
		}
	}
	return m, err
}

// Candidate makes a worklist entry of a scored pair. The explanation keeps
// each field's agreement level and weight, never the values.
func Candidate(left, right int64, sc Score) *chartroom.MatchCandidate {
	for i := range sc.Fields {
		sc.Fields[i].Left, sc.Fields[i].Right = "", ""
	}
	b, _ := json.Marshal(sc)
	return &chartroom.MatchCandidate{Kind: chartroom.CandidateDuplicate, LeftID: left, RightID: right,
		Probability: sc.Probability, Weight: sc.Weight, Decision: string(sc.Decision), Explanation: b}
}

// Overlay reports why a change to one record looks like another person's
// data written over it: the name changed beyond a correction and so did
// the birth date, the sex or the SSN. A marriage changes only the family
// name; a corrected typing error stays within one slip. It returns nothing
// for an ordinary change.
func Overlay(before, after Record) []string {
	aliases := defaultAliases()
	a, b := prepare(&before, aliases), prepare(&after, aliases)
	p := compare(&a, &b, aliases)
	var name, other []string
	if l := p.Level(Given); l >= 4 {
		name = append(name, "given name changed")
	}
	if l := p.Level(Family); l == 4 {
		name = append(name, "family name changed")
	}
	if l := p.Level(BirthDate); l >= 3 {
		other = append(other, "birth date changed")
	}
	if p.Level(Sex) == 2 {
		other = append(other, "sex changed")
	}
	if p.Level(SSN) == 3 {
		other = append(other, "SSN changed")
	}
	if len(name) == 0 || len(other) == 0 {
		return nil
	}
	return append(name, other...)
}
