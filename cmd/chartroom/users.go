package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/auth"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
)

func init() {
	register(&command{name: "users", summary: "add, list, disable users and reset passwords", run: runUsers})
}

func runUsers(ctx context.Context, env *Env, args []string) error {
	return dispatch(ctx, env, "users", map[string]verb{
		"add":            {"add a user with a one-time password", usersAdd},
		"list":           {"list users", usersList},
		"disable":        {"disable a user and end their sessions", usersDisable},
		"reset-password": {"give a user a new one-time password", usersReset},
		"totp":           {"enroll a user in an authenticator app (TOTP)", usersTOTP},
	}, args)
}

func usersAdd(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "users add", "users add [--data DIR] [--db DSN] --roles ROLE[,ROLE] [--facilities CODE,…|*] [--name NAME] USERNAME", `
Add a user. A one-time password is printed once; the user must choose their
own at first sign-in. Roles: `+roleList()+`.`)
	var sf storeFlags
	sf.register(fs, env)
	roles := fs.String("roles", "", "comma-separated roles (required)")
	facilities := fs.String("facilities", "*", "comma-separated facility codes the user works at, or * for all")
	name := fs.String("name", "", "the person's name (default: the username)")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	u := &chartroom.User{Username: fs.Arg(0), Name: *name, MustChange: true}
	if u.Name == "" {
		u.Name = u.Username
	}
	for _, r := range strings.Split(*roles, ",") {
		if strings.TrimSpace(r) == "" {
			continue
		}
		role, err := chartroom.ParseRole(r)
		if err != nil {
			return fmt.Errorf("--roles: %w", err)
		}
		u.Roles = append(u.Roles, role)
	}
	if len(u.Roles) == 0 {
		return errors.New("--roles is required: " + roleList())
	}
	for _, f := range strings.Split(*facilities, ",") {
		if f = strings.TrimSpace(f); f != "" {
			u.Facilities = append(u.Facilities, strings.ToUpper(f))
		}
	}
	s, err := sf.open(ctx, env, slog.New(slog.NewJSONHandler(env.Stderr, nil)), false)
	if err != nil {
		return err
	}
	defer s.Close()
	pw := auth.NewPassword()
	if u.PasswordHash, err = auth.HashPassword(pw); err != nil {
		return err
	}
	if err := s.CreateUser(ctx, u); err != nil {
		return err
	}
	if err := recordCLI(ctx, env, s, sf.data, audit.Entry{Action: audit.PermissionEdit, ObjectType: "user", ObjectID: strconv.FormatInt(u.ID, 10),
		Detail: "user added with roles " + *roles + " at " + *facilities}); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "added %s; one-time password: %s\n", u.Username, pw)
	return nil
}

func roleList() string {
	var rs []string
	for _, r := range chartroom.Roles() {
		rs = append(rs, string(r))
	}
	return strings.Join(rs, ", ")
}

func usersList(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "users list", "users list [--data DIR] [--db DSN]", "List users with their roles, facilities and status.")
	var sf storeFlags
	sf.register(fs, env)
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	s, err := sf.open(ctx, env, slog.New(slog.NewJSONHandler(env.Stderr, nil)), false)
	if err != nil {
		return err
	}
	defer s.Close()
	us, err := s.Users(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "USERNAME\tNAME\tROLES\tFACILITIES\tSTATUS")
	for _, u := range us {
		status := "active"
		switch {
		case u.Disabled:
			status = "disabled"
		case u.LockedUntil != nil:
			status = "locked until " + u.LockedUntil.Format("2006-01-02 15:04")
		case u.MustChange:
			status = "one-time password"
		}
		var roles []string
		for _, r := range u.Roles {
			roles = append(roles, string(r))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", u.Username, u.Name, strings.Join(roles, ","), strings.Join(u.Facilities, ","), status)
	}
	return tw.Flush()
}

