package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/auth"
)

func init() {
	register(&command{name: "tokens", summary: "create and revoke API tokens for interfaces and scripts", run: runTokens})
}

func runTokens(ctx context.Context, env *Env, args []string) error {
	return dispatch(ctx, env, "tokens", map[string]verb{
		"create": {"create an API token for a user, with a scope and an expiry", tokensCreate},
		"revoke": {"revoke an API token by its id", tokensRevoke},
	}, args)
}

func tokensCreate(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "tokens create", "tokens create [--data DIR] [--db DSN] --user USERNAME --scope ACTION[,ACTION] [--expires 90d] [--name NAME]", `
Create an API token for a user (usually one with the interface role). The
token is printed once; only its hash is stored. A request with
'Authorization: Bearer TOKEN' acts as the user, limited to the actions in
the scope (for example patient.read,encounter.write, or * for all the
user's roles allow) until the token expires or is revoked.`)
	var sf storeFlags
	sf.register(fs, env)
	user := fs.String("user", "", "the user the token acts as (required)")
	scope := fs.String("scope", "", "comma-separated actions, or * (required)")
	expires := fs.String("expires", "90d", "lifetime: a number of days (90d) or a Go duration (12h)")
	name := fs.String("name", "", "what the token is for")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if *user == "" || *scope == "" {
		return errors.New("--user and --scope are required")
	}
	ttl, err := parseLifetime(*expires)
	if err != nil {
		return fmt.Errorf("--expires: %w", err)
	}
	var actions []string
	for _, a := range strings.Split(*scope, ",") {
		if a = strings.TrimSpace(a); a != "" {
			if a != "*" && !strings.Contains(a, ".") {
				return fmt.Errorf("--scope: %q is not an action such as patient.read", a)
			}
			actions = append(actions, a)
		}
	}
	s, err := sf.open(ctx, env, slog.New(slog.NewJSONHandler(env.Stderr, nil)), false)
	if err != nil {
		return err
	}
	defer s.Close()
	u, err := s.UserByName(ctx, *user)
	if err != nil {
		return fmt.Errorf("no user %q", *user)
	}
	tok, hash := auth.NewToken("crt_")
	t := &chartroom.APIToken{Hash: hash, UserID: u.ID, Name: *name, Scope: actions, ExpiresAt: time.Now().Add(ttl)}
	if err := s.CreateAPIToken(ctx, t); err != nil {
		return err
	}
	if err := recordCLI(ctx, env, s, sf.data, audit.Entry{Action: audit.PermissionEdit, ObjectType: "token", ObjectID: strconv.FormatInt(t.ID, 10),
		Detail: "token for " + u.Username + " scope " + strings.Join(actions, " ")}); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "token %d for %s, scope %s, expires %s:\n%s\n", t.ID, u.Username, strings.Join(actions, ","), t.ExpiresAt.Format("2006-01-02"), tok)
	return nil
}

func parseLifetime(s string) (time.Duration, error) {
	if d, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(d)
		if err != nil || n <= 0 || n > 3650 {
			return 0, errors.New("want a number of days from 1 to 3650")
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, errors.New("want 90d or a duration such as 12h")
	}
	return d, nil
}

func tokensRevoke(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "tokens revoke", "tokens revoke [--data DIR] [--db DSN] ID", "Revoke an API token; requests with it get 401 from then on.")
	var sf storeFlags
	sf.register(fs, env)
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	id, err := strconv.ParseInt(fs.Arg(0), 10, 64)
	if fs.NArg() != 1 || err != nil {
		fs.Usage()
		return errUsage
	}
	s, err := sf.open(ctx, env, slog.New(slog.NewJSONHandler(env.Stderr, nil)), false)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.RevokeAPIToken(ctx, id); err != nil {
		return err
	}
	if err := recordCLI(ctx, env, s, sf.data, audit.Entry{Action: audit.PermissionEdit, ObjectType: "token", ObjectID: strconv.FormatInt(id, 10), Detail: "token revoked"}); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "revoked token %d\n", id)
	return nil
}
