package demogen

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/chartroom/chartroom"
)

// ErrLoaded reports that the store already holds a hospital: the demo is
// loaded only into an empty record.
var ErrLoaded = errors.New("the record already has facilities: the demo hospital loads only into an empty record")

// Load writes h through the store's services, so every record passes the
// same validation as one entered by hand. progress, if not nil, is called
// after each patient.
func Load(ctx context.Context, s Store, h *Hospital, progress func(done, total int)) error {
	fs, err := s.Facilities(ctx)
	if err != nil {
		return err
	}
	if len(fs) > 0 {
		return ErrLoaded
	}
	for _, f := range h.Facilities {
		if err := s.CreateFacility(ctx, f); err != nil {
			return fmt.Errorf("facility %s: %w", f.Code, err)
		}
	}
	for _, p := range h.Providers {
		if err := s.CreateProvider(ctx, p); err != nil {
			return fmt.Errorf("provider %s: %w", p.NPI, err)
		}
	}
	for i, p := range h.Patients {
		if err := s.CreatePatient(ctx, p.Patient); err != nil {
			return fmt.Errorf("demo patient %d: %w", i, err)
		}
		for _, v := range p.Visits {
			v.PatientID = p.ID
			if v.attending != nil {
				v.AttendingID = v.attending.ID
			}
			if err := s.CreateEncounter(ctx, v.Encounter); err != nil {
				return fmt.Errorf("demo patient %d encounter: %w", i, err)
			}
			for _, d := range v.Documents {
				d.PatientID, d.EncounterID = p.ID, v.ID
				if d.attending != nil {
					d.AuthorID = d.attending.ID
				}
				c := chartroom.DocumentContent{Text: d.Text, Status: d.Status}
				if d.Binary != nil {
					c.Body, c.ContentType = bytes.NewReader(d.Binary), d.ContentType
				}
				if err := s.CreateDocument(ctx, d.Document, c); err != nil {
					return fmt.Errorf("demo patient %d document %s: %w", i, d.Type, err)
				}
			}
		}
		if progress != nil {
			progress(i+1, len(h.Patients))
		}
	}
	return nil
}
