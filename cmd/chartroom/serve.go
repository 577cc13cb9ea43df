package main

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/auth"
	"github.com/chartroom/chartroom/codeset"
	chttp "github.com/chartroom/chartroom/http"
	"github.com/chartroom/chartroom/ingest"
	"github.com/chartroom/chartroom/mllp"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/prometheus/client_golang/prometheus"
)

func init() {
	register(&command{name: "serve", summary: "run the web UI and the JSON API", run: runServe})
}

// serveConfig is what serve was asked to do.
type serveConfig struct {
	store     storeFlags
	addr      string
	demo      bool
	tlsCert   string
	tlsKey    string
	idle      time.Duration
	ready     chan<- string // tests: receives the listening address
	mllpReady chan<- string // tests: receives the MLLP address

	mllpAddr     string
	mllpMax      int
	mllpTLS      bool
	channelsFile string
	totpRoles    string
	minPassword  int
	webhook      string
	syslog       string
	syslogTLS    bool
	permissions  string
}

func runServe(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "serve", "serve [--data DIR] [--db DSN] [--http ADDR] [--demo] [--tls-cert FILE --tls-key FILE]", `
Run Chartroom: the web UI, the JSON API under /api/v1, /healthz, /readyz and
/metrics, in one process. On the first start it creates the data folder, the
database and an 'admin' account, and prints the admin's one-time password
once. With --demo it also loads a fictitious demo hospital. SIGTERM or
Ctrl-C shuts it down gracefully.`)
	var c serveConfig
	c.store.register(fs, env)
	fs.StringVar(&c.addr, "http", "127.0.0.1:8080", "address to listen on")
	fs.BoolVar(&c.demo, "demo", false, "load the fictitious demo hospital (only into an empty record)")
	fs.StringVar(&c.tlsCert, "tls-cert", "", "TLS certificate file (PEM); serve HTTPS when given with --tls-key")
	fs.StringVar(&c.tlsKey, "tls-key", "", "TLS private key file (PEM)")
	fs.DurationVar(&c.idle, "idle-timeout", 15*time.Minute, "end a session after this long without a request")
	fs.StringVar(&c.totpRoles, "require-totp", "", "comma-separated roles that must sign in with an authenticator code (enroll users first: chartroom users totp)")
	fs.IntVar(&c.minPassword, "password-min-length", 12, "the shortest password users may choose")
	fs.StringVar(&c.mllpAddr, "mllp", "", "address for the HL7 v2 MLLP listener, such as 127.0.0.1:2575 (off when empty)")
	fs.IntVar(&c.mllpMax, "mllp-max-frame", 16<<20, "largest MLLP frame accepted, in bytes")
	fs.BoolVar(&c.mllpTLS, "mllp-tls", false, "speak TLS on the MLLP listeners, with --tls-cert and --tls-key")
	fs.StringVar(&c.channelsFile, "channels", "", "a JSON file of interface channels (name, listen, allowed_senders, accept, facilities, default_facility, silent_after)")
	fs.StringVar(&c.permissions, "permissions", "", "a file of extra grants, one 'role action…' line each, extending the permission table")
	fs.StringVar(&c.syslog, "syslog", env.Getenv("CHARTROOM_SYSLOG"), "HOST:PORT of a SIEM that receives the audit trail live as RFC 5424 syslog over TCP")
	fs.BoolVar(&c.syslogTLS, "syslog-tls", false, "send the syslog stream over TLS")
	fs.StringVar(&c.webhook, "alert-webhook", env.Getenv("CHARTROOM_ALERT_WEBHOOK"), "URL that receives each privacy alert as a JSON POST")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if (c.tlsCert == "") != (c.tlsKey == "") {
		return errors.New("give both --tls-cert and --tls-key, or neither")
	}
	return serve(ctx, env, c)
}

