package main

import (
	"context"
	"flag"
	"log/slog"

	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storage"
)

// storeFlags are the flags every command that opens the store shares.
type storeFlags struct {
	data, db, sync string
}

func (f *storeFlags) register(fs *flag.FlagSet, env *Env) {
	def := env.Getenv("CHARTROOM_DATA")
	if def == "" {
		def = "./chartroom-data"
	}
	fs.StringVar(&f.data, "data", def, "the data folder (SQLite database, blobs, keys); env CHARTROOM_DATA")
	fs.StringVar(&f.db, "db", env.Getenv("CHARTROOM_DB"), "a PostgreSQL DSN (postgres://…) to use instead of SQLite; env CHARTROOM_DB")
	fs.StringVar(&f.sync, "sqlite-sync", "FULL", "SQLite synchronous setting: FULL survives power loss, NORMAL only a crash")
}

// open opens the store. create allows a new data folder and master key.
func (f *storeFlags) open(ctx context.Context, env *Env, log *slog.Logger, create bool) (*sqlstore.Store, error) {
	return storage.Open(ctx, storage.Config{
		DataDir: f.data, DSN: f.db, Synchronous: f.sync, Logger: log, Create: create,
		MasterKeyEnv: env.Getenv("CHARTROOM_MASTER_KEY"),
	})
}
