package sqlite

import "github.com/chartroom/chartroom/sqlstore"

var auditQueries = sqlstore.AuditQueries{}
