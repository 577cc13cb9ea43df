package postgres

import (
	"strconv"
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
	CreateMigrations: `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)`,
	SelectMigrations: `SELECT version FROM schema_migrations`,
	InsertMigration:  `INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)`,

	SelectDataKeys: `SELECT id, purpose, wrapped, master_id, active FROM data_keys ORDER BY id`,
	InsertDataKey:  `INSERT INTO data_keys (id, purpose, wrapped, master_id, active, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
	UpdateDataKey:  `UPDATE data_keys SET wrapped = $1, master_id = $2 WHERE id = $3`,

	InsertFacility:   `INSERT INTO facilities (code, name) VALUES ($1, $2) RETURNING id`,
	SelectFacilities: `SELECT id, code, name FROM facilities ORDER BY code`,

	InsertProvider: `INSERT INTO providers (npi, family_norm, name, specialty, active) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
	UpdateProvider: `UPDATE providers SET npi = $1, family_norm = $2, name = $3, specialty = $4, active = $5 WHERE id = $6`,
	SelectProvider: `SELECT ` + providerCols + ` FROM providers WHERE id = $1`,

	InsertPatient: `INSERT INTO patients (family_norm, given_norm, birth_date, sex, names, flags, deceased_at, secret, ssn_bidx, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
	UpdatePatient: `UPDATE patients SET family_norm = $1, given_norm = $2, birth_date = $3, sex = $4, names = $5, flags = $6, deceased_at = $7, secret = $8, ssn_bidx = $9,
		updated_at = $10, version = version + 1 WHERE id = $11 AND version = $12`,
	SelectPatient:          `SELECT ` + patientCols + ` FROM patients p WHERE p.id = $1`,
	SelectPatientIDByIdent: `SELECT patient_id FROM patient_identifiers WHERE ($1::text = '' OR facility = $1) AND value = $2 ORDER BY retired, id LIMIT 1`,
	InsertIdentifier:       `INSERT INTO patient_identifiers (patient_id, type, facility, value, retired) VALUES ($1, $2, $3, $4, $5)`,
	DeleteIdentifiers:      `DELETE FROM patient_identifiers WHERE patient_id = $1`,
	SelectIdentifiers:      `SELECT type, facility, value, retired FROM patient_identifiers WHERE patient_id = $1 ORDER BY retired, id`,

	InsertEncounter: `INSERT INTO encounters (patient_id, facility, account, class, status, admit_at, discharge_at, admit_source, disposition, attending_id, service, payer, reason, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
	UpdateEncounter: `UPDATE encounters SET patient_id = $1, facility = $2, account = $3, class = $4, status = $5, admit_at = $6, discharge_at = $7, admit_source = $8, disposition = $9,
		attending_id = $10, service = $11, payer = $12, reason = $13, updated_at = $14, version = version + 1 WHERE id = $15 AND version = $16`,
	SelectEncounter: `SELECT ` + encounterCols + ` FROM encounters WHERE id = $1`,

	InsertDocument: `INSERT INTO documents (patient_id, encounter_id, type, title, author_id, service_at, status, source, sensitivity, created_at, updated_at, external_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
	UpdateDocument:          `UPDATE documents SET encounter_id = $1, type = $2, title = $3, author_id = $4, service_at = $5, status = $6, sensitivity = $7, updated_at = $8 WHERE id = $9`,
	BumpDocumentVersion:     `UPDATE documents SET version = $1, status = $2, updated_at = $3 WHERE id = $4`,
	SelectDocument:          `SELECT ` + documentCols + ` FROM documents WHERE id = $1`,
	SelectDocumentForUpdate: `SELECT version FROM documents WHERE id = $1 FOR UPDATE`,
	InsertVersion: `INSERT INTO document_versions (document_id, version, status, text, content_type, blob_sha256, size, reason, created_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
	SelectVersions:   `SELECT ` + versionCols + ` FROM document_versions WHERE document_id = $1 ORDER BY version`,
	SelectVersion:    `SELECT ` + versionCols + ` FROM document_versions WHERE document_id = $1 AND version = $2`,
	InsertBlob:       `INSERT INTO blobs (sha256, size, created_at) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING`,
	InsertAmendment:  `INSERT INTO amendments (document_id, version, text, reason, author_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
	SelectAmendments: `SELECT id, document_id, version, text, reason, author_id, created_by, created_at FROM amendments WHERE document_id = $1 ORDER BY id`,

	InsertUser:         `INSERT INTO users (username, name, roles, facilities, password_hash, must_change, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
	UpdateUser:         `UPDATE users SET name = $1, roles = $2, facilities = $3, disabled = $4, totp_secret = $5 WHERE id = $6`,
	SetPassword:        `UPDATE users SET password_hash = $1, must_change = $2, failed_logins = 0, locked_until = NULL WHERE id = $3`,
	SelectUser:         `SELECT ` + userCols + ` FROM users WHERE id = $1`,
	SelectUserByName:   `SELECT ` + userCols + ` FROM users WHERE username = $1`,
	SelectUsers:        `SELECT ` + userCols + ` FROM users ORDER BY username`,
	RecordLoginFailure: `UPDATE users SET failed_logins = failed_logins + 1, locked_until = $1 WHERE id = $2`,
	RecordLoginSuccess: `UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = $1 WHERE id = $2`,
	InsertSession:      `INSERT INTO sessions (token_hash, user_id, csrf, created_at, last_seen_at, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
	SelectSession:      `SELECT user_id, csrf, created_at, last_seen_at, expires_at, revoked FROM sessions WHERE token_hash = $1`,
	TouchSession:       `UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2`,
	RevokeSession:      `UPDATE sessions SET revoked = TRUE WHERE token_hash = $1`,
	RevokeUserSessions: `UPDATE sessions SET revoked = TRUE WHERE user_id = $1`,

	InsertScan:      `INSERT INTO scans (filename, content_type, blob_sha256, size, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
	SelectScans:     `SELECT ` + scanCols + ` FROM scans WHERE document_id IS NULL ORDER BY id`,
	SelectScan:      `SELECT ` + scanCols + ` FROM scans WHERE id = $1`,
	MarkScanIndexed: `UPDATE scans SET document_id = $1 WHERE id = $2 AND document_id IS NULL`,

	InsertBreakGlass: `INSERT INTO break_glass (user_id, patient_id, reason, purpose, granted_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
	ActiveBreakGlass: `SELECT count(*) FROM break_glass WHERE user_id = $1 AND patient_id = $2 AND expires_at > $3`,
	InsertAlert:      `INSERT INTO alerts (kind, user_id, patient_id, detail, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
	SelectAlerts: `SELECT id, kind, user_id, patient_id, detail, created_at, acknowledged_by, acknowledged_at FROM alerts
		WHERE (NOT $1 OR acknowledged_at IS NULL) ORDER BY id DESC LIMIT $2`,
	AcknowledgeAlert: `UPDATE alerts SET acknowledged_by = $1, acknowledged_at = $2 WHERE id = $3 AND acknowledged_at IS NULL`,
	InsertAPIToken:   `INSERT INTO api_tokens (token_hash, user_id, name, scope, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
	SelectAPIToken:   `SELECT id, user_id, name, scope, created_at, expires_at, revoked FROM api_tokens WHERE token_hash = $1`,
	RevokeAPIToken:   `UPDATE api_tokens SET revoked = TRUE WHERE id = $1`,

	SelectInboundAck: `SELECT id, ack, ack_code FROM interface_messages WHERE sending_app = $1 AND sending_facility = $2 AND control_id = $3`,
	// Claimed oldest first, walking the pending index in id order so that a
	// claim stops after its limit instead of reading the whole backlog; a
	// message waits while an earlier one of the same patient is pending.
	ClaimInbound: `WITH fresh AS (SELECT m.id FROM interface_messages m WHERE m.status = 'received'
			AND NOT EXISTS (SELECT 1 FROM interface_messages e WHERE m.patient_key <> '' AND e.status IN ('received', 'processing') AND e.id < m.id
				AND e.patient_key = m.patient_key)
			ORDER BY m.id LIMIT $3 FOR UPDATE SKIP LOCKED),
		lapsed AS (SELECT m.id FROM interface_messages m WHERE m.status = 'processing' AND m.lease_until < $2
			AND NOT EXISTS (SELECT 1 FROM interface_messages e WHERE m.patient_key <> '' AND e.status IN ('received', 'processing') AND e.id < m.id
				AND e.patient_key = m.patient_key)
			ORDER BY m.id LIMIT $3 FOR UPDATE SKIP LOCKED)
		UPDATE interface_messages SET status = 'processing', lease_until = $1, attempts = attempts + 1
		WHERE id IN (SELECT id FROM (SELECT id FROM fresh UNION ALL SELECT id FROM lapsed) c ORDER BY id LIMIT $3)
		RETURNING id, channel, remote, sending_app, sending_facility, control_id, message_type, patient_key, raw, ack, ack_code, received_at, status, attempts, error, processed_at`,
	RequeueInbound:   `UPDATE interface_messages SET status = 'received', lease_until = NULL, attempts = attempts - 1 WHERE id = $1`,
	FinishInbound:    `UPDATE interface_messages SET status = $1, error = $2, processed_at = $3, lease_until = NULL WHERE id = $4`,
	SelectInbound:    `SELECT id, channel, remote, sending_app, sending_facility, control_id, message_type, patient_key, raw, ack, ack_code, received_at, status, attempts, error, processed_at FROM interface_messages WHERE id = $1`,
	FindInbound:      `SELECT id, channel, remote, sending_app, sending_facility, control_id, message_type, patient_key, raw, ack, ack_code, received_at, status, attempts, error, processed_at FROM interface_messages WHERE ($1::text = '' OR status = $1) AND ($2::text = '' OR channel = $2) ORDER BY id DESC LIMIT $3`,
	ReprocessInbound: `UPDATE interface_messages SET status = 'received', error = '', lease_until = NULL WHERE id = $1 AND status IN ('error', 'rejected')`,
	InboundStats:     `SELECT channel, status, ack_code, count(*), max(received_at) FROM interface_messages GROUP BY channel, status, ack_code`,

	Analyze: `ANALYZE`,

	LockPatient: `SELECT merged_into FROM patients WHERE id = $1 FOR UPDATE`,
	SelectPatientItems: `SELECT 'encounter', id, FALSE FROM encounters WHERE patient_id = $1
		UNION ALL SELECT 'document', id, FALSE FROM documents WHERE patient_id = $1
		UNION ALL SELECT 'identifier', id, retired FROM patient_identifiers WHERE patient_id = $1`,
	MoveEncounters:     `UPDATE encounters SET patient_id = $1, version = version + 1 WHERE patient_id = $2`,
	MoveDocuments:      `UPDATE documents SET patient_id = $1 WHERE patient_id = $2`,
	MoveIdentifiers:    `UPDATE patient_identifiers SET patient_id = $1, retired = TRUE WHERE patient_id = $2`,
	MarkMerged:         `UPDATE patients SET merged_into = $1, updated_at = $2, version = version + 1 WHERE id = $3`,
	InsertMerge:        `INSERT INTO merges (survivor_id, retired_id, reason, moved, merged_by, merged_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
	SelectMerge:        `SELECT id, survivor_id, retired_id, reason, moved, merged_by, merged_at, undone_by, undone_at FROM merges WHERE id = $1`,
	SelectMerges:       `SELECT id, survivor_id, retired_id, reason, moved, merged_by, merged_at, undone_by, undone_at FROM merges WHERE survivor_id = $1 OR retired_id = $1 ORDER BY id`,
	UndoMerge:          `UPDATE merges SET undone_by = $1, undone_at = $2 WHERE id = $3 AND undone_at IS NULL`,
	MoveEncounterBack:  `UPDATE encounters SET patient_id = $1, version = version + 1 WHERE id = $2 AND patient_id = $3`,
	MoveDocumentBack:   `UPDATE documents SET patient_id = $1 WHERE id = $2 AND patient_id = $3`,
	MoveIdentifierBack: `UPDATE patient_identifiers SET patient_id = $1, retired = $2 WHERE id = $3 AND patient_id = $4`,

	SelectDocumentByExternal: `SELECT ` + documentCols + ` FROM documents WHERE patient_id = $1 AND external_id = $2 ORDER BY id LIMIT 1`,
	InsertCharge: `INSERT INTO charges (patient_id, encounter_id, source, line, service_date, code, code_system, modifiers, description, units, amount, diagnoses, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (source, line) DO NOTHING`,
	SelectCharges: `SELECT id, patient_id, encounter_id, source, line, service_date, code, code_system, modifiers, description, units, amount, diagnoses, created_at
		FROM charges WHERE encounter_id = $1 ORDER BY source, line`,

	UpsertCodeRelease: `INSERT INTO code_releases (id, meta, data, imported_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (id) DO UPDATE SET meta = excluded.meta, data = excluded.data, imported_at = excluded.imported_at`,
	SelectCodeReleases: `SELECT meta FROM code_releases ORDER BY imported_at, id`,
	SelectCodeRelease:  `SELECT data FROM code_releases WHERE id = $1`,

	InsertRequest: `INSERT INTO release_requests (patient_id, status, basis, received_at, due_at, data, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
	UpdateRequest: `UPDATE release_requests SET status = $1, basis = $2, due_at = $3, data = $4, updated_at = $5 WHERE id = $6`,
	SelectRequest: `SELECT id, data FROM release_requests WHERE id = $1 FOR UPDATE`,
	SelectOpenRequests: `SELECT id, data FROM release_requests WHERE status NOT IN ('released', 'denied', 'cancelled') AND due_at < $1
		ORDER BY due_at, id LIMIT $2`,
	InsertDisclosure:  `INSERT INTO disclosures (patient_id, request_id, at, basis, corrects, data, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
	SelectDisclosures: `SELECT id, data FROM disclosures WHERE patient_id = $1 ORDER BY at, id`,

	InsertAmendmentRequest: `INSERT INTO amendment_requests (patient_id, document_id, status, due_at, data, updated_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
	UpdateAmendmentRequest: `UPDATE amendment_requests SET status = $1, due_at = $2, data = $3, updated_at = $4 WHERE id = $5`,
	SelectAmendmentRequest: `SELECT data FROM amendment_requests WHERE id = $1 FOR UPDATE`,
	SelectAmendmentList:    `SELECT data FROM amendment_requests WHERE ($1::text = '' OR status = $1::text) ORDER BY due_at, id LIMIT $2`,

	SelectCandidateByPair:  `SELECT id, status FROM match_candidates WHERE kind = $1 AND left_id = $2 AND right_id = $3`,
	InsertCandidate:        `INSERT INTO match_candidates (kind, left_id, right_id, probability, weight, decision, explanation, status, found_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
	UpdateCandidateScore:   `UPDATE match_candidates SET probability = $1, weight = $2, decision = $3, explanation = $4 WHERE id = $5 AND status = 'open'`,
	SelectCandidate:        `SELECT id, kind, left_id, right_id, probability, weight, decision, explanation, status, assigned_to, decided_by, decided_at, note, found_at FROM match_candidates WHERE id = $1`,
	SelectCandidates:       `SELECT id, kind, left_id, right_id, probability, weight, decision, explanation, status, assigned_to, decided_by, decided_at, note, found_at FROM match_candidates WHERE ($1::text = '' OR status = $1::text) AND ($2::text = '' OR kind = $2::text) AND ($3::bigint = 0 OR assigned_to = $3::bigint) AND ($4::bigint = 0 OR left_id = $4::bigint OR right_id = $4::bigint) ORDER BY probability DESC, id LIMIT $5`,
	UpdateCandidateAssign:  `UPDATE match_candidates SET assigned_to = $1 WHERE id = $2`,
	UpdateCandidateDecided: `UPDATE match_candidates SET status = $1, decided_by = $2, decided_at = $3, note = $4 WHERE id = $5 AND status = 'open'`,

	InsertReleaseLink:  `INSERT INTO release_links (request_id, token_hash, secret, expires_at, max_downloads, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
	TakeReleaseLink:    `UPDATE release_links SET downloads = downloads + 1 WHERE token_hash = $1 AND NOT revoked AND downloads < max_downloads AND expires_at > $2 RETURNING id, request_id, secret, downloads, max_downloads, expires_at`,
	RevokeReleaseLinks: `UPDATE release_links SET revoked = TRUE WHERE request_id = $1`,
	SelectReleaseLink:  `SELECT downloads, max_downloads, expires_at, revoked FROM release_links WHERE token_hash = $1`,

	SelectRequestsReceived: `SELECT id, data FROM release_requests WHERE received_at >= $1 AND received_at < $2 ORDER BY received_at, id`,
	SelectAbstract:         `SELECT status, assigned_to, hold, data, version, updated_by, updated_at, finalised_at FROM abstracts WHERE encounter_id = $1 FOR UPDATE`,
	InsertAbstract:         `INSERT INTO abstracts (encounter_id, status, assigned_to, hold, data, version, updated_by, updated_at, finalised_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
	UpdateAbstract:         `UPDATE abstracts SET status = $1, assigned_to = $2, hold = $3, data = $4, version = $5, updated_by = $6, updated_at = $7, finalised_at = $8 WHERE encounter_id = $9`,
	InsertAbstractChange:   `INSERT INTO abstract_changes (encounter_id, at, user_id, data) VALUES ($1, $2, $3, $4)`,
	SelectAbstractChange:   `SELECT at, user_id, data FROM abstract_changes WHERE encounter_id = $1 ORDER BY id`,
	SelectWorklist: `SELECT e.id, e.patient_id, e.facility, e.class, e.service, e.payer, e.discharge_at, COALESCE(a.status, ''), a.assigned_to, COALESCE(a.hold, ''), a.finalised_at
		FROM encounters e LEFT JOIN abstracts a ON a.encounter_id = e.id
		WHERE e.discharge_at IS NOT NULL AND (a.status IS NULL OR a.status <> 'final')
		AND ($1::text = '' OR e.class = $1::text) AND ($2::text = '' OR e.service = $2::text) AND ($3::text = '' OR e.payer = $3::text)
		AND ($4::bigint = 0 OR a.assigned_to = $4::bigint) AND ($5::text = '' OR e.facility = $5::text) AND e.discharge_at <= $6
		ORDER BY e.discharge_at, e.id LIMIT $7`,
	InsertCodingAudit:  `INSERT INTO coding_audits (encounter_id, status, mode, coder_id, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (encounter_id) DO NOTHING`,
	SelectCodingAudit:  `SELECT status, mode, coder_id, auditor_id, data, created_at, done_at FROM coding_audits WHERE encounter_id = $1`,
	UpdateCodingAudit:  `UPDATE coding_audits SET status = $1, auditor_id = $2, data = $3, done_at = $4 WHERE encounter_id = $5`,
	SelectCodingAudits: `SELECT encounter_id, status, mode, coder_id, auditor_id, data, created_at, done_at FROM coding_audits WHERE status = $1 ORDER BY created_at, encounter_id`,
	UpsertSuggestionDecision: `INSERT INTO cac_feedback (encounter_key, code, rule, decision, user_id, at) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (encounter_key, code) DO UPDATE SET rule = excluded.rule, decision = excluded.decision, user_id = excluded.user_id, at = excluded.at`,
	SelectSuggestionDecisions: `SELECT code, rule, decision FROM cac_feedback WHERE at >= $1 AND at < $2`,
	SelectCodingActivity:      `SELECT user_id, at FROM abstract_changes WHERE at >= $1 AND at < $2 AND user_id IS NOT NULL`,
	SelectFinalised:           `SELECT a.updated_by, e.class, a.finalised_at FROM abstracts a JOIN encounters e ON e.id = a.encounter_id WHERE a.status = 'final' AND a.finalised_at >= $1 AND a.finalised_at < $2 AND a.updated_by IS NOT NULL`,
	SelectSetting:             `SELECT value FROM settings WHERE key = $1`,
	UpsertSetting:             `INSERT INTO settings (key, value, updated_by, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
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
		b.WriteByte('(')
		for j := range 12 {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("$" + strconv.Itoa(i*12+j+1))
		}
		b.WriteByte(')')
	}
	b.WriteString(` ON CONFLICT (sending_app, sending_facility, control_id) DO NOTHING RETURNING id, sending_app, sending_facility, control_id`)
	return b.String()
}
