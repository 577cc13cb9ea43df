package main

import (
	"context"
	"log/slog"

	"github.com/chartroom/chartroom/sqlstore"
)

// loadDemo loads the fictitious demo hospital. It is replaced by the demo
// package's loader once that lands.
func loadDemo(ctx context.Context, env *Env, s *sqlstore.Store, log *slog.Logger) error {
	log.Warn("the demo hospital is not available in this build")
	return nil
}
