package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/chartroom/chartroom/demogen"
	"github.com/chartroom/chartroom/sqlstore"
)

// demoPatients is the size of the demo hospital.
const demoPatients = 200

// loadDemo loads the fictitious demo hospital into an empty record. A
// record that already has data is left alone.
func loadDemo(ctx context.Context, env *Env, s *sqlstore.Store, log *slog.Logger) error {
	h := demogen.Generate(2026, demoPatients, time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC))
	start := time.Now()
	last := time.Time{}
	err := demogen.Load(ctx, s, h, func(done, total int) {
		if time.Since(last) > time.Second || done == total {
			fmt.Fprintf(env.Stderr, "demo: loaded %d of %d patients\n", done, total)
			last = time.Now()
		}
	})
	if errors.Is(err, demogen.ErrLoaded) {
		log.Info("demo hospital not loaded: the record already has data")
		return nil
	}
	if err != nil {
		return fmt.Errorf("loading the demo hospital: %w", err)
	}
	if err := s.Analyze(ctx); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Loaded the fictitious demo hospital (%d patients) in %v.\n", len(h.Patients), time.Since(start).Round(time.Millisecond))
	return nil
}