func serve(ctx context.Context, env *Env, c serveConfig) error {
	log := slog.New(slog.NewJSONHandler(env.Stderr, nil))
	s, err := c.store.open(ctx, env, log, true)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := ensureAdmin(ctx, env, s); err != nil {
		return err
	}
	if c.demo {
		if err := loadDemo(ctx, env, s, log); err != nil {
			return err
		}
	}
	policy := auth.NewPolicy()
	if c.permissions != "" {
		b, err := os.ReadFile(c.permissions)
		if err != nil {
			return fmt.Errorf("--permissions: %w", err)
		}
		if err := policy.ParseGrants(string(b)); err != nil {
			return fmt.Errorf("--permissions %s: %w", c.permissions, err)
		}
	}
	var totpRoles []chartroom.Role
	for _, r := range strings.Split(c.totpRoles, ",") {
		if r = strings.TrimSpace(r); r == "" {
			continue
		}
		role, err := chartroom.ParseRole(r)
		if err != nil {
			return fmt.Errorf("--require-totp: %w", err)
		}
		totpRoles = append(totpRoles, role)
	}
	signer, err := audit.LoadOrCreateKey(filepath.Join(c.store.data, "keys", "audit-ed25519.key"), true)
	if err != nil {
		return err
	}
	var sinks []audit.Sink
	if c.syslog != "" {
		var tc *tls.Config
		if c.syslogTLS {
			tc = &tls.Config{MinVersion: tls.VersionTLS12}
		}
		sink := audit.NewSyslogSink(c.syslog, tc, log)
		defer sink.Close()
		sinks = append(sinks, sink)
	}
	trail := audit.NewWriter(s, signer, audit.WriterOptions{Logger: log, Sinks: sinks})
	defer func() {
		if err := trail.Close(); err != nil {
			log.Error("closing the audit trail", "err", err.Error())
		}
	}()
	// The encoder's code sets load in the background: pages say "loading"
	// until the search index is built.
	codeArchive := s.CodeArchive()
	codes := &chttp.Codes{}
	codes.Loading()
	go func() {
		start := time.Now()
		set, err := codeset.LoadArchive(ctx, codeArchive)
		codes.Use(set, err)
		if err != nil {
			log.Error("loading code sets", "err", err.Error())
		} else if !set.Empty() {
			log.Info("code sets loaded", "releases", len(set.Releases), "took", time.Since(start).String())
		}
	}()
	watcher, err := startIndex(ctx, s, s, trail, log)
	if err != nil {
		return err
	}
	patients := audit.Patients(watcher.Patients(s), trail, time.Now)
	merges := audit.Merges(watcher.Merges(s, s), trail, time.Now)
	reg := prometheus.NewRegistry()
	srv, err := chttp.NewServer(chttp.Config{
		Patients:   patients,
		Encounters: audit.Encounters(s, trail, time.Now),
		Documents:  audit.Documents(s, trail, time.Now),
		Merges:     merges,
		Matches:    s,
		Watcher:    watcher,
		Lookup:     s, Providers: s, Facilities: s, Users: s, Scans: audit.Scans(s, trail, time.Now), Access: s, Audit: trail, AuditLog: s, Interfaces: s, Codes: codes, CodeArchive: codeArchive, Releases: s, Links: s, Settings: s, AmendmentList: s, Coding: s, ReleaseDays: 30, FacilityName: facilityName(ctx, s),
		Policy: policy, Logger: log, Ready: s.Ping, IdleTimeout: c.idle, SecureCookies: c.tlsCert != "", Registry: reg,
		TOTPRoles: totpRoles, Password: auth.PasswordPolicy{MinLength: c.minPassword, RequireMixed: true}, AlertWebhook: c.webhook,
	})
	if err != nil {
		return err
	}
	// Interface messages are applied to the record after their ACK, by
	// workers that claim them from the database, so any serve node can.
	proc := &ingest.Processor{
		Record: ingest.Record{Patients: patients, Encounters: audit.Encounters(s, trail, time.Now), Documents: audit.Documents(s, trail, time.Now),
			Providers: s, Merges: merges, Charges: s},
		Queue: s, Channels: map[string]ingest.Channel{}, Log: log,
	}
	listeners, err := c.listeners()
	if err != nil {
		return err
	}
	for _, lc := range listeners {
		proc.Channels[lc.ch.Name] = lc.ch
	}
	var mllpTLS *tls.Config
	if c.mllpTLS {
		if c.tlsCert == "" {
			return errors.New("--mllp-tls needs --tls-cert and --tls-key")
		}
		cert, err := tls.LoadX509KeyPair(c.tlsCert, c.tlsKey)
		if err != nil {
			return fmt.Errorf("TLS certificate: %w", err)
		}
		mllpTLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	var receivers []*ingest.Receiver
	for _, lc := range listeners {
		recv := ingest.NewReceiver(lc.ch, s, log)
		defer recv.Close()
		receivers = append(receivers, recv)
		ms := &mllp.Server{Handler: recv, MaxFrameSize: c.mllpMax, IdleTimeout: 10 * time.Minute, WriteTimeout: 30 * time.Second, TLSConfig: mllpTLS,
			Logf: func(format string, args ...any) { log.Info("mllp: " + fmt.Sprintf(format, args...)) }}
		mln, err := net.Listen("tcp", lc.addr)
		if err != nil {
			return fmt.Errorf("cannot listen for MLLP on %s (channel %s): %w", lc.addr, lc.ch.Name, err)
		}
		go ms.Serve(mln)
		defer func() {
			sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			ms.Shutdown(sctx)
		}()
		log.Info("mllp listening", "channel", lc.ch.Name, "addr", mln.Addr().String())
		fmt.Fprintf(env.Stdout, "MLLP listener for channel %s on %s\n", lc.ch.Name, mln.Addr())
		if c.mllpReady != nil {
			c.mllpReady <- mln.Addr().String()
		}
	}
	// The receivers go first: while messages are arriving the processor
	// takes a small share of the time, and catches up when they stop.
	proc.Busy = func() bool {
		for _, r := range receivers {
			if r.Busy(50 * time.Millisecond) {
				return true
			}
		}
		return false
	}
	pctx, stopProc := context.WithCancel(ctx)
	procDone := make(chan struct{})
	go func() { proc.Run(pctx, 2); close(procDone) }()
	defer func() { stopProc(); <-procDone }()
	if len(receivers) > 0 {
		reg.MustRegister(ingestCollector{receivers})
		var chs []ingest.Channel
		for _, lc := range listeners {
			chs = append(chs, lc.ch)
		}
		go ingest.Watch(ctx, time.Minute, chs, s.ChannelStats, s.CreateAlert)
	}
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", c.addr, err)
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	scheme := "http"
	if c.tlsCert != "" {
		cert, err := tls.LoadX509KeyPair(c.tlsCert, c.tlsKey)
		if err != nil {
			return fmt.Errorf("TLS certificate: %w", err)
		}
		hs.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
		ln = tls.NewListener(ln, hs.TLSConfig)
		scheme = "https"
	}
	log.Info("chartroom listening", "url", scheme+"://"+ln.Addr().String(), "engine", s.Engine(), "version", versionString())
	fmt.Fprintf(env.Stdout, "Chartroom is running at %s://%s/\n", scheme, ln.Addr())
	if c.ready != nil {
		c.ready <- ln.Addr().String()
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return err
	}
	log.Info("stopped")
	return nil
}

// ensureAdmin creates the admin account on a new database and prints its
// one-time password once.
func ensureAdmin(ctx context.Context, env *Env, s *sqlstore.Store) error {
	us, err := s.Users(ctx)
	if err != nil {
		return err
	}
	if len(us) > 0 {
		return nil
	}
	pw := auth.NewPassword()
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return err
	}
	u := &chartroom.User{Username: "admin", Name: "Administrator", Roles: []chartroom.Role{chartroom.RoleAdmin, chartroom.RoleHIMManager},
		Facilities: []string{"*"}, PasswordHash: hash, MustChange: true}
	if err := s.CreateUser(ctx, u); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "\nCreated the admin account.\n  username: admin\n  one-time password: %s\nIt is shown only now; you will choose your own password at first sign-in.\n\n", pw)
	return nil
}

