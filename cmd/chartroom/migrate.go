package main

import (
	"context"
	"fmt"
	"log/slog"
)

func init() {
	register(&command{name: "migrate", summary: "create or upgrade the database schema", run: runMigrate})
}

func runMigrate(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "migrate", "migrate [--data DIR] [--db DSN]", `
Apply the numbered schema migrations embedded in this binary to the database.
'chartroom serve' does this on every start; run it by hand to upgrade a
database before starting several serve nodes against it.`)
	var sf storeFlags
	sf.register(fs, env)
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	log := slog.New(slog.NewJSONHandler(env.Stderr, nil))
	s, err := sf.open(ctx, env, log, true)
	if err != nil {
		return err
	}
	defer s.Close()
	fmt.Fprintf(env.Stdout, "database is up to date (%s)\n", s.Engine())
	return nil
}
