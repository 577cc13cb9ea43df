package sqlstore

import (
	"strconv"
	"strings"
)

// Where collects the conditions and arguments of a list query for an
// engine's query builders. Conditions are written with ? placeholders;
// Numbered engines (PostgreSQL) get them rewritten as $1, $2, ….
type Where struct {
	Numbered bool
	conds    []string
	args     []any
}

// Add appends a condition and its arguments.
func (w *Where) Add(cond string, args ...any) {
	if w.Numbered {
		var b strings.Builder
		n := len(w.args)
		for _, r := range cond {
			if r == '?' {
				n++
				b.WriteString("$" + strconv.Itoa(n))
				continue
			}
			b.WriteRune(r)
		}
		cond = b.String()
	}
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// SQL returns " WHERE a AND b …", or "" with no conditions.
func (w *Where) SQL() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// Limit returns " LIMIT ?" (or its numbered form) and adds n to the
// arguments.
func (w *Where) Limit(n int) string {
	w.args = append(w.args, n)
	if w.Numbered {
		return " LIMIT $" + strconv.Itoa(len(w.args))
	}
	return " LIMIT ?"
}

// Args returns the arguments in order.
func (w *Where) Args() []any { return w.args }

// PrefixEnd returns the smallest string greater than every string that has
// the prefix p, so that "col >= p AND col < end" is an index range. Engines
// compare these columns byte-wise (SQLite's default, COLLATE "C" in
// PostgreSQL).
func PrefixEnd(p string) string { return p + "\U0010FFFF" }
