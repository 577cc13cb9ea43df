package sqlstore

// Queries holds an engine's fixed statements. The comment on each field gives
// the order of its arguments and of the columns it returns; the shared code
// relies on that order.
type Queries struct {
	CreateMigrations string
	SelectMigrations string // → version
	InsertMigration  string // version, applied_at

	SelectDataKeys string // → id, purpose, wrapped, master_id, active
	InsertDataKey  string // id, purpose, wrapped, master_id, active, created_at
	UpdateDataKey  string // wrapped, master_id, id

	InsertFacility   string // code, name → id
	SelectFacilities string // → id, code, name

	InsertProvider string // npi, family_norm, name, specialty, active → id
	UpdateProvider string // npi, family_norm, name, specialty, active, id
	SelectProvider string // id → provider columns

	// Patient columns, in order: id, names, birth_date, sex, flags,
	// deceased_at, merged_into, secret, version, created_at, updated_at.
	InsertPatient          string // family_norm, given_norm, birth_date, sex, names, flags, deceased_at, secret, ssn_bidx, created_at, updated_at → id
	UpdatePatient          string // family_norm, given_norm, birth_date, sex, names, flags, deceased_at, secret, ssn_bidx, updated_at, id, version (old)
	SelectPatient          string // id → patient columns
	SelectPatientIDByIdent string // facility, value → patient_id ('' facility: any)
	InsertIdentifier       string // patient_id, type, facility, value, retired
	DeleteIdentifiers      string // patient_id
	SelectIdentifiers      string // patient_id → type, facility, value, retired

	// Encounter columns: id, patient_id, facility, account, class, status,
	// admit_at, discharge_at, admit_source, disposition, attending_id,
	// service, payer, reason, version, created_at, updated_at.
	InsertEncounter string // patient_id, facility, account, class, status, admit_at, discharge_at, admit_source, disposition, attending_id, service, payer, reason, created_at, updated_at → id
	UpdateEncounter string // patient_id, facility, account, class, status, admit_at, discharge_at, admit_source, disposition, attending_id, service, payer, reason, updated_at, id, version (old)
	SelectEncounter string // id → encounter columns

	// Document columns: id, patient_id, encounter_id, type, title, author_id,
	// service_at, status, source, version, sensitivity, created_at, updated_at,
	// external_id.
	InsertDocument          string // patient_id, encounter_id, type, title, author_id, service_at, status, source, sensitivity, created_at, updated_at → id
	UpdateDocument          string // encounter_id, type, title, author_id, service_at, status, sensitivity, updated_at, id
	BumpDocumentVersion     string // version, status, updated_at, id
	SelectDocument          string // id → document columns
	SelectDocumentForUpdate string // id → version (locks the row where the engine can)
	InsertVersion           string // document_id, version, status, text, content_type, blob_sha256, size, reason, created_by, created_at
	SelectVersions          string // document_id → version columns
	SelectVersion           string // document_id, version → version columns
	InsertBlob              string // sha256, size, created_at (does nothing when present)
	InsertAmendment         string // document_id, version, text, reason, author_id, created_by, created_at → id
	SelectAmendments        string // document_id → id, document_id, version, text, reason, author_id, created_by, created_at

	// User columns: id, username, name, roles, facilities, password_hash,
	// must_change, disabled, failed_logins, locked_until, totp_secret,
	// created_at, last_login_at.
	InsertUser         string // username, name, roles, facilities, password_hash, must_change, created_at → id
	UpdateUser         string // name, roles, facilities, disabled, totp_secret, id
	SetPassword        string // password_hash, must_change, id
	SelectUser         string // id → user columns
	SelectUserByName   string // username → user columns
	SelectUsers        string // → user columns, by username
	RecordLoginFailure string // locked_until, id (increments failed_logins)
	RecordLoginSuccess string // last_login_at, id (resets failed_logins)
	InsertSession      string // token_hash, user_id, csrf, created_at, last_seen_at, expires_at, ip, user_agent
	SelectSession      string // token_hash → user_id, csrf, created_at, last_seen_at, expires_at, revoked
	TouchSession       string // last_seen_at, token_hash
	RevokeSession      string // token_hash
	RevokeUserSessions string // user_id

	InsertScan      string // filename, content_type, blob_sha256, size, uploaded_by, uploaded_at → id
	SelectScans     string // → scan columns of scans not yet indexed, oldest first
	SelectScan      string // id → id, filename, content_type, blob_sha256, size, uploaded_by, uploaded_at, document_id
	MarkScanIndexed string // document_id, id (only while not yet indexed)

	InsertBreakGlass string // user_id, patient_id, reason, purpose, granted_at, expires_at → id
	ActiveBreakGlass string // user_id, patient_id, now → count
	InsertAlert      string // kind, user_id, patient_id, detail, created_at → id
	SelectAlerts     string // open_only (bool), limit → alert columns, newest first
	AcknowledgeAlert string // acknowledged_by, acknowledged_at, id
	InsertAPIToken   string // token_hash, user_id, name, scope, created_at, expires_at → id
	SelectAPIToken   string // token_hash → id, user_id, name, scope, created_at, expires_at, revoked
	RevokeAPIToken   string // id

	// Interface message columns: id, channel, remote, sending_app,
	// sending_facility, control_id, message_type, patient_key, raw, ack,
	// ack_code, received_at, status, attempts, error, processed_at.
	SelectInboundAck string // sending_app, sending_facility, control_id → id, ack, ack_code
	ClaimInbound     string // lease_until, now, limit → message columns of the claimed rows
	FinishInbound    string // status, error, processed_at, id
	RequeueInbound   string // id: back to received, the claim undone
	SelectInbound    string // id → message columns
	FindInbound      string // status ('' any), channel ('' any), limit → message columns, newest first
	ReprocessInbound string // id (only a message in error or rejected)
	InboundStats     string // → channel, status, ack_code, count, max(received_at)

	Analyze string // refresh the planner's statistics after a bulk load

	LockPatient        string // id → merged_into (locks the row where the engine can)
	SelectPatientItems string // patient_id → kind ('encounter', 'document', 'identifier'), id, retired
	MoveEncounters     string // to patient_id, from patient_id
	MoveDocuments      string // to patient_id, from patient_id
	MoveIdentifiers    string // to patient_id, from patient_id (marks them retired)
	MarkMerged         string // merged_into (NULL to clear), updated_at, id
	InsertMerge        string // survivor_id, retired_id, reason, moved, merged_by, merged_at → id
	SelectMerge        string // id → merge columns
	SelectMerges       string // patient_id → merge columns of merges where it is survivor or retired
	UndoMerge          string // undone_by, undone_at, id
	MoveEncounterBack  string // patient_id, id, from patient_id
	MoveDocumentBack   string // patient_id, id, from patient_id
	MoveIdentifierBack string // patient_id, retired, id, from patient_id

	SelectDocumentByExternal string // patient_id, external_id → document columns
	InsertCharge             string // patient_id, encounter_id, source, line, service_date, code, code_system, modifiers, description, units, amount, diagnoses, created_at (nothing on a duplicate)
	SelectCharges            string // encounter_id → charge columns

	UpsertCodeRelease  string // id, meta, data, imported_at (replaces a release with the same id)
	SelectCodeReleases string // → meta, in import order
	SelectCodeRelease  string // id → data

	InsertRequest      string // patient_id, status, basis, received_at, due_at, data, updated_at → id
	UpdateRequest      string // status, basis, due_at, data, updated_at, id
	SelectRequest      string // id → id, data
	SelectOpenRequests string // due before, limit → id, data (not released, denied or cancelled), soonest due first
	InsertDisclosure   string // patient_id, request_id, at, basis, corrects, data, recorded_by, recorded_at → id
	SelectDisclosures  string // patient_id → id, data, in time order

	InsertAmendmentRequest string // patient_id, document_id, status, due_at, data, updated_at → id
	UpdateAmendmentRequest string // status, due_at, data, updated_at, id
	SelectAmendmentRequest string // id → data
	SelectAmendmentList    string // status ("" for any), limit → data, soonest due first

	SelectCandidateByPair  string // kind, left_id, right_id → id, status
	InsertCandidate        string // kind, left_id, right_id, probability, weight, decision, explanation, status, found_at → id
	UpdateCandidateScore   string // probability, weight, decision, explanation, id
	SelectCandidate        string // id → candidate columns
	SelectCandidates       string // status, kind, assigned_to, patient_id, limit → candidate columns, likeliest first
	UpdateCandidateAssign  string // assigned_to, id
	UpdateCandidateDecided string // status, decided_by, decided_at, note, id (only while open)

	InsertReleaseLink  string // request_id, token_hash, secret, expires_at, max_downloads, created_by, created_at → id
	TakeReleaseLink    string // token_hash, now → id, request_id, secret, downloads, max_downloads, expires_at (counts one download; none when used up, expired or revoked)
	RevokeReleaseLinks string // request_id
	SelectReleaseLink  string // token_hash → downloads, max_downloads, expires_at, revoked

	SelectRequestsReceived string // from, to → id, data received in [from, to)

	SelectAbstract       string // encounter_id → status, assigned_to, hold, data, version, updated_by, updated_at, finalised_at (locks on PostgreSQL)
	InsertAbstract       string // encounter_id, status, assigned_to, hold, data, version, updated_by, updated_at, finalised_at
	UpdateAbstract       string // status, assigned_to, hold, data, version, updated_by, updated_at, finalised_at, encounter_id
	InsertAbstractChange string // encounter_id, at, user_id, data
	SelectAbstractChange string // encounter_id → at, user_id, data in order
	SelectWorklist       string // class, service, payer, assigned_to, facility, discharged before, limit → worklist columns, oldest first

	InsertCodingAudit  string // encounter_id, status, mode, coder_id, created_at (nothing when one exists)
	SelectCodingAudit  string // encounter_id → status, mode, coder_id, auditor_id, data, created_at, done_at
	UpdateCodingAudit  string // status, auditor_id, data, done_at, encounter_id
	SelectCodingAudits string // status → encounter_id, status, mode, coder_id, auditor_id, data, created_at, done_at, oldest first

	SelectCodingActivity string // from, to → user_id, at of abstract changes
	SelectFinalised      string // from, to → updated_by, class, finalised_at of final abstracts

	UpsertSuggestionDecision  string // encounter_key, code, rule, decision, user_id, at (the latest decision wins)
	SelectSuggestionDecisions string // from, to → code, rule, decision

	SelectSetting string // key → value
	UpsertSetting string // key, value, updated_by, updated_at
}
