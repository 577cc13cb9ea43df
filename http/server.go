// Package http serves Chartroom's web UI and JSON API. One routes.go lists
// every route with its authorization rule; handlers return errors to one
// adapter that writes the response, so error handling, authorization,
// CSRF checks and security headers live in one place each.
package http

import (
	"context"
	"embed"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/auth"
	"github.com/chartroom/chartroom/codeset"
	"github.com/chartroom/chartroom/mpi"
	"github.com/chartroom/chartroom/roi"
	"github.com/prometheus/client_golang/prometheus"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets
var assetFS embed.FS

// Config is what the server needs. Services should be decorated with the
// audit recorder before they are handed over.
type Config struct {
	Patients chartroom.PatientService
	// Lookup reads patients for authorization decisions without recording
	// a read: the request's own read is what the audit trail records.
	Lookup     chartroom.PatientService
	Encounters chartroom.EncounterService
	Documents  chartroom.DocumentService
	Providers  chartroom.ProviderService
	Facilities chartroom.FacilityService
	Users      chartroom.UserService
	Scans      chartroom.ScanService
	Access     chartroom.AccessService
	Merges     chartroom.MergeService
	Interfaces chartroom.InterfaceService
	// Matches keeps the duplicate worklist; Watcher checks registrations
	// against the master patient index (both optional).
	Matches chartroom.MatchService
	Watcher *mpi.Watcher
	Codes   *Codes
	// Releases keeps release-of-information requests and disclosures.
	Releases Releases
	// Links keeps the expiring download links of released packets.
	Links ReleaseLinks
	// Coding keeps coding abstracts and the coding worklists.
	Coding CodingStore
	// AmendmentList lists patients' amendment requests.
	AmendmentList Amendments
	// Settings keeps what an administrator sets in the UI (the fee
	// schedule); Fees is the default until one is set.
	Settings Settings
	// ReleaseDays is the site's deadline for requests other than patient
	// access (default 30); Fees is its fee schedule.
	ReleaseDays int
	Fees        roi.FeeSchedule
	// FacilityName heads letters and reports.
	FacilityName string
	// CodeArchive keeps imported releases; the admin page imports into it.
	CodeArchive codeset.Archive
	// AlertWebhook, when set, receives each privacy alert as a JSON POST.
	AlertWebhook string
	Audit        audit.Recorder
	AuditLog     AuditReader
	Policy       *auth.Policy
	Logger       *slog.Logger
	Now          func() time.Time
	// Ready reports whether the server can take traffic (database reachable).
	Ready func(ctx context.Context) error
	// IdleTimeout ends a session after this long without a request
	// (default 15 minutes).
	IdleTimeout time.Duration
	// SecureCookies marks cookies Secure; set when serving TLS.
	SecureCookies bool
	// Registry receives the server's metrics; nil for a private one.
	Registry *prometheus.Registry
	// LoginLimit is how many sign-in attempts one address may make per
	// minute (default 10).
	LoginLimit int
	// LockAfter locks an account after this many failed sign-ins in a row
	// (default 5), for LockFor (default 15 minutes).
	LockAfter int
	LockFor   time.Duration
	Password  auth.PasswordPolicy
	// TOTPRoles lists roles that must sign in with a second factor.
	TOTPRoles []chartroom.Role
}

// AuditReader answers the privacy officer's questions of the audit trail.
type AuditReader interface {
	AuditByPatient(ctx context.Context, patientID int64, limit int) ([]*audit.Entry, error)
	AuditByUser(ctx context.Context, userID int64, from, to time.Time, limit int) ([]*audit.Entry, error)
	AuditSince(ctx context.Context, from time.Time, limit int) ([]*audit.Entry, error)
}

// Server is the HTTP side of Chartroom. Create it with NewServer.
type Server struct {
	Config
	mux     *http.ServeMux
	pages   map[string]*template.Template
	metrics *metrics
	limiter *limiter
	routes  []route
	alerted onceLog
}

// NewServer returns the server with every route registered.
func NewServer(c Config) (*Server, error) {
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.IdleTimeout == 0 {
		c.IdleTimeout = 15 * time.Minute
	}
	if c.Policy == nil {
		c.Policy = auth.NewPolicy()
	}
	if c.LoginLimit == 0 {
		c.LoginLimit = 10
	}
	if c.LockAfter == 0 {
		c.LockAfter = 5
	}
	if c.LockFor == 0 {
		c.LockFor = 15 * time.Minute
	}
	if c.Password.MinLength == 0 {
		c.Password = auth.DefaultPasswordPolicy
	}
	if c.FacilityName == "" {
		c.FacilityName = "Chartroom"
	}
	if c.Registry == nil {
		c.Registry = prometheus.NewRegistry()
	}
	s := &Server{Config: c, mux: http.NewServeMux(), limiter: newLimiter(c.LoginLimit, time.Minute, c.Now)}
	var err error
	if s.pages, err = parsePages(); err != nil {
		return nil, err
	}
	s.metrics = newMetrics(c.Registry)
	s.routes = s.routeTable()
	for _, rt := range s.routes {
		s.mux.Handle(rt.pattern, s.wrap(rt))
	}
	static, _ := fs.Sub(assetFS, "assets")
	s.mux.Handle("GET /assets/", securityHeaders(http.StripPrefix("/assets/", cacheAssets(http.FileServerFS(static)))))
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mux.ServeHTTP(w, r)
}

func cacheAssets(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		h.ServeHTTP(w, r)
	})
}
