package sqlstore

// AuditQueries holds an engine's statements for the audit trail.
type AuditQueries struct{}
