// Command chartroom is the Chartroom health information management platform:
// one binary whose subcommands serve the web UI and APIs, load code sets,
// parse and send HL7, match patients, and look after the data.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// Env is what a command may touch of the outside world. main fills it from the
// process; tests fill it with buffers. Commands read the environment only
// through Getenv.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

// command is one subcommand of chartroom. Each file in this package that adds
// a subcommand registers it from an init function.
type command struct {
	name    string // "serve", "hl7", …
	summary string // one line for the command list
	run     func(ctx context.Context, env *Env, args []string) error
}

var commands = map[string]*command{}

func register(c *command) {
	if _, dup := commands[c.name]; dup {
		panic("chartroom: command registered twice: " + c.name)
	}
	commands[c.name] = c
}

// errUsage marks an error that should be followed by the command's help.
// Commands return flag.ErrHelp for -h/--help, which exits 0.
var errUsage = errors.New("usage")

// exitError carries a specific exit status (for example 1 for "validation
// found problems") without printing anything more.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	env := &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	err := run(ctx, env, os.Args[1:])
	stop()
	os.Exit(exitCode(env, err))
}

// exitCode reports err to the user and turns it into the process status.
func exitCode(env *Env, err error) int {
	var ee exitError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ee):
		return ee.code
	case errors.Is(err, errUsage):
		return 2
	default:
		fmt.Fprintf(env.Stderr, "chartroom: %v\n", err)
		return 1
	}
}

// run dispatches to a subcommand. It is main without the process.
func run(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				return c.run(ctx, env, []string{"--help"})
			}
		}
		printCommands(env.Stdout)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "chartroom: unknown command %q\n\n", args[0])
		printCommands(env.Stderr)
		return errUsage
	}
	return c.run(ctx, env, args[1:])
}

func printCommands(w io.Writer) {
	fmt.Fprintln(w, "Chartroom is a health information management platform.")
	fmt.Fprintln(w, "\nUsage: chartroom COMMAND [flags] [arguments]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'chartroom COMMAND --help' for a command's flags.")
}

// newFlags makes a FlagSet for a (sub)command whose help names the command,
// shows the usage line and a paragraph of description, then the flags.
func newFlags(env *Env, name, usage, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: chartroom %s\n\n%s\n", usage, strings.TrimSpace(about))
		var any bool
		fs.VisitAll(func(*flag.Flag) { any = true })
		if any {
			fmt.Fprintln(w, "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseFlags parses args, sending --help to stdout so it can be piped.
func parseFlags(env *Env, fs *flag.FlagSet, args []string) error {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(env.Stdout)
			fs.Usage()
			return flag.ErrHelp
		}
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	return nil
}

// subcommands dispatches a command with its own verbs ("codes search",
// "users add"). verbs maps a verb to its runner and one-line summary.
type verb struct {
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

func dispatch(ctx context.Context, env *Env, name string, verbs map[string]verb, args []string) error {
	usage := func(w io.Writer) {
		fmt.Fprintf(w, "Usage: chartroom %s VERB [flags] [arguments]\n\nVerbs:\n", name)
		keys := make([]string, 0, len(verbs))
		for k := range verbs {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(w, "  %-16s %s\n", k, verbs[k].summary)
		}
		fmt.Fprintf(w, "\nRun 'chartroom %s VERB --help' for a verb's flags.\n", name)
	}
	if len(args) == 0 {
		usage(env.Stderr)
		return errUsage
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.Stdout)
		return flag.ErrHelp
	}
	v, ok := verbs[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "chartroom %s: unknown verb %q\n\n", name, args[0])
		usage(env.Stderr)
		return errUsage
	}
	return v.run(ctx, env, args[1:])
}
