package http

import (
	"net/http"

	"github.com/chartroom/chartroom/auth"
)

// rule is a route's authorization rule. Every route has one; a test walks
// every route with every role and checks the answer against the policy.
type rule struct {
	public bool        // no sign-in needed
	action auth.Action // the action the user's roles must grant; "" means any signed-in user
	api    bool        // JSON errors rather than HTML pages
}

var (
	public   = rule{public: true}
	signedIn = rule{}
)

func can(a auth.Action) rule    { return rule{action: a} }
func apiCan(a auth.Action) rule { return rule{action: a, api: true} }

// route is one entry of the surface: a ServeMux pattern, its rule and its
// handler.
type route struct {
	pattern string
	rule    rule
	handle  func(w http.ResponseWriter, r *http.Request) error
}

// routeTable lists Chartroom's whole HTTP surface.
func (s *Server) routeTable() []route {
	return []route{
		// Operations.
		{"GET /healthz", public, s.handleHealthz},
		{"GET /readyz", public, s.handleReadyz},
		{"GET /metrics", public, s.handleMetrics},

		// Sign-in.
		{"GET /login", public, s.handleLoginPage},
		{"POST /login", public, s.handleLogin},
		{"POST /logout", signedIn, s.handleLogout},
		{"GET /account/password", signedIn, s.handlePasswordPage},
		{"POST /account/password", signedIn, s.handlePasswordChange},

		// Web UI.
		{"GET /{$}", signedIn, s.handleHome},
		{"GET /patients", can(auth.PatientRead), s.handlePatientsPage},
		{"GET /patients/new", can(auth.PatientWrite), s.handleRegisterPage},
		{"POST /patients/new", can(auth.PatientWrite), s.handleRegister},
		{"GET /patients/{id}", can(auth.PatientRead), s.handleChartPage},
		{"GET /duplicates", can(auth.PatientMerge), s.handleDuplicatesPage},
		{"POST /duplicates/scan", can(auth.PatientMerge), s.handleDuplicateScan},
		{"GET /duplicates/{id}", can(auth.PatientMerge), s.handleDuplicatePage},
		{"POST /duplicates/{id}/merge", can(auth.PatientMerge), s.handleDuplicateMerge},
		{"POST /duplicates/{id}/decision", can(auth.PatientMerge), s.handleDuplicateDecide},
		{"POST /duplicates/{id}/assign", can(auth.PatientMerge), s.handleDuplicateAssign},
		{"POST /patients/{id}/break-glass", can(auth.PatientRead), s.handleBreakGlass},
		{"GET /privacy", can(auth.AuditRead), s.handlePrivacyPage},
		{"GET /privacy/patients/{id}/access", can(auth.AuditRead), s.handlePatientAccess},
		{"GET /privacy/users/{id}/access", can(auth.AuditRead), s.handleUserAccess},
		{"GET /privacy/monitor", can(auth.AuditRead), s.handleMonitor},
		{"GET /privacy/alerts", can(auth.AuditRead), s.handleAlertsPage},
		{"POST /privacy/alerts/{id}/ack", can(auth.AuditRead), s.handleAlertAck},
		{"GET /documents/{id}/content", can(auth.DocumentRead), s.handleDocumentContent},
		{"GET /scans", can(auth.DocumentIndex), s.handleScansPage},
		{"POST /scans", can(auth.DocumentIndex), s.handleScanUpload},
		{"GET /scans/{id}/content", can(auth.DocumentIndex), s.handleScanContent},
		{"POST /scans/{id}/index", can(auth.DocumentIndex), s.handleScanIndex},
		{"GET /admin/users", can(auth.UserAdmin), s.handleUsersPage},
		{"GET /codes", can(auth.CodesRead), s.handleCodesPage},
		{"GET /codes/validate", can(auth.CodesRead), s.handleCodesValidatePage},
		{"POST /codes/validate", can(auth.CodesRead), s.handleCodesValidate},
		{"GET /codes/diff", can(auth.CodesRead), s.handleCodesDiffPage},
		{"GET /coding", can(auth.CodingRead), s.handleCodingPage},
		{"GET /coding/reports", can(auth.CodingRead), s.handleCodingReports},
		{"GET /coding/{id}", can(auth.CodingRead), s.handleWorkbench},
		{"POST /coding/{id}", can(auth.CodingWrite), s.handleWorkbenchSave},
		{"GET /coding/{id}/review", can(auth.CodingWrite), s.handleReviewPage},
		{"POST /coding/{id}/review", can(auth.CodingWrite), s.handleReviewSave},
		{"GET /releases", can(auth.ReleaseRead), s.handleReleasesPage},
		{"POST /releases", can(auth.ReleaseWrite), s.handleReleaseIntake},
		{"GET /releases/turnaround", can(auth.ReleaseRead), s.handleTurnaround},
		{"GET /amendments", can(auth.ReleaseRead), s.handleAmendmentsPage},
		{"GET /amendments/new", can(auth.ReleaseWrite), s.handleAmendmentNew},
		{"POST /amendments", can(auth.ReleaseWrite), s.handleAmendmentCreate},
		{"GET /amendments/{id}", can(auth.ReleaseRead), s.handleAmendmentPage},
		{"POST /amendments/{id}/decision", can(auth.DocumentWrite), s.handleAmendmentDecide},
		{"GET /releases/{id}", can(auth.ReleaseRead), s.handleReleasePage},
		{"POST /releases/{id}/status", can(auth.ReleaseWrite), s.handleReleaseMove},
		{"GET /releases/{id}/packet", can(auth.ReleaseRead), s.handleReleasePacket},
		{"GET /releases/{id}/invoice", can(auth.ReleaseRead), s.handleInvoice},
		{"GET /admin/fees", can(auth.ReleaseAdmin), s.handleFeesPage},
		{"POST /admin/fees", can(auth.ReleaseAdmin), s.handleFeesSave},
		{"POST /releases/{id}/redactions", can(auth.ReleaseWrite), s.handleRedaction},
		{"POST /releases/{id}/authorization-scan", can(auth.ReleaseWrite), s.handleAuthorizationScan},
		{"POST /releases/{id}/link", can(auth.ReleaseWrite), s.handleReleaseLink},
		{"GET /release-download/{token}", public, s.handleReleaseDownload},
		{"GET /admin/codes", can(auth.CodesAdmin), s.handleCodesAdmin},
		{"POST /admin/codes/import", can(auth.CodesAdmin), s.handleCodesImport},
		{"GET /interfaces", can(auth.InterfaceMonitor), s.handleInterfacesPage},
		{"GET /interfaces/messages/{id}", can(auth.InterfaceMonitor), s.handleInterfaceMessage},
		{"POST /interfaces/messages/{id}/reprocess", can(auth.InterfaceMonitor), s.handleReprocess},

		// JSON API.
		{"GET /api/v1/openapi.json", public, s.handleOpenAPI},
		{"GET /api/v1/patients", apiCan(auth.PatientRead), s.apiFindPatients},
		{"POST /api/v1/patients", apiCan(auth.PatientWrite), s.apiCreatePatient},
		{"POST /api/v1/patients/check", apiCan(auth.PatientWrite), s.apiCheckPatient},
		{"GET /api/v1/duplicates", apiCan(auth.PatientMerge), s.apiDuplicates},
		{"POST /api/v1/duplicates/{id}/decision", apiCan(auth.PatientMerge), s.apiDecideDuplicate},
		{"GET /api/v1/patients/{id}", apiCan(auth.PatientRead), s.apiGetPatient},
		{"PUT /api/v1/patients/{id}", apiCan(auth.PatientWrite), s.apiUpdatePatient},
		{"POST /api/v1/patients/{id}/merge", apiCan(auth.PatientMerge), s.apiMerge},
		{"GET /api/v1/patients/{id}/merges", apiCan(auth.PatientRead), s.apiMerges},
		{"POST /api/v1/merges/{id}/unmerge", apiCan(auth.PatientMerge), s.apiUnmerge},
		{"GET /api/v1/codes/search", apiCan(auth.CodesRead), s.apiCodeSearch},
		{"GET /api/v1/codes/validate", apiCan(auth.CodesRead), s.apiCodeValidate},
		{"GET /api/v1/codes/pcs", apiCan(auth.CodesRead), s.apiPCSNext},
		{"GET /api/v1/codes/diff", apiCan(auth.CodesRead), s.apiCodeDiff},
		{"GET /api/v1/codes/{code}", apiCan(auth.CodesRead), s.apiCodeShow},
		{"POST /api/v1/releases", apiCan(auth.ReleaseWrite), s.apiCreateRelease},
		{"GET /api/v1/releases/due", apiCan(auth.ReleaseRead), s.apiDueReleases},
		{"GET /api/v1/releases/turnaround", apiCan(auth.ReleaseRead), s.handleTurnaround},
		{"GET /api/v1/releases/{id}", apiCan(auth.ReleaseRead), s.apiGetRelease},
		{"POST /api/v1/releases/{id}/status", apiCan(auth.ReleaseWrite), s.apiMoveRelease},
		{"GET /api/v1/releases/{id}/packet", apiCan(auth.ReleaseRead), s.handleReleasePacket},
		{"POST /api/v1/releases/{id}/redactions", apiCan(auth.ReleaseWrite), s.handleRedaction},
		{"POST /api/v1/releases/{id}/link", apiCan(auth.ReleaseWrite), s.handleReleaseLink},
		{"POST /api/v1/patients/{id}/disclosures", apiCan(auth.ReleaseWrite), s.apiLogDisclosure},
		{"GET /api/v1/patients/{id}/accounting", apiCan(auth.ReleaseRead), s.apiAccounting},
		{"POST /api/v1/documents/{id}/amendment-requests", apiCan(auth.ReleaseWrite), s.apiRequestAmendment},
		{"POST /api/v1/amendment-requests/{id}/decision", apiCan(auth.DocumentWrite), s.apiDecideAmendment},
		{"GET /api/v1/encounters", apiCan(auth.EncounterRead), s.apiFindEncounters},
		{"POST /api/v1/encounters", apiCan(auth.EncounterWrite), s.apiCreateEncounter},
		{"GET /api/v1/encounters/{id}", apiCan(auth.EncounterRead), s.apiGetEncounter},
		{"GET /api/v1/encounters/{id}/abstract", apiCan(auth.CodingRead), s.apiGetAbstract},
		{"PUT /api/v1/encounters/{id}/abstract", apiCan(auth.CodingWrite), s.apiSaveAbstract},
		{"POST /api/v1/encounters/{id}/abstract/finalise", apiCan(auth.CodingWrite), s.apiFinaliseAbstract},
		{"POST /api/v1/encounters/{id}/abstract/rebill", apiCan(auth.CodingWrite), s.apiRebillAbstract},
		{"POST /api/v1/encounters/{id}/abstract/assign", apiCan(auth.CodingWrite), s.apiAssignAbstract},
		{"GET /api/v1/encounters/{id}/abstract/changes", apiCan(auth.CodingRead), s.apiAbstractChanges},
		{"GET /api/v1/coding/worklist", apiCan(auth.CodingRead), s.apiCodingWorklist},
		{"GET /api/v1/coding/dnfb", apiCan(auth.CodingRead), s.apiDNFB},
		{"GET /api/v1/coding/audits", apiCan(auth.CodingWrite), s.apiCodingAudits},
		{"POST /api/v1/encounters/{id}/abstract/review", apiCan(auth.CodingWrite), s.apiRecordCodingAudit},
		{"GET /api/v1/coding/accuracy", apiCan(auth.CodingRead), s.apiCoderAccuracy},
		{"GET /api/v1/coding/productivity", apiCan(auth.CodingRead), s.apiCodingProductivity},
		{"POST /api/v1/encounters/{id}/suggestions", apiCan(auth.CodingWrite), s.apiSuggestionDecision},
		{"GET /api/v1/coding/acceptance", apiCan(auth.CodingRead), s.apiAcceptanceRates},
		{"PUT /api/v1/encounters/{id}", apiCan(auth.EncounterWrite), s.apiUpdateEncounter},
		{"GET /api/v1/providers", apiCan(auth.ProviderRead), s.apiFindProviders},
		{"POST /api/v1/providers", apiCan(auth.ProviderWrite), s.apiCreateProvider},
		{"GET /api/v1/providers/{id}", apiCan(auth.ProviderRead), s.apiGetProvider},
		{"PUT /api/v1/providers/{id}", apiCan(auth.ProviderWrite), s.apiUpdateProvider},
		{"GET /api/v1/documents", apiCan(auth.DocumentRead), s.apiFindDocuments},
		{"POST /api/v1/documents", apiCan(auth.DocumentWrite), s.apiCreateDocument},
		{"GET /api/v1/documents/{id}", apiCan(auth.DocumentRead), s.apiGetDocument},
		{"PUT /api/v1/documents/{id}", apiCan(auth.DocumentWrite), s.apiUpdateDocument},
		{"GET /api/v1/documents/{id}/versions", apiCan(auth.DocumentRead), s.apiDocumentVersions},
		{"POST /api/v1/documents/{id}/versions", apiCan(auth.DocumentWrite), s.apiAddVersion},
		{"GET /api/v1/documents/{id}/content", apiCan(auth.DocumentRead), s.apiDocumentContent},
		{"POST /api/v1/documents/{id}/amendments", apiCan(auth.DocumentWrite), s.apiAddAmendment},
		{"GET /api/v1/documents/{id}/amendments", apiCan(auth.DocumentRead), s.apiAmendments},
	}
}
