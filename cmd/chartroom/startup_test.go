package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStartupErrors checks that each way start-up can fail ends in one
// clear sentence, not a stack of internals.
func TestStartupErrors(t *testing.T) {
	ro := filepath.Join(t.TempDir(), "ro")
	os.MkdirAll(ro, 0o500)
	if os.Geteuid() == 0 {
		// root writes anywhere; use a path under a regular file instead.
		f := filepath.Join(t.TempDir(), "file")
		os.WriteFile(f, nil, 0o600)
		ro = filepath.Join(f, "data")
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unwritable data folder", []string{"migrate", "--data", ro}, "cannot create the data folder"},
		{"unreachable database", []string{"migrate", "--data", t.TempDir(), "--db", "postgres://nobody@127.0.0.1:1/none?connect_timeout=2"}, "cannot reach PostgreSQL"},
		{"not a DSN", []string{"migrate", "--data", t.TempDir(), "--db", "mysql:3306"}, "must be a PostgreSQL DSN"},
		{"bad flag", []string{"serve", "--no-such-flag"}, "flag provided but not defined"},
		{"unknown command", []string{"frobnicate"}, "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := run1(t, nil, tt.args...)
			msg := out
			if err != nil {
				msg += err.Error()
			}
			if err == nil || !strings.Contains(msg, tt.want) {
				t.Errorf("got %v\n%s\nwant an error saying %q", err, out, tt.want)
			}
			if err != nil && strings.Count(err.Error(), "\n") > 0 {
				t.Errorf("error is more than one line: %q", err)
			}
		})
	}
}

// TestHelpEverywhere asks every command and verb for --help.
func TestHelpEverywhere(t *testing.T) {
	for name := range commands {
		out, err := run1(t, nil, name, "--help")
		if err != nil && !strings.Contains(err.Error(), "help") {
			t.Errorf("%s --help: %v", name, err)
		}
		if !strings.Contains(out, "Usage: chartroom "+name) {
			t.Errorf("%s --help printed:\n%s", name, out)
		}
	}
}
