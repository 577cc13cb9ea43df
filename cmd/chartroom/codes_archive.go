package main

import (
	"context"
	"io"
	"log/slog"

	"github.com/chartroom/chartroom/codeset"
	"github.com/chartroom/chartroom/storage"
)

// openCodeArchive opens where imported code sets are kept: the database
// (SQLite in the data folder, or PostgreSQL with --db), so every serve node
// loads the same releases and backups carry them.
func openCodeArchive(ctx context.Context, env *Env, dataDir, dsn string) (codeset.Archive, func() error, error) {
	if dataDir == "" {
		dataDir = defaultCodesData(env)
	}
	s, err := storage.Open(ctx, storage.Config{DataDir: dataDir, DSN: dsn, Create: true, MasterKeyEnv: env.Getenv("CHARTROOM_MASTER_KEY"),
		Logger: slog.New(slog.NewJSONHandler(io.Discard, nil))})
	if err != nil {
		return nil, nil, err
	}
	return s.CodeArchive(), s.Close, nil
}

// defaultCodesData is the data folder: CHARTROOM_DATA, else ./chartroom-data.
func defaultCodesData(env *Env) string {
	if d := env.Getenv("CHARTROOM_DATA"); d != "" {
		return d
	}
	return "chartroom-data"
}
