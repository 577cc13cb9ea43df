package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/mpi"
)

// startIndex builds the master patient index's in-memory match index from
// every active patient, then fits the model to them in the background.
// Reading the index is one audited system action. Each serve node keeps its
// own index and updates it on its own writes; records another node writes
// reach it at the next start (or through a duplicate search, which reads
// the database).
func startIndex(ctx context.Context, s interface {
	FindPatients(ctx context.Context, f chartroom.PatientFilter) (chartroom.Page[*chartroom.Patient], error)
}, worklist chartroom.MatchService, trail audit.Recorder, log *slog.Logger) (*mpi.Watcher, error) {
	start := time.Now()
	idx := mpi.NewIndex(nil, nil)
	f := chartroom.PatientFilter{Limit: 500}
	for {
		page, err := s.FindPatients(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, p := range page.Items {
			if p.MergedInto == 0 {
				idx.Add(mpi.FromPatient(p))
			}
		}
		if page.NextCursor == "" {
			break
		}
		f.Cursor = page.NextCursor
	}
	trail.Record(ctx, audit.Entry{At: time.Now(), Username: "system:mpi", Action: audit.Search, ObjectType: "patient-index", Outcome: audit.Success,
		Detail: fmt.Sprintf("built the match index over %d patients", idx.Len())})
	log.Info("match index built", "patients", idx.Len(), "took", time.Since(start).String())
	go func() {
		if _, err := idx.Train(ctx, mpi.Options{}); err != nil && ctx.Err() == nil {
			log.Error("fitting the match model", "err", err.Error())
		}
	}()
	return &mpi.Watcher{Index: idx, Worklist: worklist, Log: log}, nil
}
