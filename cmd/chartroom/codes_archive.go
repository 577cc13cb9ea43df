package main

import (
	"context"
	"errors"
	"path/filepath"

	"github.com/chartroom/chartroom/codeset"
)

// openCodeArchive opens where imported code sets are kept: for now a folder
// DATA/codesets with one blob per import. A database DSN is accepted so
// scripts can pass it, but database archives are not wired yet.
func openCodeArchive(ctx context.Context, env *Env, dataDir, dsn string) (codeset.Archive, func() error, error) {
	if dsn != "" {
		return nil, nil, errors.New("database-backed code set archives are not wired yet; omit --db to keep code sets under DATA/codesets")
	}
	if dataDir == "" {
		dataDir = defaultCodesData(env)
	}
	return codeset.DirArchive{Dir: filepath.Join(dataDir, "codesets")}, func() error { return nil }, nil
}

// defaultCodesData is the data folder: CHARTROOM_DATA, else ./chartroom-data.
func defaultCodesData(env *Env) string {
	if d := env.Getenv("CHARTROOM_DATA"); d != "" {
		return d
	}
	return "chartroom-data"
}
