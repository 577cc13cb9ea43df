package sqlite

import (
	"strings"

	"github.com/chartroom/chartroom/sqlstore"
)

const (
	patientCols   = `p.id, p.names, p.birth_date, p.sex, p.flags, p.deceased_at, p.merged_into, p.secret, p.version, p.created_at, p.updated_at`
	encounterCols = `id, patient_id, facility, account, class, status, admit_at, discharge_at, admit_source, disposition, attending_id, service, payer, reason, version, created_at, updated_at`
	documentCols  = `id, patient_id, encounter_id, type, title, author_id, service_at, status, source, version, sensitivity, created_at, updated_at, external_id`
	versionCols   = `document_id, version, status, text, content_type, blob_sha256, size, reason, created_by, created_at`
	userCols      = `id, username, name, roles, facilities, password_hash, must_change, disabled, failed_logins, locked_until, totp_secret, created_at, last_login_at`
	providerCols  = `id, npi, name, specialty, active`
	scanCols      = `id, filename, content_type, blob_sha256, size, uploaded_by, uploaded_at, document_id`
)

var queries = sqlstore.Queries{
	CreateMigrations: `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`,
	SelectMigrations: `SELECT version FROM schema_migrations`,
	InsertMigration:  `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`,

	SelectDataKeys: `SELECT id, purpose, wrapped, master_id, active FROM data_keys ORDER BY id`,
	InsertDataKey:  `INSERT INTO data_keys (id, purpose, wrapped, master_id, active, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
	UpdateDataKey:  `UPDATE data_keys SET wrapped = ?, master_id = ? WHERE id = ?`,

	InsertFacility:   `INSERT INTO facilities (code, name) VALUES (?, ?) RETURNING id`,
	SelectFacilities: `SELECT id, code, name FROM facilities ORDER BY code`,

	InsertProvider: `INSERT INTO providers (npi, family_norm, name, specialty, active) VALUES (?, ?, ?, ?, ?) RETURNING id`,
	UpdateProvider: `UPDATE providers SET npi = ?, family_norm = ?, name = ?, specialty = ?, active = ? WHERE id = ?`,
	SelectProvider: `SELECT ` + providerCols + ` FROM providers WHERE id = ?`,

	InsertPatient: `INSERT INTO patients (family_norm, given_norm, birth_date, sex, names, flags, deceased_at, secret, ssn_bidx, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
	UpdatePatient: `UPDATE patients SET family_norm = ?, given_norm = ?, birth_date = ?, sex = ?, names = ?, flags = ?, deceased_at = ?, secret = ?, ssn_bidx = ?,
		updated_at = ?, version = version + 1 WHERE id = ? AND version = ?`,
	SelectPatient:          `SELECT ` + patientCols + ` FROM patients p WHERE p.id = ?`,
	SelectPatientIDByIdent: `SELECT patient_id FROM patient_identifiers WHERE (?1 = '' OR facility = ?1) AND value = ?2 ORDER BY retired, id LIMIT 1`,
	InsertIdentifier:       `INSERT INTO patient_identifiers (patient_id, type, facility, value, retired) VALUES (?, ?, ?, ?, ?)`,
	DeleteIdentifiers:      `DELETE FROM patient_identifiers WHERE patient_id = ?`,
	SelectIdentifiers:      `SELECT type, facility, value, retired FROM patient_identifiers WHERE patient_id = ? ORDER BY retired, id`,

	InsertEncounter: `INSERT INTO encounters (patient_id, facility, account, class, status, admit_at, discharge_at, admit_source, disposition, attending_id, service, payer, reason, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
	UpdateEncounter: `UPDATE encounters SET patient_id = ?, facility = ?, account = ?, class = ?, status = ?, admit_at = ?, discharge_at = ?, admit_source = ?, disposition = ?,
		attending_id = ?, service = ?, payer = ?, reason = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?`,
	SelectEncounter: `SELECT ` + encounterCols + ` FROM encounters WHERE id = ?`,

	InsertDocument: `INSERT INTO documents (patient_id, encounter_id, type, title, author_id, service_at, status, source, sensitivity, created_at, updated_at, external_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
	UpdateDocument:          `UPDATE documents SET encounter_id = ?, type = ?, title = ?, author_id = ?, service_at = ?, status = ?, sensitivity = ?, updated_at = ? WHERE id = ?`,
	BumpDocumentVersion:     `UPDATE documents SET version = ?, status = ?, updated_at = ? WHERE id = ?`,
	SelectDocument:          `SELECT ` + documentCols + ` FROM documents WHERE id = ?`,
	SelectDocumentForUpdate: `SELECT version FROM documents WHERE id = ?`, // the write transaction already holds the database lock
	InsertVersion: `INSERT INTO document_versions (document_id, version, status, text, content_type, blob_sha256, size, reason, created_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	SelectVersions:   `SELECT ` + versionCols + ` FROM document_versions WHERE document_id = ? ORDER BY version`,
	SelectVersion:    `SELECT ` + versionCols + ` FROM document_versions WHERE document_id = ? AND version = ?`,
	InsertBlob:       `INSERT INTO blobs (sha256, size, created_at) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
	InsertAmendment:  `INSERT INTO amendments (document_id, version, text, reason, author_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
	SelectAmendments: `SELECT id, document_id, version, text, reason, author_id, created_by, created_at FROM amendments WHERE document_id = ? ORDER BY id`,

	InsertUser:         `INSERT INTO users (username, name, roles, facilities, password_hash, must_change, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
	UpdateUser:         `UPDATE users SET name = ?, roles = ?, facilities = ?, disabled = ?, totp_secret = ? WHERE id = ?`,
	SetPassword:        `UPDATE users SET password_hash = ?, must_change = ?, failed_logins = 0, locked_until = NULL WHERE id = ?`,
	SelectUser:         `SELECT ` + userCols + ` FROM users WHERE id = ?`,
	SelectUserByName:   `SELECT ` + userCols + ` FROM users WHERE username = ?`,
	SelectUsers:        `SELECT ` + userCols + ` FROM users ORDER BY username`,
	RecordLoginFailure: `UPDATE users SET failed_logins = failed_logins + 1, locked_until = ? WHERE id = ?`,
	RecordLoginSuccess: `UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?`,
	InsertSession:      `INSERT INTO sessions (token_hash, user_id, csrf, created_at, last_seen_at, expires_at, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
	SelectSession:      `SELECT user_id, csrf, created_at, last_seen_at, expires_at, revoked FROM sessions WHERE token_hash = ?`,
	TouchSession:       `UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?`,
	RevokeSession:      `UPDATE sessions SET revoked = 1 WHERE token_hash = ?`,
	RevokeUserSessions: `UPDATE sessions SET revoked = 1 WHERE user_id = ?`,

	InsertScan:      `INSERT INTO scans (filename, content_type, blob_sha256, size, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
	SelectScans:     `SELECT ` + scanCols + ` FROM scans WHERE document_id IS NULL ORDER BY id`,
	SelectScan:      `SELECT ` + scanCols + ` FROM scans WHERE id = ?`,
	MarkScanIndexed: `UPDATE scans SET document_id = ? WHERE id = ? AND document_id IS NULL`,

	InsertBreakGlass: `INSERT INTO break_glass (user_id, patient_id, reason, purpose, granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
	ActiveBreakGlass: `SELECT count(*) FROM break_glass WHERE user_id = ? AND patient_id = ? AND expires_at > ?`,
	InsertAlert:      `INSERT INTO alerts (kind, user_id, patient_id, detail, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`,
	SelectAlerts: `SELECT id, kind, user_id, patient_id, detail, created_at, acknowledged_by, acknowledged_at FROM alerts
		WHERE (NOT ? OR acknowledged_at IS NULL) ORDER BY id DESC LIMIT ?`,
	AcknowledgeAlert: `UPDATE alerts SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL`,
	InsertAPIToken:   `INSERT INTO api_tokens (token_hash, user_id, name, scope, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
	SelectAPIToken:   `SELECT id, user_id, name, scope, created_at, expires_at, revoked FROM api_tokens WHERE token_hash = ?`,
	RevokeAPIToken:   `UPDATE api_tokens SET revoked = 1 WHERE id = ?`,

	SelectInboundAck: `SELECT id, ack, ack_code FROM interface_messages WHERE sending_app = ? AND sending_facility = ? AND control_id = ?`,
	// Claimed oldest first: a window of the oldest waiting messages, read in
	// id order from the pending index, of which a message is taken when no
	// earlier one of its patient is in the window or being processed; then
	// any whose lease lapsed. A window keeps the check's cost to its size even
	// when many messages of one patient wait together.
	ClaimInbound: `UPDATE interface_messages SET status = 'processing', lease_until = ?1, attempts = attempts + 1
		WHERE id IN (SELECT id FROM (
			SELECT id FROM (
				WITH w AS MATERIALIZED (SELECT id, patient_key FROM interface_messages WHERE status = 'received' ORDER BY id LIMIT 4 * ?3)
				SELECT m.id FROM w m WHERE m.patient_key = ''
					OR (NOT EXISTS (SELECT 1 FROM w e WHERE e.patient_key = m.patient_key AND e.id < m.id)
						AND NOT EXISTS (SELECT 1 FROM interface_messages e WHERE e.status = 'processing' AND e.id < m.id AND e.patient_key = m.patient_key))
				ORDER BY m.id LIMIT ?3)
			UNION ALL
			SELECT id FROM (SELECT m.id FROM interface_messages m WHERE m.status = 'processing' AND m.lease_until < ?2
				AND NOT EXISTS (SELECT 1 FROM interface_messages e WHERE m.patient_key <> '' AND e.status IN ('received', 'processing') AND e.id < m.id
					AND e.patient_key = m.patient_key)
				ORDER BY m.id LIMIT ?3))
			ORDER BY id LIMIT ?3)
		RETURNING id, channel, remote, sending_app, sending_facility, control_id, message_type, patient_key, raw, ack, ack_code, received_at, status, attempts, error, processed_at`,
	RequeueInbound:   `UPDATE interface_messages SET status = 'received', lease_until = NULL, attempts = attempts - 1 WHERE id = ?`,
	FinishInbound:    `UPDATE interface_messages SET status = ?, error = ?, processed_at = ?, lease_until = NULL WHERE id = ?`,
	SelectInbound:    `SELECT id, channel, remote, sending_app, sending_facility, control_id, message_type, patient_key, raw, ack, ack_code, received_at, status, attempts, error, processed_at FROM interface_messages WHERE id = ?`,
	FindInbound:      `SELECT id, channel, remote, sending_app, sending_facility, control_id, message_type, patient_key, raw, ack, ack_code, received_at, status, attempts, error, processed_at FROM interface_messages WHERE (?1 = '' OR status = ?1) AND (?2 = '' OR channel = ?2) ORDER BY id DESC LIMIT ?3`,
	ReprocessInbound: `UPDATE interface_messages SET status = 'received', error = '', lease_until = NULL WHERE id = ? AND status IN ('error', 'rejected')`,
	InboundStats:     `SELECT channel, status, ack_code, count(*), max(received_at) FROM interface_messages GROUP BY channel, status, ack_code`,

	Analyze: `ANALYZE`,

	LockPatient: `SELECT merged_into FROM patients WHERE id = ?`,
	SelectPatientItems: `SELECT 'encounter', id, 0 FROM encounters WHERE patient_id = ?1
		UNION ALL SELECT 'document', id, 0 FROM documents WHERE patient_id = ?1
		UNION ALL SELECT 'identifier', id, retired FROM patient_identifiers WHERE patient_id = ?1`,
	MoveEncounters:     `UPDATE encounters SET patient_id = ?, version = version + 1 WHERE patient_id = ?`,
	MoveDocuments:      `UPDATE documents SET patient_id = ? WHERE patient_id = ?`,
	MoveIdentifiers:    `UPDATE patient_identifiers SET patient_id = ?, retired = 1 WHERE patient_id = ?`,
	MarkMerged:         `UPDATE patients SET merged_into = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
	InsertMerge:        `INSERT INTO merges (survivor_id, retired_id, reason, moved, merged_by, merged_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
	SelectMerge:        `SELECT id, survivor_id, retired_id, reason, moved, merged_by, merged_at, undone_by, undone_at FROM merges WHERE id = ?`,
	SelectMerges:       `SELECT id, survivor_id, retired_id, reason, moved, merged_by, merged_at, undone_by, undone_at FROM merges WHERE survivor_id = ?1 OR retired_id = ?1 ORDER BY id`,
	UndoMerge:          `UPDATE merges SET undone_by = ?, undone_at = ? WHERE id = ? AND undone_at IS NULL`,
	MoveEncounterBack:  `UPDATE encounters SET patient_id = ?, version = version + 1 WHERE id = ? AND patient_id = ?`,
	MoveDocumentBack:   `UPDATE documents SET patient_id = ? WHERE id = ? AND patient_id = ?`,
	MoveIdentifierBack: `UPDATE patient_identifiers SET patient_id = ?, retired = ? WHERE id = ? AND patient_id = ?`,

	SelectDocumentByExternal: `SELECT ` + documentCols + ` FROM documents WHERE patient_id = ? AND external_id = ? ORDER BY id LIMIT 1`,
	InsertCharge: `INSERT INTO charges (patient_id, encounter_id, source, line, service_date, code, code_system, modifiers, description, units, amount, diagnoses, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, line) DO NOTHING`,
	SelectCharges: `SELECT id, patient_id, encounter_id, source, line, service_date, code, code_system, modifiers, description, units, amount, diagnoses, created_at
		FROM charges WHERE encounter_id = ? ORDER BY source, line`,

	UpsertCodeRelease: `INSERT INTO code_releases (id, meta, data, imported_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET meta = excluded.meta, data = excluded.data, imported_at = excluded.imported_at`,
	SelectCodeReleases: `SELECT meta FROM code_releases ORDER BY imported_at, id`,
	SelectCodeRelease:  `SELECT data FROM code_releases WHERE id = ?`,

	InsertRequest: `INSERT INTO release_requests (patient_id, status, basis, received_at, due_at, data, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
	UpdateRequest: `UPDATE release_requests SET status = ?, basis = ?, due_at = ?, data = ?, updated_at = ? WHERE id = ?`,
	SelectRequest: `SELECT id, data FROM release_requests WHERE id = ?`,
	SelectOpenRequests: `SELECT id, data FROM release_requests WHERE status NOT IN ('released', 'denied', 'cancelled') AND due_at < ?
		ORDER BY due_at, id LIMIT ?`,
	InsertDisclosure:  `INSERT INTO disclosures (patient_id, request_id, at, basis, corrects, data, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
	SelectDisclosures: `SELECT id, data FROM disclosures WHERE patient_id = ? ORDER BY at, id`,

	InsertAmendmentRequest: `INSERT INTO amendment_requests (patient_id, document_id, status, due_at, data, updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
	UpdateAmendmentRequest: `UPDATE amendment_requests SET status = ?, due_at = ?, data = ?, updated_at = ? WHERE id = ?`,
	SelectAmendmentRequest: `SELECT data FROM amendment_requests WHERE id = ?`,
	SelectAmendmentList:    `SELECT data FROM amendment_requests WHERE (?1 = '' OR status = ?1) ORDER BY due_at, id LIMIT ?2`,

	SelectCandidateByPair:  `SELECT id, status FROM match_candidates WHERE kind = ?1 AND left_id = ?2 AND right_id = ?3`,
	InsertCandidate:        `INSERT INTO match_candidates (kind, left_id, right_id, probability, weight, decision, explanation, status, found_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id`,
	UpdateCandidateScore:   `UPDATE match_candidates SET probability = ?1, weight = ?2, decision = ?3, explanation = ?4 WHERE id = ?5 AND status = 'open'`,
	SelectCandidate:        `SELECT id, kind, left_id, right_id, probability, weight, decision, explanation, status, assigned_to, decided_by, decided_at, note, found_at FROM match_candidates WHERE id = ?1`,
	SelectCandidates:       `SELECT id, kind, left_id, right_id, probability, weight, decision, explanation, status, assigned_to, decided_by, decided_at, note, found_at FROM match_candidates WHERE (?1 = '' OR status = ?1) AND (?2 = '' OR kind = ?2) AND (?3 = 0 OR assigned_to = ?3) AND (?4 = 0 OR left_id = ?4 OR right_id = ?4) ORDER BY probability DESC, id LIMIT ?5`,
	UpdateCandidateAssign:  `UPDATE match_candidates SET assigned_to = ?1 WHERE id = ?2`,
	UpdateCandidateDecided: `UPDATE match_candidates SET status = ?1, decided_by = ?2, decided_at = ?3, note = ?4 WHERE id = ?5 AND status = 'open'`,

	InsertReleaseLink:  `INSERT INTO release_links (request_id, token_hash, secret, expires_at, max_downloads, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id`,
	TakeReleaseLink:    `UPDATE release_links SET downloads = downloads + 1 WHERE token_hash = ?1 AND NOT revoked AND downloads < max_downloads AND expires_at > ?2 RETURNING id, request_id, secret, downloads, max_downloads, expires_at`,
	RevokeReleaseLinks: `UPDATE release_links SET revoked = TRUE WHERE request_id = ?1`,
	SelectReleaseLink:  `SELECT downloads, max_downloads, expires_at, revoked FROM release_links WHERE token_hash = ?1`,

	SelectRequestsReceived: `SELECT id, data FROM release_requests WHERE received_at >= ?1 AND received_at < ?2 ORDER BY received_at, id`,
	SelectAbstract:         `SELECT status, assigned_to, hold, data, version, updated_by, updated_at, finalised_at FROM abstracts WHERE encounter_id = ?1`,
	InsertAbstract:         `INSERT INTO abstracts (encounter_id, status, assigned_to, hold, data, version, updated_by, updated_at, finalised_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`,
	UpdateAbstract:         `UPDATE abstracts SET status = ?1, assigned_to = ?2, hold = ?3, data = ?4, version = ?5, updated_by = ?6, updated_at = ?7, finalised_at = ?8 WHERE encounter_id = ?9`,
	InsertAbstractChange:   `INSERT INTO abstract_changes (encounter_id, at, user_id, data) VALUES (?1, ?2, ?3, ?4)`,
	SelectAbstractChange:   `SELECT at, user_id, data FROM abstract_changes WHERE encounter_id = ?1 ORDER BY id`,
	SelectWorklist: `SELECT e.id, e.patient_id, e.facility, e.class, e.service, e.payer, e.discharge_at, COALESCE(a.status, ''), a.assigned_to, COALESCE(a.hold, ''), a.finalised_at
		FROM encounters e LEFT JOIN abstracts a ON a.encounter_id = e.id
		WHERE e.discharge_at IS NOT NULL AND (a.status IS NULL OR a.status <> 'final')
		AND (?1 = '' OR e.class = ?1) AND (?2 = '' OR e.service = ?2) AND (?3 = '' OR e.payer = ?3)
		AND (?4 = 0 OR a.assigned_to = ?4) AND (?5 = '' OR e.facility = ?5) AND e.discharge_at <= ?6
		ORDER BY e.discharge_at, e.id LIMIT ?7`,
	InsertCodingAudit:  `INSERT INTO coding_audits (encounter_id, status, mode, coder_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (encounter_id) DO NOTHING`,
	SelectCodingAudit:  `SELECT status, mode, coder_id, auditor_id, data, created_at, done_at FROM coding_audits WHERE encounter_id = ?1`,
	UpdateCodingAudit:  `UPDATE coding_audits SET status = ?1, auditor_id = ?2, data = ?3, done_at = ?4 WHERE encounter_id = ?5`,
	SelectCodingAudits: `SELECT encounter_id, status, mode, coder_id, auditor_id, data, created_at, done_at FROM coding_audits WHERE status = ?1 ORDER BY created_at, encounter_id`,
	UpsertSuggestionDecision: `INSERT INTO cac_feedback (encounter_key, code, rule, decision, user_id, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
		ON CONFLICT (encounter_key, code) DO UPDATE SET rule = excluded.rule, decision = excluded.decision, user_id = excluded.user_id, at = excluded.at`,
	SelectSuggestionDecisions: `SELECT code, rule, decision FROM cac_feedback WHERE at >= ?1 AND at < ?2`,
	SelectCodingActivity:      `SELECT user_id, at FROM abstract_changes WHERE at >= ?1 AND at < ?2 AND user_id IS NOT NULL`,
	SelectFinalised:           `SELECT a.updated_by, e.class, a.finalised_at FROM abstracts a JOIN encounters e ON e.id = a.encounter_id WHERE a.status = 'final' AND a.finalised_at >= ?1 AND a.finalised_at < ?2 AND a.updated_by IS NOT NULL`,
	SelectSetting:             `SELECT value FROM settings WHERE key = ?1`,
	UpsertSetting:             `INSERT INTO settings (key, value, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
}

// insertInbound is the statement that stores rows messages at once; a
// message seen before (same sender and control ID) is skipped, and only
// the stored ones come back.
func insertInbound(rows int) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO interface_messages (channel, remote, sending_app, sending_facility, control_id, message_type, patient_key, raw, ack, ack_code, received_at, status) VALUES `)
	for i := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
	}
	b.WriteString(` ON CONFLICT (sending_app, sending_facility, control_id) DO NOTHING RETURNING id, sending_app, sending_facility, control_id`)
	return b.String()
}