// mllpListener is a channel and the address it listens on.
type mllpListener struct {
	ch   ingest.Channel
	addr string
}

// listeners returns the interface channels: those of --channels FILE, or
// one channel "hl7" on --mllp that accepts every known type into MAIN.
func (c serveConfig) listeners() ([]mllpListener, error) {
	if c.channelsFile == "" {
		if c.mllpAddr == "" {
			return nil, nil
		}
		return []mllpListener{{ch: ingest.Channel{Name: "hl7", DefaultFacility: "MAIN"}, addr: c.mllpAddr}}, nil
	}
	f, err := os.Open(c.channelsFile)
	if err != nil {
		return nil, fmt.Errorf("--channels: %w", err)
	}
	defer f.Close()
	cfgs, chs, err := ingest.ParseChannels(f)
	if err != nil {
		return nil, fmt.Errorf("--channels %s: %w", c.channelsFile, err)
	}
	out := make([]mllpListener, len(chs))
	for i := range chs {
		out[i] = mllpListener{ch: chs[i], addr: cfgs[i].Listen}
	}
	return out, nil
}

// ingestCollector exports the MLLP receiver's counters to Prometheus.
type ingestCollector struct{ rs []*ingest.Receiver }

var (
	mllpIn       = prometheus.NewDesc("chartroom_mllp_messages_total", "MLLP frames received, by outcome.", []string{"channel", "outcome"}, nil)
	mllpLastSeen = prometheus.NewDesc("chartroom_mllp_last_message_seconds", "Unix time of the last MLLP frame.", []string{"channel"}, nil)
)

func (c ingestCollector) Describe(ch chan<- *prometheus.Desc) { ch <- mllpIn; ch <- mllpLastSeen }

func (c ingestCollector) Collect(ch chan<- prometheus.Metric) {
	for _, r := range c.rs {
		name := r.Channel()
		for outcome, v := range map[string]int64{"accepted": r.Accepted.Load(), "rejected": r.Rejected.Load(), "duplicate": r.Duplicates.Load(), "unstored": r.Unstored.Load()} {
			ch <- prometheus.MustNewConstMetric(mllpIn, prometheus.CounterValue, float64(v), name, outcome)
		}
		ch <- prometheus.MustNewConstMetric(mllpLastSeen, prometheus.GaugeValue, float64(r.Last.Load())/1e9, name)
	}
}

// facilityName is the name that heads letters and reports: the first
// facility's.
func facilityName(ctx context.Context, s *sqlstore.Store) string {
	if fs, err := s.Facilities(ctx); err == nil && len(fs) > 0 {
		return fs[0].Name
	}
	return "Chartroom"
}
