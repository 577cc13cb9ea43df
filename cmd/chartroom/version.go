package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is set at link time (-ldflags "-X main.version=v1.2.3"); a build
// from a checkout reports the module version or "devel".
var version = ""

func init() {
	register(&command{name: "version", summary: "print the version of this binary", run: runVersion})
}

func runVersion(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "version", "version", "Print the version of this chartroom binary and the Go release that built it.")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "chartroom %s (%s %s/%s)\n", versionString(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}