func usersDisable(ctx context.Context, env *Env, args []string) error {
	return onUser(ctx, env, args, "users disable", "users disable [--data DIR] [--db DSN] USERNAME", "Disable a user and end every session they have.", nil,
		func(s *sqlstore.Store, sf storeFlags, u *chartroom.User) error {
			u.Disabled = true
			if err := s.UpdateUser(ctx, u); err != nil {
				return err
			}
			if err := s.RevokeUserSessions(ctx, u.ID); err != nil {
				return err
			}
			if err := recordCLI(ctx, env, s, sf.data, audit.Entry{Action: audit.PermissionEdit, ObjectType: "user", ObjectID: strconv.FormatInt(u.ID, 10), Detail: "user disabled"}); err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "disabled %s and ended their sessions\n", u.Username)
			return nil
		})
}

func usersReset(ctx context.Context, env *Env, args []string) error {
	return onUser(ctx, env, args, "users reset-password", "users reset-password [--data DIR] [--db DSN] USERNAME",
		"Give a user a new one-time password (printed once), unlock the account and end their sessions.", nil,
		func(s *sqlstore.Store, sf storeFlags, u *chartroom.User) error {
			pw := auth.NewPassword()
			hash, err := auth.HashPassword(pw)
			if err != nil {
				return err
			}
			if err := s.SetPassword(ctx, u.ID, hash, true); err != nil {
				return err
			}
			if err := s.RevokeUserSessions(ctx, u.ID); err != nil {
				return err
			}
			if err := recordCLI(ctx, env, s, sf.data, audit.Entry{Action: audit.PermissionEdit, ObjectType: "user", ObjectID: strconv.FormatInt(u.ID, 10), Detail: "password reset"}); err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "new one-time password for %s: %s\n", u.Username, pw)
			return nil
		})
}

func usersTOTP(ctx context.Context, env *Env, args []string) error {
	var remove *bool
	return onUser(ctx, env, args, "users totp", "users totp [--data DIR] [--db DSN] [--remove] USERNAME", `
Enroll a user in a time-based one-time password (RFC 6238) second factor.
Prints the secret and an otpauth:// URL to enter in an authenticator app;
from then on the user signs in with a six-digit code too. --remove takes
the second factor away.`, func(fs *flag.FlagSet) { remove = fs.Bool("remove", false, "remove the user's second factor") },
		func(s *sqlstore.Store, sf storeFlags, u *chartroom.User) error {
			detail := "second factor removed"
			var key *otp.Key
			if *remove {
				u.TOTPSecret = ""
			} else {
				var err error
				if key, err = totp.Generate(totp.GenerateOpts{Issuer: "Chartroom", AccountName: u.Username}); err != nil {
					return err
				}
				u.TOTPSecret, detail = key.Secret(), "second factor enrolled"
			}
			if err := s.UpdateUser(ctx, u); err != nil {
				return err
			}
			if err := recordCLI(ctx, env, s, sf.data, audit.Entry{Action: audit.PermissionEdit, ObjectType: "user", ObjectID: strconv.FormatInt(u.ID, 10), Detail: detail}); err != nil {
				return err
			}
			if key == nil {
				fmt.Fprintf(env.Stdout, "removed the second factor of %s\n", u.Username)
				return nil
			}
			fmt.Fprintf(env.Stdout, "secret: %s\nurl: %s\n", key.Secret(), key.URL())
			return nil
		})
}

// onUser runs a verb that acts on one named user: it parses the flags
// (setup may add its own), opens the store, finds the user and calls fn.
func onUser(ctx context.Context, env *Env, args []string, name, usage, about string, setup func(fs *flag.FlagSet),
	fn func(s *sqlstore.Store, sf storeFlags, u *chartroom.User) error) error {
	fs := newFlags(env, name, usage, about)
	var sf storeFlags
	sf.register(fs, env)
	if setup != nil {
		setup(fs)
	}
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	s, err := sf.open(ctx, env, slog.New(slog.NewJSONHandler(env.Stderr, nil)), false)
	if err != nil {
		return err
	}
	defer s.Close()
	u, err := s.UserByName(ctx, fs.Arg(0))
	if err != nil {
		return fmt.Errorf("no user %q", fs.Arg(0))
	}
	return fn(s, sf, u)
}
