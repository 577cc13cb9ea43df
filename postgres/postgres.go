// Package postgres is Chartroom's storage engine for sites that outgrow one
// machine: several serve nodes share one PostgreSQL database, through pgx.
// It owns its SQL and migrations and hands them to package sqlstore, which
// holds the logic both engines share.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/chartroom/chartroom/sqlstore"
	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Open connects to the database named by dsn (a postgres:// URL or a
// key=value string) and checks that it answers.
func Open(ctx context.Context, dsn string) (*sql.DB, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("bad PostgreSQL DSN: %w", err)
	}
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(10)
	db.SetConnMaxIdleTime(5 * time.Minute)
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot reach PostgreSQL: %s", oneLine(err))
	}
	return db, nil
}

// Dialect returns the PostgreSQL dialect for package sqlstore.
func Dialect() *sqlstore.Dialect {
	sub, _ := fs.Sub(migrations, "migrations")
	return &sqlstore.Dialect{
		Name:            "postgres",
		Migrations:      sub,
		Q:               &queries,
		Audit:           &auditQueries,
		FindPatients:    findPatients,
		FindEncounters:  findEncounters,
		FindDocuments:   findDocuments,
		FindProviders:   findProviders,
		InsertInbound:   insertInbound,
		Time:            func(t time.Time) any { return t.UTC() },
		IsUnique:        isUnique,
		SplitStatements: func(s string) []string { return []string{s} },
	}
}

func isUnique(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}

// oneLine keeps the first line of a driver error, which already says what
// failed; pgx lists every address it tried on further lines.
func oneLine(err error) string {
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = strings.TrimRight(msg[:i], ": ")
		var pe *pgconn.ConnectError
		if errors.As(err, &pe) {
			msg += ": " + strings.TrimSpace(lastLine(err.Error()))
		}
	}
	return msg
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}
